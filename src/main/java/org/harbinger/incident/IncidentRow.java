package org.harbinger.incident;

import java.util.Arrays;

/**
 * An incident with its column values and the hash of its content, computed once (on the
 * reading thread of an import, off the one that stores).
 */
public record IncidentRow(Incident incident, Object[] values, long hash) {

	static IncidentRow of(Incident incident) {
		Object[] values = IncidentColumns.values(incident);
		// The hash leaves out an empty last column (added in V85), so rows stored before
		// it
		// do not all look amended on their next import; one naming groups does, and is.
		Object[] hashed = incident.assocActor1Groups().isEmpty() ? Arrays.copyOf(values, values.length - 1) : values;
		return new IncidentRow(incident, values, ContentHash.of(hashed));
	}

}
