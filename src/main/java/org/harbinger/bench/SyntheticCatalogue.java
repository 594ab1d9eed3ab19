package org.harbinger.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What {@link SyntheticAcled} draws from: the region's countries and places with their
 * ACLED codes, event kinds, armed actors, outlets, communities, languages and the
 * analysts' rare tags, each with its weight or yearly rate.
 */
final class SyntheticCatalogue {

	private SyntheticCatalogue() {
	}

	/** A place: country, province, district, coordinates. */
	record Place(String country, String admin1, String admin2, double latitude, double longitude) {
	}

	/** A country's ACLED codes and its places, the first ones most often. */
	record Country(String name, String iso3, int iso, String region, List<Place> places) {
	}

	static final Map<String, Country> COUNTRIES = new HashMap<>();

	static {
		country("Afghanistan", "AFG", 4, "Caucasus and Central Asia", "Kabul:Kabul:34.53:69.17",
				"Nangarhar:Jalalabad:34.43:70.45", "Kunar:Asadabad:34.87:71.15", "Takhar:Taloqan:36.74:69.53",
				"Badakhshan:Faizabad:37.12:70.58", "Panjshir:Bazarak:35.31:69.52", "Baghlan:Pul-e-Khumri:35.94:68.71",
				"Kandahar:Kandahar:31.61:65.71", "Balkh:Mazar-e-Sharif:36.71:67.11", "Kunduz:Kunduz:36.73:68.86",
				"Parwan:Charikar:35.01:69.17", "Kapisa:Mahmud Raqi:35.02:69.34", "Herat:Herat:34.35:62.20",
				"Jowzjan:Darzab:35.98:65.38", "Ghazni:Ghazni:33.55:68.42", "Helmand:Lashkar Gah:31.59:64.37",
				"Nangarhar:Achin:34.13:70.70", "Kunar:Chawkay:34.78:70.94", "Nuristan:Parun:35.42:70.92",
				"Faryab:Maymana:35.92:64.78", "Bamyan:Bamyan:34.82:67.83", "Daykundi:Nili:33.72:66.13",
				"Ghor:Chaghcharan:34.52:65.25", "Kabul:Paghman:34.59:68.95");
		country("Pakistan", "PAK", 586, "South Asia", "Khyber Pakhtunkhwa:Bajaur:34.68:71.50",
				"Khyber Pakhtunkhwa:Peshawar:34.01:71.58", "Balochistan:Quetta:30.18:67.00",
				"Khyber Pakhtunkhwa:North Waziristan:32.99:70.07", "Khyber Pakhtunkhwa:Khyber:34.10:71.15",
				"Khyber Pakhtunkhwa:Orakzai:33.67:70.93", "Balochistan:Mastung:29.80:66.84",
				"Sindh:Karachi:24.86:67.01", "Punjab:Lahore:31.55:74.34", "Khyber Pakhtunkhwa:Kurram:33.87:70.10");
		country("Iran", "IRN", 364, "Middle East", "Sistan and Baluchestan:Zahedan:29.50:60.86",
				"Fars:Shiraz:29.59:52.58", "Kerman:Kerman:30.28:57.08", "Khorasan-e Razavi:Taybad:34.74:60.78");
		country("Tajikistan", "TJK", 762, "Caucasus and Central Asia", "Khatlon:Farkhor:37.49:69.40",
				"Gorno-Badakhshan:Ishkoshim:36.73:71.61", "Khatlon:Panj:37.24:69.10");
		country("Uzbekistan", "UZB", 860, "Caucasus and Central Asia", "Surxondaryo:Termiz:37.22:67.28",
				"Tashkent:Tashkent:41.30:69.24");
		country("Turkmenistan", "TKM", 795, "Caucasus and Central Asia", "Lebap:Kerki:37.83:65.21");
		country("China", "CHN", 156, "East Asia", "Xinjiang:Kashgar:39.47:75.99");
		country("India", "IND", 356, "South Asia", "Jammu and Kashmir:Srinagar:34.08:74.80",
				"Kerala:Kozhikode:11.26:75.78");
		country("Russia", "RUS", 643, "Europe", "Moscow Oblast:Krasnogorsk:55.83:37.33",
				"Dagestan:Makhachkala:42.98:47.50");
		country("Turkey", "TUR", 792, "Middle East", "Istanbul:Istanbul:41.01:28.98");
		country("Germany", "DEU", 276, "Europe", "North Rhine-Westphalia:Cologne:50.94:6.96");
		country("Austria", "AUT", 40, "Europe", "Vienna:Vienna:48.21:16.37");
		country("Maldives", "MDV", 462, "South Asia", "Male:Male:4.18:73.51");
		country("Qatar", "QAT", 634, "Middle East", "Ad Dawhah:Doha:25.29:51.53");
	}

	/**
	 * Share of rows per country; the rest of the world shares what Afghanistan and
	 * Pakistan leave.
	 */
	static final Weighted<String> WHERE = new Weighted<String>().add("Afghanistan", 700)
		.add("Pakistan", 240)
		.add("Iran", 15)
		.add("Tajikistan", 10)
		.add("Uzbekistan", 7)
		.add("India", 8)
		.add("Turkmenistan", 3)
		.add("China", 2)
		.add("Russia", 4)
		.add("Turkey", 5)
		.add("Germany", 2)
		.add("Austria", 2)
		.add("Maldives", 1)
		.add("Qatar", 1);

