/**
 * Thresholds tuned live: the API, the page, the audit and the preview.
 */
@ApplicationModule(allowedDependencies = { "incident", "alert", "backtest", "engine::api", "engine::replay" })
package org.harbinger.threshold;

import org.springframework.modulith.ApplicationModule;
