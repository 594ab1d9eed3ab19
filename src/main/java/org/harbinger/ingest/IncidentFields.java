package org.harbinger.ingest;

import org.harbinger.incident.ClaimStatus;
import org.harbinger.incident.Incident;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one raw record (field name to text, from JSON or any CSV dialect) into a
 * normalised {@link Incident}, or into every reason it cannot be one. One path for all
 * ways in, so a field means the same wherever it comes from.
 */
public final class IncidentFields {

	/** The fields a record may carry, in ACLED's order, then the early-warning ones. */
	public static final List<String> NAMES = List.of("source", "event_id_cnty", "event_date", "year", "time_precision",
			"disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
			"assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
			"admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "reported_by", "source_scale",
			"notes", "fatalities", "tags", "timestamp", "origin_country", "claim_status", "reliability", "credibility");

	/**
	 * The 31 columns of an ACLED export, in ACLED's order (docs/indicators.md, section
	 * 1).
	 */
	public static final List<String> ACLED_COLUMNS = List.of("event_id_cnty", "event_date", "year", "time_precision",
			"disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
			"assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
			"admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
			"fatalities", "tags", "timestamp");

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	/** The longest text each field may hold: the database's column sizes. */
	private static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(Map.entry("source", 100),
			Map.entry("event_id_cnty", 100), Map.entry("disorder_type", 100), Map.entry("event_type", 100),
			Map.entry("sub_event_type", 100), Map.entry("actor1", 500), Map.entry("assoc_actor_1", 2000),
			Map.entry("inter1", 100), Map.entry("actor2", 500), Map.entry("assoc_actor_2", 2000),
			Map.entry("inter2", 100), Map.entry("interaction", 100), Map.entry("civilian_targeting", 100),
			Map.entry("region", 200), Map.entry("country", 200), Map.entry("admin1", 200), Map.entry("admin2", 200),
			Map.entry("admin3", 200), Map.entry("location", 500), Map.entry("reported_by", 4000),
			Map.entry("source_scale", 200), Map.entry("notes", 1_000_000), Map.entry("tags", 4000),
			Map.entry("origin_country", 200));

	/**
	 * Per field, in NAMES order, the longest text it may hold (unbounded for non-text
	 * fields).
	 */
	private static final int[] MAX = NAMES.stream()
		.mapToInt((name) -> MAX_LENGTH.getOrDefault(name, Integer.MAX_VALUE))
		.toArray();

	private static final int SOURCE = index("source"), EVENT_ID = index("event_id_cnty"),
			EVENT_DATE = index("event_date"), YEAR = index("year"), TIME_PRECISION = index("time_precision"),
			DISORDER_TYPE = index("disorder_type"), EVENT_TYPE = index("event_type"),
			SUB_EVENT_TYPE = index("sub_event_type"), ACTOR1 = index("actor1"), ASSOC_ACTOR_1 = index("assoc_actor_1"),
			INTER1 = index("inter1"), ACTOR2 = index("actor2"), ASSOC_ACTOR_2 = index("assoc_actor_2"),
			INTER2 = index("inter2"), INTERACTION = index("interaction"),
			CIVILIAN_TARGETING = index("civilian_targeting"), ISO = index("iso"), REGION = index("region"),
			COUNTRY = index("country"), ADMIN1 = index("admin1"), ADMIN2 = index("admin2"), ADMIN3 = index("admin3"),
			LOCATION = index("location"), LATITUDE = index("latitude"), LONGITUDE = index("longitude"),
			GEO_PRECISION = index("geo_precision"), REPORTED_BY = index("reported_by"),
			SOURCE_SCALE = index("source_scale"), NOTES = index("notes"), FATALITIES = index("fatalities"),
			TAGS = index("tags"), TIMESTAMP = index("timestamp"), ORIGIN_COUNTRY = index("origin_country"),
			CLAIM_STATUS = index("claim_status"), RELIABILITY = index("reliability"),
			CREDIBILITY = index("credibility");

	/**
	 * ACLED's numeric actor-type codes in older exports; newer ones write the label. 0
	 * means no actor.
	 */
	private static final List<String> INTER_LABELS = List.of("", "State forces", "Rebel group", "Political militia",
			"Identity militia", "Rioters", "Protesters", "Civilians", "External/Other forces");

	private static final DateTimeFormatter ACLED_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private final ActorAliases aliases;

	private final Grading grading;

	public IncidentFields(ActorAliases aliases, Grading grading) {
		this.aliases = aliases;
		this.grading = grading;
	}

	/** The outcome for one record: an incident, or the reasons it was refused. */
	public record Parsed(Incident incident, List<FieldError> errors) {

		public boolean ok() {
			return this.errors.isEmpty();
		}

	}

