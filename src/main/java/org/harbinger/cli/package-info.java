/**
 * The command line: picocli commands over the other modules.
 */
@ApplicationModule(allowedDependencies = { "incident", "ingest", "backtest", "threshold", "bench", "engine::api",
		"engine::replay" })
package org.harbinger.cli;

import org.springframework.modulith.ApplicationModule;
