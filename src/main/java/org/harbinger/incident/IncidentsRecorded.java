package org.harbinger.incident;

import java.util.List;

/** Published inside the transaction that stored the incidents; listeners act after commit. */
public record IncidentsRecorded(List<Incident> upserted, List<IncidentKey> deleted) {
}
