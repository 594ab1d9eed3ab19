/**
 * The backtest and the scenario runner: the rules replayed over a history of incidents.
 */
@ApplicationModule(allowedDependencies = { "incident", "ingest", "alert", "engine::api", "engine::replay" })
package org.harbinger.backtest;

import org.springframework.modulith.ApplicationModule;
