/**
 * Feeds for other tools: Atom, CSV and STIX.
 */
@ApplicationModule(allowedDependencies = { "incident", "ingest", "alert", "engine::api" })
package org.harbinger.feed;

import org.springframework.modulith.ApplicationModule;
