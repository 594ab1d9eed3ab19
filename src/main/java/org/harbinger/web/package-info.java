/**
 * The dashboard's pages.
 */
@ApplicationModule(allowedDependencies = { "incident", "ingest", "alert", "digest", "engine::api" })
package org.harbinger.web;

import org.springframework.modulith.ApplicationModule;
