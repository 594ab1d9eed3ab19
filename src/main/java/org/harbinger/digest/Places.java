package org.harbinger.digest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where an alert's scope lies, as a reader groups it: its country
 * ({@code Afghanistan/Kunar} is Afghanistan), the region of a small neighbour (Uzbekistan
 * is Central Asia), and a short code for file names (AF). The digest groups alerts by
 * {@link #group} as Alertmanager's {@code group_by} does by a label; the subject names
 * places the same way.
 */
final class Places {

	static final String GLOBAL = "Global";

	static final String OTHER = "Other scopes";

	/**
	 * Neighbours named by region, so a digest reads by theatre rather than by a dozen
	 * countries.
	 */
	private static final Map<String, String> REGIONS = Map.ofEntries(Map.entry("Uzbekistan", "Central Asia"),
			Map.entry("Tajikistan", "Central Asia"), Map.entry("Turkmenistan", "Central Asia"),
			Map.entry("Kyrgyzstan", "Central Asia"), Map.entry("Kazakhstan", "Central Asia"),
			Map.entry("Iran", "Middle East"), Map.entry("Iraq", "Middle East"), Map.entry("Syria", "Middle East"),
			Map.entry("Turkey", "Middle East"), Map.entry("India", "South Asia"), Map.entry("Bangladesh", "South Asia"),
			Map.entry("Sri Lanka", "South Asia"), Map.entry("Maldives", "South Asia"), Map.entry("China", "East Asia"),
			Map.entry("Germany", "Europe"), Map.entry("France", "Europe"), Map.entry("Austria", "Europe"),
			Map.entry("Belgium", "Europe"), Map.entry("United Kingdom", "Europe"), Map.entry("Sweden", "Europe"),
			Map.entry("Netherlands", "Europe"));

	/** ISO 3166 alpha-2 codes by English country name, from the JDK's own list. */
	private static final Map<String, String> CODES = codes();

	private Places() {
	}

	/** The scope's country: its first part. */
	static String country(String scope) {
		return scope.contains("/") ? scope.substring(0, scope.indexOf('/')) : scope;
	}

	/** The country's region, or the country itself when it has none. */
	static String region(String country) {
		return REGIONS.getOrDefault(country, country);
	}

	/**
	 * The heading an alert of this scope is listed under: its region or country, Global,
	 * or Other scopes ({@code lang=uz}).
	 */
	static String group(String scope) {
		if (scope.equalsIgnoreCase("global")) {
			return GLOBAL;
		}
		String country = country(scope);
		return country.contains("=") ? OTHER : region(country);
	}

	/**
	 * The scope in a file name: {@code AF} for Afghanistan, {@code AF-kunar} for a
	 * province, the name itself (letters, digits, hyphens) where no code is known.
	 */
	static String code(String scope) {
		String country = country(scope);
		String code = CODES.getOrDefault(country.toLowerCase(Locale.ROOT), slug(country));
		return scope.contains("/") ? code + "-" + slug(scope.substring(scope.indexOf('/') + 1)) : code;
	}

	/**
	 * Lower case letters, digits and single hyphens only: safe in any file name and
	 * Content-ID.
	 */
	static String slug(String text) {
		String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		return slug.isEmpty() ? "x" : slug;
	}

	private static Map<String, String> codes() {
		Map<String, String> codes = new HashMap<>();
		for (String code : Locale.getISOCountries()) {
			codes.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
		}
		return Map.copyOf(codes);
	}

}