	/**
	 * Parses a record of field names to text; a name that is not one of {@link #NAMES} is
	 * an error.
	 */
	public Parsed parse(Map<String, String> raw) {
		String[] values = new String[NAMES.size()];
		List<FieldError> unknown = new ArrayList<>();
		raw.forEach((name, value) -> {
			int i = NAMES.indexOf(name);
			if (i < 0) {
				unknown.add(new FieldError(name, "unknown field"));
			}
			else {
				values[i] = value;
			}
		});
		return parse(values, unknown);
	}

	/** The index in {@link #NAMES} of a field, or -1 when there is no such field. */
	public static int index(String name) {
		return NAMES.indexOf(name);
	}

	/**
	 * Parses a record held as each field's text at its index in {@link #NAMES} (null
	 * where absent): the way a CSV row comes, without a map for every one of millions of
	 * rows.
	 */
	public Parsed parse(String[] values) {
		return parse(values, new ArrayList<>());
	}

	private Parsed parse(String[] values, List<FieldError> errors) {
		FieldReader in = new FieldReader(values, errors);
		for (int i = 0; i < values.length; i++) {
			if (values[i] == null) {
				continue;
			}
			if (values[i].length() > MAX[i]) {
				in.errors.add(new FieldError(NAMES.get(i),
						"is " + values[i].length() + " characters long, at most " + MAX[i]));
			}
			String control = ControlCharacters.problem(values[i], i == NOTES);
			if (control != null) {
				in.errors.add(new FieldError(NAMES.get(i), control));
			}
		}
		String source = in.required(SOURCE);
		String eventId = in.required(EVENT_ID);
		LocalDate eventDate = in.parse(EVENT_DATE, IncidentFields::date, true);
		String eventType = in
			.parse(EVENT_TYPE,
					(text) -> EventTaxonomy.eventType(text)
						.orElseThrow(() -> new IllegalArgumentException(
								"unknown event type '" + text + "'; expected one of " + EventTaxonomy.eventTypes())),
					true);
		String subEventType = (eventType == null) ? null : in
			.parse(SUB_EVENT_TYPE, (text) -> EventTaxonomy.subEventType(eventType, text)
				.orElseThrow(() -> new IllegalArgumentException("unknown sub-event type '" + text + "' for " + eventType
						+ "; expected one of " + String.join(", ", EventTaxonomy.subEventTypes(eventType)))),
					false);
		String country = in.required(COUNTRY);
		Integer fatalities = in.parse(FATALITIES, (text) -> atLeast(Integer.parseInt(text), 0), false);
		Double latitude = in.parse(LATITUDE, (text) -> within(Double.parseDouble(text), -90, 90), false);
		Double longitude = in.parse(LONGITUDE, (text) -> within(Double.parseDouble(text), -180, 180), false);
		Integer timePrecision = in.parse(TIME_PRECISION, (text) -> (int) within(Integer.parseInt(text), 1, 3), false);
		Integer geoPrecision = in.parse(GEO_PRECISION, (text) -> (int) within(Integer.parseInt(text), 1, 3), false);
		Integer iso = in.parse(ISO, (text) -> atLeast(Integer.parseInt(text), 0), false);
		Long timestamp = in.parse(TIMESTAMP, (text) -> atLeast(Long.parseLong(text), 0L), false);
		ClaimStatus claim = in.parse(CLAIM_STATUS, IncidentFields::claimStatus, false);
		String reliability = in.parse(RELIABILITY, IncidentFields::reliability, false);
		Integer credibility = in.parse(CREDIBILITY, (text) -> (int) within(Integer.parseInt(text), 1, 6), false);
		Integer year = in.parse(YEAR, Integer::parseInt, false);
		String inter1 = in.parse(INTER1, IncidentFields::inter, false);
		String inter2 = in.parse(INTER2, IncidentFields::inter, false);
		if (year != null && eventDate != null && year != eventDate.getYear()) {
			in.errors.add(new FieldError("year", "is " + year + " but event_date is in " + eventDate.getYear()));
		}
		if (!in.errors.isEmpty()) {
			return new Parsed(null, List.copyOf(in.errors));
		}
		Set<String> tags = tags(in.text(TAGS));
		String actor1 = in.text(ACTOR1);
		String actor2 = in.text(ACTOR2);
		String notes = in.text(NOTES);
		String actor1Group = this.aliases.group(actor1).orElse(null);
		String originCountry = (in.text(ORIGIN_COUNTRY) != null) ? in.text(ORIGIN_COUNTRY)
				: ActorAliases.homeCountry(actor1).orElse(null);
		ClaimStatus claimStatus = (claim != null) ? claim : claimStatus(tags, notes, actor1Group);
		Grading.Grade grade = this.grading.grade(in.text(REPORTED_BY), claimStatus, tags, reliability, credibility);
		Incident incident = new Incident(source, eventId, eventDate, timePrecision, in.text(DISORDER_TYPE), eventType,
				subEventType, actor1, in.text(ASSOC_ACTOR_1), blankToNull(inter1), actor2, in.text(ASSOC_ACTOR_2),
				blankToNull(inter2), in.text(INTERACTION), in.text(CIVILIAN_TARGETING), iso, in.text(REGION), country,
				in.text(ADMIN1), in.text(ADMIN2), in.text(ADMIN3), in.text(LOCATION), latitude, longitude, geoPrecision,
				in.text(REPORTED_BY), in.text(SOURCE_SCALE), notes, (fatalities != null) ? fatalities : 0, tags,
				timestamp, originCountry, claimStatus, grade.reliability(), grade.credibility(), actor1Group,
				this.aliases.group(actor2).orElse(null), this.aliases.targets(in.text(ASSOC_ACTOR_2), tags),
				this.aliases.groups(in.text(ASSOC_ACTOR_1)), grade.reason());
		return new Parsed(incident, List.of());
	}

