package org.harbinger.engine;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

import org.harbinger.incident.ClaimStatus;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentKey;

/**
 * What the rules see of an incident: the matching fields, with the date as an epoch day
 * for window arithmetic.
 */
public final class IncidentFact {

	private static final Set<String> VIOLENT = Set.of("Battles", "Explosions/Remote violence",
			"Violence against civilians");

	private static final String ISKP = "ISKP";

	/** Strategic developments that are operations against actor2. */
	private static final Set<String> OPERATIONS = Set.of("Arrests", "Disrupted weapons use");

	private static final String STATE_FORCES = "State forces";

	/**
	 * ACLED's actor types (inter codes 1-4 and 8, as IncidentFields labels them) of
	 * organised armed actors.
	 */
	private static final Set<String> ARMED_TYPES = Set.of("state forces", "rebel group", "political militia",
			"identity militia", "external/other forces");

	/** Groups that are a state's forces when a record names no actor type. */
	private static final Set<String> STATE_GROUPS = Set.of("STATE_FORCES", "TALIBAN", "PAKISTAN_FORCES");

	// The fields the rules read, each repeated value once (FactValues): the session holds
	// a year of incidents, and the record's free text (notes, outlets, actor names before
	// normalisation, coordinates) is read by no rule.

	private final IncidentKey key;

	private final long day;

	private final LocalDate date;

	private final String country;

	private final String admin1;

	private final String admin2;

	private final String location;

	private final String eventType;

	private final String subEventType;

	private final String inter1;

	private final String actor1Group;

	private final String actor2Group;

	private final Set<String> assocActor1Groups;

	private final String originCountry;

	private final ClaimStatus claimStatus;

	private final int fatalities;

	private final Set<String> tags;

	private final Set<String> targetGroups;

	private final String reliability;

	private final int credibility;

	private final boolean civilianTargeted;

	IncidentFact(Incident incident) {
		this.key = new IncidentKey(FactValues.one(incident.source()), incident.eventId());
		this.day = incident.eventDate().toEpochDay();
		this.date = FactValues.one(incident.eventDate());
		this.country = FactValues.one(incident.country());
		this.admin1 = FactValues.one(incident.admin1());
		this.admin2 = FactValues.one(incident.admin2());
		this.location = FactValues.one(incident.location());
		this.eventType = FactValues.one(incident.eventType());
		this.subEventType = FactValues.one(incident.subEventType());
		this.inter1 = FactValues.one(incident.inter1());
		this.actor1Group = FactValues.one(incident.actor1Group());
		this.actor2Group = FactValues.one(incident.actor2Group());
		this.assocActor1Groups = FactValues.one(incident.assocActor1Groups());
		this.originCountry = FactValues.one(incident.originCountry());
		this.claimStatus = incident.claimStatus();
		this.fatalities = incident.fatalities();
		this.tags = FactValues.one(incident.tags());
		this.targetGroups = FactValues.one(incident.targetGroups());
		this.reliability = FactValues.one(incident.reliability());
		this.credibility = incident.credibility();
		this.civilianTargeted = incident.civilianTargeted();
	}

	IncidentKey key() {
		return this.key;
	}

	public String getEventId() {
		return this.key.eventId();
	}

	public long getDay() {
		return this.day;
	}

	public LocalDate getDate() {
		return this.date;
	}

	public String getCountry() {
		return this.country;
	}

	public String getAdmin1() {
		return this.admin1;
	}

	public String getAdmin2() {
		return this.admin2;
	}

	public String getLocation() {
		return this.location;
	}

	/**
	 * The alert scope of a province: {@code Country/Admin1}, or the country when admin1
	 * is unknown. One instance per scope, as the window buckets keep it beside each
	 * counted incident.
	 */
	public String getAdmin1Scope() {
		return (this.admin1 != null) ? FactValues.one(this.country + "/" + this.admin1) : this.country;
	}

	/**
	 * The alert scope of a district, {@code Country/Admin1/Admin2}, else of its province.
	 */
	public String getAdmin2Scope() {
		return (this.admin1 != null && this.admin2 != null) ? FactValues.one(getAdmin1Scope() + "/" + this.admin2)
				: getAdmin1Scope();
	}

	public String getEventType() {
		return this.eventType;
	}

	public String getSubEventType() {
		return this.subEventType;
	}

	public String getActor1Group() {
		return this.actor1Group;
	}

	public String getActor2Group() {
		return this.actor2Group;
	}

