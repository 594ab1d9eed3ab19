package org.harbinger.incident;

import java.util.Locale;

/**
 * The lower-cased copies of country and province that the writer stores beside them
 * (country_key, admin1_key; migration V63), so that a search that ignores case compares
 * with an indexed column instead of {@code LOWER(column)} on every row.
 */
public final class SearchKeys {

	/** The key columns, in the order {@link #of(Incident)} gives their values. */
	static final String COLUMNS = "country_key, admin1_key";

	private SearchKeys() {
	}

	/** The key a value is stored and searched by; null stays null. */
	public static String key(String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	static String[] of(Incident incident) {
		return new String[] { key(incident.country()), key(incident.admin1()) };
	}

}
