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

import org.harbinger.ingest.IncidentFields;
import org.harbinger.ingest.CsvWriter;

import org.harbinger.bench.SyntheticCatalogue.Country;
import org.harbinger.bench.SyntheticCatalogue.Place;

import static org.harbinger.bench.SyntheticCatalogue.ARMED_ACTORS;
import static org.harbinger.bench.SyntheticCatalogue.COMMUNITIES;
import static org.harbinger.bench.SyntheticCatalogue.COUNTRIES;
import static org.harbinger.bench.SyntheticCatalogue.event;
import static org.harbinger.bench.SyntheticCatalogue.ISKP_EVENTS;
import static org.harbinger.bench.SyntheticCatalogue.LANGUAGES;
import static org.harbinger.bench.SyntheticCatalogue.OTHER_EVENTS;
import static org.harbinger.bench.SyntheticCatalogue.OUTLETS;
import static org.harbinger.bench.SyntheticCatalogue.TAGS_PER_YEAR;
import static org.harbinger.bench.SyntheticCatalogue.WHERE;

/**
 * Writes a synthetic ACLED export realistic enough to exercise every indicator of
 * docs/indicators.md, section 3: mostly Afghanistan and Pakistan, about a quarter ISKP,
 * ACLED's event types in roughly their real proportions, surges now and then, rare
 * cross-border shelling and the analysts' tags at low rates. Rare events come at a rate
 * per year, not per row, so a small file and a large one tell the same story.
 * Deterministic for a seed; one row at a time, so memory does not grow with the file.
 */
public final class SyntheticAcled {

	private static final String ISKP_AFGHANISTAN = "Islamic State (Afghanistan)";

	private static final String ISKP_PAKISTAN = "Islamic State (Pakistan)";

	private static final DateTimeFormatter ACLED_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

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
		// About three surges a year, two weeks each, after the first four months so that
		// a baseline exists.
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

	/**
	 * Rockets or shells from Afghan territory into Uzbekistan or Tajikistan
	 * (docs/indicators.md, section 4).
	 */
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
		for (Map.Entry<String, Double> entry : TAGS_PER_YEAR) {
			String tag = entry.getKey();
			double perYear = entry.getValue();
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
		}
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
			case "Suicide bomb" ->
				this.random.nextInt(10) == 0 ? 20 + this.random.nextInt(60) : this.random.nextInt(15);
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

	/**
	 * True with the probability that makes {@code perYear} events a year at this file's
	 * density.
	 */
	private boolean chance(double perYear) {
		return this.random.nextDouble() < perYear / (365 * this.rowsPerDay);
	}

}
