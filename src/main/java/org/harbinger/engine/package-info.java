/**
 * The rules engine: the session, the rules and thresholds in force, hot reload. Other
 * modules see it through two named interfaces: {@code api}, the running service's face,
 * and {@code replay}, running the rules outside the service (backtests, previews,
 * charts). The rest (the reloader, the memory store, the facts the rules match) is the
 * engine's own.
 */
@ApplicationModule(allowedDependencies = { "incident" })
package org.harbinger.engine;

import org.springframework.modulith.ApplicationModule;