	/**
	 * Tags from the tag column: separated by {@code ;}, trimmed, lower case, blanks
	 * dropped.
	 */
	static Set<String> tags(String text) {
		Set<String> tags = new LinkedHashSet<>();
		if (text != null) {
			Arrays.stream(text.split(";"))
				.map((tag) -> tag.trim().toLowerCase(Locale.ROOT))
				.filter((tag) -> !tag.isEmpty())
				.forEach(tags::add);
		}
		return tags;
	}

	/**
	 * docs/indicators.md, section 1: tags first, then the notes' wording, then whether a
	 * named group acted.
	 */
	private static ClaimStatus claimStatus(Set<String> tags, String notes, String actor1Group) {
		if (tags.contains("claimed")) {
			return ClaimStatus.CLAIMED;
		}
		if (tags.contains("denied")) {
			return ClaimStatus.DENIED;
		}
		if (tags.contains("unclaimed")) {
			return ClaimStatus.UNCLAIMED;
		}
		if (notes != null && containsIgnoringCase(notes, "claimed responsibility")) {
			return ClaimStatus.CLAIMED;
		}
		return (actor1Group != null && !"UNKNOWN".equals(actor1Group)) ? ClaimStatus.ATTRIBUTED : ClaimStatus.UNCLAIMED;
	}

	/**
	 * Whether {@code text} holds {@code part} (lower case) in any case, without a
	 * lower-case copy of the text.
	 */
	private static boolean containsIgnoringCase(String text, String part) {
		char first = part.charAt(0);
		char upper = Character.toUpperCase(first);
		for (int i = 0; i + part.length() <= text.length(); i++) {
			char c = text.charAt(i);
			if ((c == first || c == upper) && text.regionMatches(true, i, part, 0, part.length())) {
				return true;
			}
		}
		return false;
	}

	private static LocalDate date(String text) {
		LocalDate date;
		String trimmed = text.trim();
		try {
			date = isoDate(trimmed) ? LocalDate.of(digits(trimmed, 0, 4), digits(trimmed, 5, 7), digits(trimmed, 8, 10))
					: LocalDate.parse(trimmed, ACLED_DATE);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a date (2022-04-18 or 18 April 2022)");
		}
		// Today in UTC from the millisecond clock: this runs for every row.
		if (date.isBefore(EARLIEST) || date.toEpochDay() > Math.floorDiv(System.currentTimeMillis(), 86_400_000L) + 1) {
			throw new IllegalArgumentException(date + " is out of range (" + EARLIEST + " to tomorrow)");
		}
		return date;
	}

	/**
	 * Whether the text is NNNN-NN-NN: parsed directly, the common case, without a
	 * formatter.
	 */
	private static boolean isoDate(String text) {
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return false;
		}
		for (int i = 0; i < 10; i++) {
			if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
				return false;
			}
		}
		return true;
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
	}

	private static ClaimStatus claimStatus(String text) {
		try {
			return ClaimStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + text + "' is not one of " + Arrays.toString(ClaimStatus.values()));
		}
	}

	/** An actor type as ACLED's label, from the label or an older export's number. */
	private static String inter(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isDigit(text.charAt(i))) {
				return text;
			}
		}
		int code = Integer.parseInt(text);
		if (code >= INTER_LABELS.size()) {
			throw new IllegalArgumentException("'" + text + "' is not an ACLED actor type code 0-8");
		}
		return INTER_LABELS.get(code);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

	private static String reliability(String text) {
		String grade = text.trim().toUpperCase(Locale.ROOT);
		if (!grade.matches("[A-F]")) {
			throw new IllegalArgumentException("'" + text + "' is not an Admiralty reliability grade A-F");
		}
		return grade;
	}

	private static <T extends Comparable<T>> T atLeast(T value, T minimum) {
		if (value.compareTo(minimum) < 0) {
			throw new IllegalArgumentException(value + " is negative");
		}
		return value;
	}

	private static double within(double value, double minimum, double maximum) {
		if (value < minimum || value > maximum) {
			throw new IllegalArgumentException(value + " is outside " + minimum + " to " + maximum);
		}
		return value;
	}

}
