/**
 * Subscriptions, digests and flashes, and the outbox that delivers them.
 */
@ApplicationModule(allowedDependencies = { "incident", "ingest", "alert", "engine::api" })
package org.harbinger.digest;

import org.springframework.modulith.ApplicationModule;
