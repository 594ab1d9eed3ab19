package org.harbinger.incident;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Published inside the transaction that stored, amended or deleted incidents; listeners
 * act after commit. The engine completes {@code evaluated} when it has evaluated them, so
 * that an import can keep a bounded number of batches waiting for the engine.
 */
public record IncidentsRecorded(List<Incident> upserted, List<IncidentKey> amended, List<IncidentKey> deleted,
		CompletableFuture<Void> evaluated) {

	/**
	 * {@code amended}: the keys among {@code upserted} whose stored version they
	 * replaced.
	 */
	IncidentsRecorded(List<Incident> upserted, List<IncidentKey> amended, List<IncidentKey> deleted) {
		this(upserted, amended, deleted, new CompletableFuture<>());
	}

}
