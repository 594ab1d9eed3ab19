package org.harbinger;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import org.harbinger.incident.ClaimStatus;
import org.harbinger.incident.Incident;

/**
 * Incidents for tests, already normalised, with only the fields a test cares about set.
 */
public final class TestIncidents {

	private TestIncidents() {
	}

	/** An ISKP bombing in a country: an ISKP violent event. */
	public static Incident iskpAttack(String id, LocalDate date, String country) {
		return builder(id, date, country).actor1("Islamic State (Afghanistan)", "ISKP")
			.type("Explosions/Remote violence", "Remote explosive/landmine/IED")
			.build();
	}

	/** Rockets fired from Afghan territory into a neighbour. */
	public static Incident rocketsFromAfghanistan(String id, LocalDate date, String country) {
		return builder(id, date, country).actor1("Islamic State (Afghanistan)", "ISKP")
			.origin("Afghanistan")
			.type("Explosions/Remote violence", "Shelling/artillery/missile attack")
			.build();
	}

	/** A peaceful protest: data that covers a day without being violence. */
	public static Incident protest(String id, LocalDate date, String country) {
		return builder(id, date, country).actor1("Protesters (Afghanistan)", "CIVILIANS")
			.type("Protests", "Peaceful protest")
			.build();
	}

	public static Builder builder(String id, LocalDate date, String country) {
		return new Builder(id, date, country);
	}

	/** Sets the fields rules match on; the rest stay empty. */
	public static final class Builder {

		private final String id;

		private final LocalDate date;

		private final String country;

		private String actor1;

		private String actor1Group;

		private String origin;

		private String eventType = "Battles";

		private String subEventType = "Armed clash";

		private String admin1;

		private int fatalities;

		private String location;

		private Double latitude;

		private Double longitude;

		private String notes = "";

		private final Set<String> tags = new LinkedHashSet<>();

		Builder(String id, LocalDate date, String country) {
			this.id = id;
			this.date = date;
			this.country = country;
		}

		public Builder actor1(String actor, String group) {
			this.actor1 = actor;
			this.actor1Group = group;
			return this;
		}

		public Builder origin(String origin) {
			this.origin = origin;
			return this;
		}

		public Builder type(String eventType, String subEventType) {
			this.eventType = eventType;
			this.subEventType = subEventType;
			return this;
		}

		public Builder admin1(String admin1) {
			this.admin1 = admin1;
			return this;
		}

		/** Where it happened: the place's name and its coordinates. */
		public Builder at(String location, double latitude, double longitude) {
			this.location = location;
			this.latitude = latitude;
			this.longitude = longitude;
			return this;
		}

		public Builder fatalities(int fatalities) {
			this.fatalities = fatalities;
			return this;
		}

		public Builder notes(String notes) {
			this.notes = notes;
			return this;
		}

		public Builder tag(String tag) {
			this.tags.add(tag);
			return this;
		}

		public Incident build() {
			return new Incident("test", this.id, this.date, 1, "Political violence", this.eventType, this.subEventType,
					this.actor1, null, null, null, null, null, null, null, null, null, this.country, this.admin1, null,
					null, this.location, this.latitude, this.longitude, null, "test", null, this.notes, this.fatalities,
					Set.copyOf(this.tags), null, this.origin, ClaimStatus.ATTRIBUTED, "B", 2, this.actor1Group, null,
					Set.of(), Set.of(), "test incident: default grade");
		}

	}

}
