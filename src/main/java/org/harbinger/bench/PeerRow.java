package org.harbinger.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One incident row as the peer's queries return it: the columns the indicators read, and
 * the roles of docs/indicators.md, section 2, written again over them rather than
 * borrowed from the engine's facts, so that the peer is a second implementation the
 * comparison can catch out.
 */
record PeerRow(String eventId, long day, String country, String admin1, String admin2, String eventType,
		String subEventType, String actor1Group, String actor2Group, Set<String> assocActor1Groups, String inter1,
		Set<String> tags, Set<String> targetGroups, int fatalities, boolean civilianTargeting, String originCountry,
		String claimStatus, String reliability, int credibility) {

	/** The columns, in the order {@link PeerQueries} maps them. */
	static final String COLUMNS = "event_id, event_date, country, admin1, admin2, event_type, sub_event_type, "
			+ "actor1_group, actor2_group, assoc_actor1_groups, inter1, tags, target_groups, fatalities, "
			+ "civilian_targeting, origin_country, claim_status, reliability, credibility";

	/**
	 * The violent event types, as an SQL list for the queries that need nothing else.
	 */
	static final String VIOLENT_SQL = "event_type IN ('Battles', 'Explosions/Remote violence', "
			+ "'Violence against civilians')";

	private static final Set<String> VIOLENT = Set.of("Battles", "Explosions/Remote violence",
			"Violence against civilians");

	private static final Set<String> OPERATIONS = Set.of("Arrests", "Disrupted weapons use");

	private static final Set<String> ARMED_TYPES = Set.of("state forces", "rebel group", "political militia",
			"identity militia", "external/other forces");

	private static final Set<String> STATE_GROUPS = Set.of("STATE_FORCES", "TALIBAN", "PAKISTAN_FORCES");

	static Set<String> split(String joined) {
		// In stored order, as the engine reads them: the first lang= tag is the language.
		return (joined == null || joined.isEmpty()) ? Set.of()
				: Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(joined.split(";"))));
	}

	boolean violent() {
		return VIOLENT.contains(this.eventType);
	}

	boolean perpetrator(String group) {
		return group.equals(this.actor1Group) || this.assocActor1Groups.contains(group);
	}

	boolean named(String group) {
		return perpetrator(group) || group.equals(this.actor2Group);
	}

	boolean namesAny(Collection<String> groups) {
		return groups.stream().anyMatch(this::named);
	}

	boolean target(String group) {
		return group.equals(this.actor2Group) && !perpetrator(group) && actor1Armed()
				&& (violent() || OPERATIONS.contains(this.subEventType));
	}

	boolean iskpPerpetrator() {
		return perpetrator("ISKP");
	}

	boolean iskpTarget() {
		return target("ISKP");
	}

	boolean actor1StateForce() {
		return (this.inter1 != null) ? "State forces".equalsIgnoreCase(this.inter1)
				: STATE_GROUPS.contains(this.actor1Group);
	}

	private boolean actor1Armed() {
		if (this.inter1 != null) {
			return ARMED_TYPES.contains(this.inter1.toLowerCase(Locale.ROOT));
		}
		return this.actor1Group != null && !"CIVILIANS".equals(this.actor1Group);
	}

	boolean hasTag(String tag) {
		return this.tags.contains(tag);
	}

	boolean hasAnyTag(String... tags) {
		return Arrays.stream(tags).anyMatch(this.tags::contains);
	}

	boolean hasTagStartingWith(String prefix) {
		return this.tags.stream().anyMatch((tag) -> tag.startsWith(prefix));
	}

	String language() {
		return this.tags.stream()
			.filter((tag) -> tag.startsWith("lang="))
			.map((tag) -> tag.substring("lang=".length()))
			.findFirst()
			.orElse(null);
	}

	String admin1Scope() {
		return (this.admin1 != null) ? this.country + "/" + this.admin1 : this.country;
	}

	String admin2Scope() {
		return (this.admin1 != null && this.admin2 != null) ? admin1Scope() + "/" + this.admin2 : admin1Scope();
	}

}