	static final Weighted<String[]> ISKP_EVENTS = new Weighted<String[]>()
		.add(event("Explosions/Remote violence", "Remote explosive/landmine/IED"), 30)
		.add(event("Explosions/Remote violence", "Suicide bomb"), 8)
		.add(event("Explosions/Remote violence", "Grenade"), 4)
		.add(event("Violence against civilians", "Attack"), 20)
		.add(event("Violence against civilians", "Abduction/forced disappearance"), 3)
		.add(event("Battles", "Armed clash"), 25)
		.add(event("Strategic developments", "Change to group/activity"), 4)
		.add(event("Strategic developments", "Arrests"), 5)
		.add(event("Strategic developments", "Headquarters or base established"), 1);

	static final Weighted<String[]> OTHER_EVENTS = new Weighted<String[]>().add(event("Battles", "Armed clash"), 30)
		.add(event("Battles", "Government regains territory"), 1)
		.add(event("Battles", "Non-state actor overtakes territory"), 1)
		.add(event("Explosions/Remote violence", "Air/drone strike"), 5)
		.add(event("Explosions/Remote violence", "Remote explosive/landmine/IED"), 8)
		.add(event("Explosions/Remote violence", "Shelling/artillery/missile attack"), 3)
		.add(event("Explosions/Remote violence", "Grenade"), 2)
		.add(event("Violence against civilians", "Attack"), 14)
		.add(event("Violence against civilians", "Abduction/forced disappearance"), 3)
		.add(event("Violence against civilians", "Sexual violence"), 1)
		.add(event("Protests", "Peaceful protest"), 15)
		.add(event("Protests", "Protest with intervention"), 2)
		.add(event("Protests", "Excessive force against protesters"), 1)
		.add(event("Riots", "Violent demonstration"), 2)
		.add(event("Riots", "Mob violence"), 1)
		.add(event("Strategic developments", "Arrests"), 5)
		.add(event("Strategic developments", "Agreement"), 1)
		.add(event("Strategic developments", "Looting/property destruction"), 1)
		.add(event("Strategic developments", "Disrupted weapons use"), 2)
		.add(event("Strategic developments", "Other"), 1);

	/**
	 * Armed actors other than ISKP, with their ACLED actor type; {country} becomes the
	 * country's name.
	 */
	static final Weighted<String[]> ARMED_ACTORS = new Weighted<String[]>()
		.add(new String[] { "Military Forces of {country} ({since}-)", "State forces" }, 30)
		.add(new String[] { "Police Forces of {country} ({since}-)", "State forces" }, 10)
		.add(new String[] { "Unidentified Armed Group ({country})", "Political militia" }, 20)
		.add(new String[] { "Tehreek-i-Taliban Pakistan", "Rebel group" }, 8)
		.add(new String[] { "NRF: National Resistance Front", "Rebel group" }, 5)
		.add(new String[] { "Lashkar-e-Islam", "Rebel group" }, 1)
		.add(new String[] { "Baloch Liberation Army", "Rebel group" }, 2);

	static final List<String> OUTLETS = List.of("Pajhwok Afghan News", "Tolo News", "Hasht-e Subh", "Amaj News",
			"Khaama Press", "Dawn", "The Express Tribune", "ISPR", "Radio Free Europe/Radio Liberty", "Amaq",
			"Voice of Khorasan", "Reuters", "Kabul Now", "Afghanistan International");

	static final List<String> COMMUNITIES = List.of(
			"Hazara Ethnic Group (Afghanistan); Shia Muslim Group (Afghanistan)", "Shia Muslim Group (Afghanistan)",
			"Sufi Muslim Group (Afghanistan)", "Sikh Religious Group (Afghanistan)", "Shia Muslim Group (Pakistan)");

	static final List<String> LANGUAGES = List.of("uz", "uz", "tg", "ky", "ps", "ps", "en", "ar", "fa", "ur");

	/**
	 * Rare tags and how often they occur in a year of data, in a fixed order: the
	 * generator draws for each in turn, so the order is part of what a seed gives (a
	 * {@code Map.of}'s order changes from one JVM to the next).
	 */
	static final List<Map.Entry<String, Double>> TAGS_PER_YEAR = List.of(Map.entry("defection", 30.0),
			Map.entry("mass-defection", 2.0), Map.entry("infiltration", 6.0), Map.entry("iskp-link", 12.0),
			Map.entry("propaganda", 100.0), Map.entry("plot-interdicted", 10.0), Map.entry("flag-sighting", 8.0),
			Map.entry("prison-escape", 1.0), Map.entry("foreigners", 3.0), Map.entry("school", 5.0),
			Map.entry("official-targeted", 40.0), Map.entry("scholar-targeted", 10.0), Map.entry("party=JUI-F", 15.0),
			Map.entry("religious-site", 20.0), Map.entry("campaign-declared", 0.5));

	static String[] event(String type, String subType) {
		return new String[] { type, subType };
	}

	private static void country(String name, String iso3, int iso, String region, String... places) {
		List<Place> list = new ArrayList<>();
		for (String place : places) {
			String[] parts = place.split(":");
			list.add(new Place(name, parts[0], parts[1], Double.parseDouble(parts[2]), Double.parseDouble(parts[3])));
		}
		COUNTRIES.put(name, new Country(name, iso3, iso, region, List.copyOf(list)));
	}

	/** A weighted choice. */
	static final class Weighted<T> {

		private final List<T> items = new ArrayList<>();

		private final List<Integer> cumulative = new ArrayList<>();

		private int total;

		Weighted<T> add(T item, int weight) {
			this.items.add(item);
			this.total += weight;
			this.cumulative.add(this.total);
			return this;
		}

		T pick(SplittableRandom random) {
			int at = random.nextInt(this.total);
			for (int i = 0; i < this.items.size(); i++) {
				if (at < this.cumulative.get(i)) {
					return this.items.get(i);
				}
			}
			throw new IllegalStateException();
		}

	}

}
