package org.harbinger.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentKey;

import org.springframework.modulith.NamedInterface;

/**
 * One step's changes to the incidents known: new or changed versions (in the order they
 * came), the keys among them that replaced a stored version, and the keys deleted.
 */
@NamedInterface("replay")
public record IncidentChanges(List<Incident> upserts, List<IncidentKey> amended, List<IncidentKey> deleted) {

	public IncidentChanges {
		upserts = List.copyOf(upserts);
		amended = List.copyOf(amended);
		deleted = List.copyOf(deleted);
	}

	public static IncidentChanges none() {
		return new IncidentChanges(List.of(), List.of(), List.of());
	}

	/**
	 * Whether an incident the rules may have seen is withdrawn: what they derived from
	 * its old version must go too, which only a rebuild from the store guarantees.
	 */
	boolean withdraws() {
		return !this.amended.isEmpty() || !this.deleted.isEmpty();
	}

	/**
	 * The event ids of the incidents amended or deleted: an alert they alone held up is
	 * retracted.
	 */
	Set<String> withdrawnIds() {
		Set<String> ids = new HashSet<>();
		this.amended.forEach((key) -> ids.add(key.eventId()));
		this.deleted.forEach((key) -> ids.add(key.eventId()));
		return ids;
	}

}
