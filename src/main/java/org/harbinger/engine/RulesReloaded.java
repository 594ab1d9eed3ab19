package org.harbinger.engine;

import java.time.Instant;

/** A new rule base is in force: {@code version} is the content hash of its files. */
public record RulesReloaded(String version, int files, Instant at) {
}
