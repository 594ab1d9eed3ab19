/**
 * Every way incidents come in: files, uploads, the inbox, the API and the ACLED
 * connector, through one pipeline.
 */
@ApplicationModule(allowedDependencies = { "incident", "engine::api" })
package org.harbinger.ingest;

import org.springframework.modulith.ApplicationModule;
