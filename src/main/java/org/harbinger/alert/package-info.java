/**
 * Alerts and their transitions, silences, notes and trend charts.
 */
@ApplicationModule(allowedDependencies = { "incident", "engine::api", "engine::replay" })
package org.harbinger.alert;

import org.springframework.modulith.ApplicationModule;
