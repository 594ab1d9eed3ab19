package org.harbinger.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.harbinger.incident.IncidentFields;
import org.harbinger.ingest.CsvWriter;

/**
 * Writes a synthetic ACLED export realistic enough to exercise every indicator of
 * docs/indicators.md, section 3: mostly Afghanistan and Pakistan, about a quarter ISKP, ACLED's
 * event types in roughly their real proportions, surges now and then, rare cross-border
 * shelling and the analysts' tags at low rates. Rare events come at a rate per year, not
 * per row, so a small file and a large one tell the same story. Deterministic for a seed;
 * one row at a time, so memory does not grow with the file.
 */
public final class SyntheticAcled {

	private static final String ISKP_AFGHANISTAN = "Islamic State (Afghanistan)";

	private static final String ISKP_PAKISTAN = "Islamic State (Pakistan)";

	private static final DateTimeFormatter ACLED_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	/** A place: country, province, district, coordinates. */
	private record Place(String country, String admin1, String admin2, double latitude, double longitude) {
	}

	/** A country's ACLED codes and its places, the first ones most often. */
	private record Country(String name, String iso3, int iso, String region, List<Place> places) {
	}

	private static final Map<String, Country> COUNTRIES = new HashMap<>();

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
				"Khyber Pakhtunkhwa:Orakzai:33.67:70.93", "Balochistan:Mastung:29.80:66.84", "Sindh:Karachi:24.86:67.01",
				"Punjab:Lahore:31.55:74.34", "Khyber Pakhtunkhwa:Kurram:33.87:70.10");
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

	/** Share of rows per country; the rest of the world shares what Afghanistan and Pakistan leave. */
	private static final Weighted<String> WHERE = new Weighted<String>().add("Afghanistan", 700)
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

	private static final Weighted<String[]> ISKP_EVENTS = new Weighted<String[]>()
		.add(event("Explosions/Remote violence", "Remote explosive/landmine/IED"), 30)
		.add(event("Explosions/Remote violence", "Suicide bomb"), 8)
		.add(event("Explosions/Remote violence", "Grenade"), 4)
		.add(event("Violence against civilians", "Attack"), 20)
		.add(event("Violence against civilians", "Abduction/forced disappearance"), 3)
		.add(event("Battles", "Armed clash"), 25)
		.add(event("Strategic developments", "Change to group/activity"), 4)
		.add(event("Strategic developments", "Arrests"), 5)
		.add(event("Strategic developments", "Headquarters or base established"), 1);

	private static final Weighted<String[]> OTHER_EVENTS = new Weighted<String[]>()
		.add(event("Battles", "Armed clash"), 30)
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

	/** Armed actors other than ISKP, with their ACLED actor type; {country} becomes the country's name. */
	private static final Weighted<String[]> ARMED_ACTORS = new Weighted<String[]>()
		.add(new String[] { "Military Forces of {country} ({since}-)", "State forces" }, 30)
		.add(new String[] { "Police Forces of {country} ({since}-)", "State forces" }, 10)
		.add(new String[] { "Unidentified Armed Group ({country})", "Political militia" }, 20)
		.add(new String[] { "Tehreek-i-Taliban Pakistan", "Rebel group" }, 8)
		.add(new String[] { "NRF: National Resistance Front", "Rebel group" }, 5)
		.add(new String[] { "Lashkar-e-Islam", "Rebel group" }, 1)
		.add(new String[] { "Baloch Liberation Army", "Rebel group" }, 2);

	private static final List<String> OUTLETS = List.of("Pajhwok Afghan News", "Tolo News", "Hasht-e Subh", "Amaj News",
			"Khaama Press", "Dawn", "The Express Tribune", "ISPR", "Radio Free Europe/Radio Liberty", "Amaq",
			"Voice of Khorasan", "Reuters", "Kabul Now", "Afghanistan International");

	private static final List<String> COMMUNITIES = List.of(
			"Hazara Ethnic Group (Afghanistan); Shia Muslim Group (Afghanistan)", "Shia Muslim Group (Afghanistan)",
			"Sufi Muslim Group (Afghanistan)", "Sikh Religious Group (Afghanistan)", "Shia Muslim Group (Pakistan)");

	private static final List<String> LANGUAGES = List.of("uz", "uz", "tg", "ky", "ps", "ps", "en", "ar", "fa", "ur");

	/** Rare tags and how often they occur in a year of data. */
	private static final Map<String, Double> TAGS_PER_YEAR = Map.ofEntries(Map.entry("defection", 30.0),
			Map.entry("mass-defection", 2.0), Map.entry("infiltration", 6.0), Map.entry("iskp-link", 12.0),
			Map.entry("propaganda", 100.0), Map.entry("plot-interdicted", 10.0), Map.entry("flag-sighting", 8.0),
			Map.entry("prison-escape", 1.0), Map.entry("foreigners", 3.0), Map.entry("school", 5.0),
			Map.entry("official-targeted", 40.0), Map.entry("scholar-targeted", 10.0), Map.entry("party=JUI-F", 15.0),
			Map.entry("religious-site", 20.0), Map.entry("campaign-declared", 0.5));

	private static final double SHELLING_PER_YEAR = 8;

	private final SplittableRandom random;

	private final LocalDate start;

	private final int days;

	private final Map<String, Integer> sequence = new HashMap<>();

	private String idPrefix = "";

	private final double[] dayWeights;

	private final boolean[] surge;

	private double rowsPerDay;

	public SyntheticAcled(long seed, LocalDate start, int years) {
		this.random = new SplittableRandom(seed);
		this.start = start;
		this.days = (int) (start.plusYears(years).toEpochDay() - start.toEpochDay());
		this.dayWeights = new double[this.days];
		this.surge = new boolean[this.days];
		for (int day = 0; day < this.days; day++) {
			this.dayWeights[day] = 0.8 + 0.4 * this.random.nextDouble();
		}
		// About three surges a year, two weeks each, after the first four months so that a baseline exists.
		for (int at = 120 + this.random.nextInt(60); at + 14 < this.days; at += 90 + this.random.nextInt(60)) {
			for (int day = at; day < at + 14; day++) {
				this.surge[day] = true;
				this.dayWeights[day] *= 2.5;
			}
		}
	}

	/**
	 * Puts a prefix before every event id, so that two files of the same arguments can be
	 * imported into one database as different incidents (a benchmark's warm-up).
	 */
	public SyntheticAcled idPrefix(String prefix) {
		this.idPrefix = prefix;
		return this;
	}

	/** Writes the header and {@code rows} rows, in date order. */
	public void write(Writer out, long rows) throws IOException {
		out.write(String.join(",", IncidentFields.ACLED_COLUMNS));
		out.write('\n');
		double total = Arrays.stream(this.dayWeights).sum();
		this.rowsPerDay = (double) rows / this.days;
		long written = 0;
		double owed = 0;
		StringBuilder line = new StringBuilder(1024);
		for (int day = 0; day < this.days && written < rows; day++) {
			owed += rows * this.dayWeights[day] / total;
			long today = (day == this.days - 1) ? rows - written : Math.min(rows - written, Math.round(owed));
			owed -= today;
			for (long i = 0; i < today; i++) {
				line.setLength(0);
				row(line, this.start.plusDays(day), this.surge[day]);
				out.append(line).append('\n');
			}
			written += today;
		}
	}

	private void row(StringBuilder line, LocalDate date, boolean surging) {
		boolean iskp = this.random.nextDouble() < (surging ? 0.6 : 0.25);
		String countryName = WHERE.pick(this.random);
		if (chance(SHELLING_PER_YEAR)) {
			shelling(line, date);
			return;
		}
		Country country = COUNTRIES.get(countryName);
		boolean home = countryName.equals("Afghanistan") || countryName.equals("Pakistan");
		iskp = iskp && (home || this.random.nextDouble() < 0.3);
		String[] event = (iskp ? ISKP_EVENTS : OTHER_EVENTS).pick(this.random);
		String actor1;
		String inter1;
		if (iskp) {
			actor1 = countryName.equals("Pakistan") ? ISKP_PAKISTAN : ISKP_AFGHANISTAN;
			inter1 = "Rebel group";
		}
		else {
			String[] actor = switch (event[0]) {
				case "Protests" -> new String[] { "Protesters ({country})", "Protesters" };
				case "Riots" -> new String[] { "Rioters ({country})", "Rioters" };
				default -> ARMED_ACTORS.pick(this.random);
			};
			actor1 = actor[0].replace("{country}", countryName)
				.replace("{since}", countryName.equals("Pakistan") ? "2018" : "2021");
			inter1 = actor[1];
		}
		Set<String> tags = tags(iskp, event);
		String assoc2 = "";
		boolean violent = !event[0].equals("Protests") && !event[0].equals("Riots")
				&& !event[0].equals("Strategic developments");
		if (violent && (tags.contains("religious-site") || (iskp && this.random.nextDouble() < 0.04))) {
			assoc2 = COMMUNITIES.get(this.random.nextInt(COMMUNITIES.size()));
		}
		String actor2 = "";
		String inter2 = "";
		if (event[0].equals("Battles")) {
			actor2 = iskp ? "Military Forces of " + countryName + " (2021-)" : ISKP_AFGHANISTAN;
			inter2 = iskp ? "State forces" : "Rebel group";
		}
		else if (event[0].equals("Violence against civilians") || !assoc2.isEmpty()) {
			actor2 = "Civilians (" + countryName + ")";
			inter2 = "Civilians";
		}
		else if (event[1].equals("Change to group/activity") && tags.contains("defection")) {
			actor2 = ISKP_AFGHANISTAN;
			inter2 = "Rebel group";
		}
		Place place = place(country, tags);
		int fatalities = fatalities(event[1]);
		write(line, country, date, event, actor1, inter1, actor2, assoc2, inter2, place, fatalities, tags,
				(iskp ? "Islamic State Khorasan" : actor1) + " " + verb(event[1]) + " in " + place.admin2() + " ("
						+ place.admin1() + ")" + ((fatalities > 0) ? "; " + fatalities + " killed." : "."));
	}

	/** Rockets or shells from Afghan territory into Uzbekistan or Tajikistan (docs/indicators.md, section 4). */
	private void shelling(StringBuilder line, LocalDate date) {
		Country country = COUNTRIES.get(this.random.nextBoolean() ? "Uzbekistan" : "Tajikistan");
		Set<String> tags = new LinkedHashSet<>();
		tags.add(this.random.nextBoolean() ? "claimed" : "denied");
		write(line, country, date, event("Explosions/Remote violence", "Shelling/artillery/missile attack"),
				ISKP_AFGHANISTAN, "Rebel group", "", "", "", country.places().get(0), 0, tags,
				"Rockets fired from northern Afghanistan landed near " + country.places().get(0).admin2()
						+ "; the government denied any damage.");
	}

	private void write(StringBuilder line, Country country, LocalDate date, String[] event, String actor1,
			String inter1, String actor2, String assoc2, String inter2, Place place, int fatalities, Set<String> tags,
			String notes) {
		int number = this.sequence.merge(country.iso3(), 1, Integer::sum);
		boolean civilians = event[0].equals("Violence against civilians") || !assoc2.isEmpty();
		String disorder = switch (event[0]) {
			case "Protests", "Riots" -> "Demonstrations";
			case "Strategic developments" -> "Strategic developments";
			default -> "Political violence";
		};
		String outlets = OUTLETS.get(this.random.nextInt(OUTLETS.size()))
				+ (this.random.nextBoolean() ? "; " + OUTLETS.get(this.random.nextInt(OUTLETS.size())) : "");
		long timestamp = date.plusDays(3 + this.random.nextInt(10)).atStartOfDay().toEpochSecond(ZoneOffset.UTC)
				+ this.random.nextInt(86_400);
		List<String> fields = new ArrayList<>(31);
		fields.add(this.idPrefix + country.iso3() + number);
		fields.add(this.random.nextInt(10) == 0 ? date.format(ACLED_DATE) : date.toString());
		fields.add(Integer.toString(date.getYear()));
		fields.add(Integer.toString(1 + (this.random.nextInt(10) == 0 ? 1 : 0)));
		fields.add(disorder);
		fields.add(event[0]);
		fields.add(event[1]);
		fields.add(actor1);
		fields.add("");
		fields.add(inter1);
		fields.add(actor2);
		fields.add(assoc2);
		fields.add(inter2);
		fields.add(inter2.isEmpty() ? inter1 + " only" : inter1 + "-" + inter2);
		fields.add(civilians ? "Civilian targeting" : "");
		fields.add(Integer.toString(country.iso()));
		fields.add(country.region());
		fields.add(country.name());
		fields.add(place.admin1());
		fields.add(place.admin2());
		fields.add("");
		fields.add(place.admin2());
		fields.add(String.format(Locale.ROOT, "%.4f", place.latitude() + (this.random.nextDouble() - 0.5) / 10));
		fields.add(String.format(Locale.ROOT, "%.4f", place.longitude() + (this.random.nextDouble() - 0.5) / 10));
		fields.add(Integer.toString(1 + this.random.nextInt(2)));
		fields.add(outlets);
		fields.add(this.random.nextBoolean() ? "National" : "Subnational-National");
		fields.add("On " + date.format(ACLED_DATE) + ", " + notes);
		fields.add(Integer.toString(fatalities));
		fields.add(String.join("; ", tags));
		fields.add(Long.toString(timestamp));
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			CsvWriter.append(line, fields.get(i));
		}
	}

	private Set<String> tags(boolean iskp, String[] event) {
		Set<String> tags = new LinkedHashSet<>();
		if (iskp && this.random.nextDouble() < 0.4) {
			tags.add("claimed");
		}
		TAGS_PER_YEAR.forEach((tag, perYear) -> {
			// Tags about ISKP sit on ISKP rows; the rest anywhere.
			double rate = tag.equals("propaganda") || tag.equals("campaign-declared") || tag.equals("flag-sighting")
					|| tag.equals("official-targeted") || tag.equals("party=JUI-F") || tag.equals("scholar-targeted")
							? (iskp ? perYear * 4 : 0) : perYear;
			if (chance(rate)) {
				tags.add(tag);
				if (tag.equals("propaganda")) {
					tags.add("lang=" + LANGUAGES.get(this.random.nextInt(LANGUAGES.size())));
				}
			}
		});
		if (event[1].equals("Change to group/activity") && iskp && this.random.nextInt(3) == 0) {
			tags.add("defection");
		}
		return tags;
	}

	private Place place(Country country, Set<String> tags) {
		if (tags.contains("party=JUI-F")) {
			return COUNTRIES.get("Pakistan").places().get(0);
		}
		List<Place> places = country.places();
		// Earlier places are more frequent: a rough power law over the list.
		int index = (int) (places.size() * Math.pow(this.random.nextDouble(), 2.2));
		return places.get(Math.min(index, places.size() - 1));
	}

	private int fatalities(String subEventType) {
		return switch (subEventType) {
			case "Suicide bomb" -> this.random.nextInt(10) == 0 ? 20 + this.random.nextInt(60) : this.random.nextInt(15);
			case "Remote explosive/landmine/IED", "Attack", "Armed clash", "Air/drone strike" ->
				this.random.nextInt(3) == 0 ? this.random.nextInt(8) : 0;
			default -> 0;
		};
	}

	private static String verb(String subEventType) {
		return switch (subEventType) {
			case "Remote explosive/landmine/IED" -> "detonated an IED";
			case "Suicide bomb" -> "carried out a suicide bombing";
			case "Armed clash" -> "clashed with opponents";
			case "Attack" -> "attacked civilians";
			case "Peaceful protest", "Protest with intervention" -> "held a protest";
			case "Arrests" -> "were arrested";
			default -> "were reported (" + subEventType.toLowerCase(Locale.ROOT) + ")";
		};
	}

	/** True with the probability that makes {@code perYear} events a year at this file's density. */
	private boolean chance(double perYear) {
		return this.random.nextDouble() < perYear / (365 * this.rowsPerDay);
	}

	private static String[] event(String type, String subType) {
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
	private static final class Weighted<T> {

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
