package org.harbinger.incident;

/** The identity of an incident: the feed it came from and that feed's id for it. */
public record IncidentKey(String source, String eventId) {

	@Override
	public String toString() {
		return this.source + "/" + this.eventId;
	}

}
