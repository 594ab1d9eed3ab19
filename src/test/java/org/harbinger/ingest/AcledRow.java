package org.harbinger.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of an ACLED export for tests: a quiet protest in Kabul unless a test sets
 * otherwise.
 */
final class AcledRow {

	static final String HEADER = String.join(",", IncidentFields.ACLED_COLUMNS);

	private final Map<String, String> values = new LinkedHashMap<>();

	private AcledRow(String id) {
		IncidentFields.ACLED_COLUMNS.forEach((column) -> this.values.put(column, ""));
		this.values.put("event_id_cnty", id);
		this.values.put("event_date", "2021-06-01");
		this.values.put("year", "2021");
		this.values.put("time_precision", "1");
		this.values.put("disorder_type", "Demonstrations");
		this.values.put("event_type", "Protests");
		this.values.put("sub_event_type", "Peaceful protest");
		this.values.put("actor1", "Protesters (Afghanistan)");
		this.values.put("inter1", "Protesters");
		this.values.put("iso", "4");
		this.values.put("region", "South Asia");
		this.values.put("country", "Afghanistan");
		this.values.put("admin1", "Kabul");
		this.values.put("location", "Kabul");
		this.values.put("latitude", "34.5167");
		this.values.put("longitude", "69.1833");
		this.values.put("geo_precision", "1");
		this.values.put("source", "Pajhwok Afghan News");
		this.values.put("source_scale", "National");
		this.values.put("notes", "Residents protested, demanding electricity.");
		this.values.put("fatalities", "0");
		this.values.put("timestamp", "1623000000");
	}

	static AcledRow of(String id) {
		return new AcledRow(id);
	}

	/**
	 * Islamic State rockets fired from Herat across the border: cross-border-fire's
	 * evidence.
	 */
	static AcledRow rocketsFromHerat(String id, String date, String country, String admin1, String location) {
		return of(id).set("event_date", date)
			.set("year", date.substring(0, 4))
			.set("disorder_type", "Political violence")
			.set("event_type", "Explosions/Remote violence")
			.set("sub_event_type", "Shelling/artillery/missile attack")
			.set("actor1", "Islamic State (Afghanistan)")
			.set("inter1", "2")
			.set("country", country)
			.set("admin1", admin1)
			.set("location", location)
			.set("notes", "Rockets fired from Herat into " + country + ".");
	}

	AcledRow set(String column, String value) {
		if (!this.values.containsKey(column)) {
			throw new IllegalArgumentException(column);
		}
		this.values.put(column, value);
		return this;
	}

	/**
	 * The row as ACLED's API answers it: each column a string, plus {@code iso3}, a field
	 * Harbinger does not keep.
	 */
	Map<String, String> api() {
		Map<String, String> row = new LinkedHashMap<>(this.values);
		row.put("iso3", "AFG");
		return row;
	}

	String line() {
		return CsvWriter.line(List.copyOf(this.values.values()));
	}

	/** A file of these rows under the ACLED header, lines ending in LF. */
	static String file(AcledRow... rows) {
		StringBuilder file = new StringBuilder(HEADER).append('\n');
		for (AcledRow row : rows) {
			file.append(row.line()).append('\n');
		}
		return file.toString();
	}

}
