package org.harbinger.incident;

import java.time.LocalDate;
import java.util.Set;

/**
 * One incident record: ACLED's columns plus the early-warning fields, normalised.
 * Identity is {@code (source, eventId)}: {@code source} is the feed ("acled", "desk"),
 * {@code reportedBy} is ACLED's own {@code source} column (the outlets that reported it).
 * {@code assocActor1Groups} are the canonical groups named among actor1's associated
 * actors: who acted alongside actor1 (docs/indicators.md, "Actor roles").
 * {@code gradeReason} says in words where the Admiralty grade came from
 * (docs/grading.md).
 */
public record Incident(String source, String eventId, LocalDate eventDate, Integer timePrecision, String disorderType,
		String eventType, String subEventType, String actor1, String assocActor1, String inter1, String actor2,
		String assocActor2, String inter2, String interaction, String civilianTargeting, Integer iso, String region,
		String country, String admin1, String admin2, String admin3, String location, Double latitude, Double longitude,
		Integer geoPrecision, String reportedBy, String sourceScale, String notes, int fatalities, Set<String> tags,
		Long timestamp, String originCountry, ClaimStatus claimStatus, String reliability, int credibility,
		String actor1Group, String actor2Group, Set<String> targetGroups, Set<String> assocActor1Groups,
		String gradeReason) {

	public IncidentKey key() {
		return new IncidentKey(this.source, this.eventId);
	}

	public boolean civilianTargeted() {
		return this.civilianTargeting != null && !this.civilianTargeting.isBlank();
	}

}
