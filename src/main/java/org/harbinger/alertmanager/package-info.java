/**
 * Open alerts pushed to Prometheus Alertmanager through its v2 API
 * (docs/integrations.md).
 */
@ApplicationModule(allowedDependencies = { "alert", "engine::api" })
package org.harbinger.alertmanager;

import org.springframework.modulith.ApplicationModule;
