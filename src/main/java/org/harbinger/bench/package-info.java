/**
 * Synthetic data and the benchmarks' generators.
 */
@ApplicationModule(allowedDependencies = { "incident", "ingest", "alert", "backtest", "engine::api" })
package org.harbinger.bench;

import org.springframework.modulith.ApplicationModule;