	public String getOriginCountry() {
		return this.originCountry;
	}

	public String getClaimStatus() {
		return this.claimStatus.name();
	}

	public int getFatalities() {
		return this.fatalities;
	}

	public Set<String> getTags() {
		return this.tags;
	}

	public Set<String> getTargetGroups() {
		return this.targetGroups;
	}

	public boolean hasTag(String tag) {
		return this.tags.contains(tag);
	}

	public boolean hasAnyTag(String... tags) {
		for (String tag : tags) {
			if (this.tags.contains(tag)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a tag starts with the prefix, such as {@code party=} for any party. */
	public boolean hasTagStartingWith(String prefix) {
		return this.tags.stream().anyMatch((tag) -> tag.startsWith(prefix));
	}

	/** The language of a {@code lang=xx} tag (ISO 639-1), or null when untagged. */
	public String getLanguage() {
		return this.tags.stream()
			.filter((tag) -> tag.startsWith("lang="))
			.map((tag) -> FactValues.one(tag.substring("lang=".length())))
			.findFirst()
			.orElse(null);
	}

	/** Admiralty source reliability, A (reliable) to F. */
	public String getReliability() {
		return this.reliability;
	}

	/** Admiralty information credibility, 1 (confirmed) to 6. */
	public int getCredibility() {
		return this.credibility;
	}

	/** Battles, explosions/remote violence or violence against civilians. */
	public boolean isViolent() {
		return VIOLENT.contains(this.eventType);
	}

	/**
	 * ISKP is named as either actor or acted alongside actor1, in whatever role
	 * (docs/indicators.md, "Actor roles").
	 */
	public boolean isIskp() {
		return named(ISKP);
	}

	/** ISKP acted: it is actor1, or one of actor1's associated actors. */
	public boolean isIskpPerpetrator() {
		return perpetrator(ISKP);
	}

	/**
	 * ISKP was acted upon: it is actor2 of an operation (a violent event, an arrest, a
	 * disrupted weapon), and actor1 (not ISKP) is a state force or another armed group. A
	 * Taliban raid on an ISKP cell, an arrest, an air strike. A change to group/activity
	 * with ISKP as actor2 (a defection to it) is no operation against it.
	 */
	public boolean isIskpTarget() {
		return target(ISKP);
	}

	/**
	 * The group (a canonical name of config/actors.yml, such as TTP) acted: it is actor1
	 * or one of actor1's associated actors. The roles of docs/indicators.md, "Actor
	 * roles", for any group an indicator counts, not only ISKP.
	 */
	public boolean perpetrator(String group) {
		return group.equals(this.actor1Group) || this.assocActor1Groups.contains(group);
	}

	/**
	 * The group was acted upon: actor2 of an operation by an armed actor1 that is not the
	 * group itself.
	 */
	public boolean target(String group) {
		return group.equals(this.actor2Group) && !perpetrator(group) && isActor1Armed()
				&& (isViolent() || OPERATIONS.contains(this.subEventType));
	}

	/**
	 * One of the groups (a threshold list) is named as actor1, an associated actor of
	 * actor1, or actor2.
	 */
	public boolean namesAny(Collection<String> groups) {
		return groups.stream().anyMatch(this::named);
	}

	/**
	 * The group is named as actor1, an associated actor of actor1, or actor2, in whatever
	 * role.
	 */
	public boolean named(String group) {
		return perpetrator(group) || group.equals(this.actor2Group);
	}

	/**
	 * Actor1 is a state force: ACLED's inter1 says so, or, when a record gives no actor
	 * type, actor1 normalises to a government's forces (the Taliban's since 2021).
	 */
	public boolean isActor1StateForce() {
		String type = this.inter1;
		if (type != null) {
			return STATE_FORCES.equalsIgnoreCase(type);
		}
		return STATE_GROUPS.contains(this.actor1Group);
	}

	/**
	 * Actor1 is an organised armed actor: state forces, rebels, militias or external
	 * forces, not civilians.
	 */
	private boolean isActor1Armed() {
		String type = this.inter1;
		if (type != null) {
			return ARMED_TYPES.contains(type.toLowerCase(Locale.ROOT));
		}
		String group = this.actor1Group;
		return group != null && !"CIVILIANS".equals(group);
	}

	public boolean isCivilianTargeting() {
		return this.civilianTargeted;
	}

	@Override
	public String toString() {
		return "IncidentFact(" + this.key + ", " + this.date + ")";
	}

}
