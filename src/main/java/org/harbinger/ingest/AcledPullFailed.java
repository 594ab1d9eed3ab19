package org.harbinger.ingest;

import java.time.Instant;

/**
 * A pull from ACLED ended without storing what it asked for (ACLED refused or kept
 * failing, or its import failed): told to those who watch the machinery
 * ({@code rule-errors} subscriptions). The next pull asks again from the same point.
 *
 * @param importId the pull's import job, {@code GET /api/imports/{id}}
 * @param message why, as the import job says it
 * @param at when it failed
 */
public record AcledPullFailed(long importId, String message, Instant at) {
}
