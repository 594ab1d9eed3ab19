package org.harbinger.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.harbinger.incident.ClaimStatus;
import org.harbinger.incident.Incident;

/**
 * A seeded, overdispersed series of one surge indicator's events with surges injected at
 * known dates: the ground truth {@code bench surge} scores a rule against
 * (docs/performance.md, "Surge detection").
 * <p>
 * The background is bursty the way conflict data is: each day's number of attack clusters
 * is negative binomial (a Poisson count whose rate is itself gamma distributed, day by
 * day), and a cluster is one event plus a Poisson number of same-day companions
 * (coordinated attacks, one report split into several rows). A surge multiplies the
 * cluster rate for 14 to 21 days; surges are spaced so that the next one's baseline holds
 * none of the last.
 */
public final class SurgeSeries {

	/** Days of warm-up before the first surge may start: a full baseline and window. */
	public static final int WARM_UP_DAYS = 120;

	/**
	 * The background's shape: gamma shape of the daily rate, mean companions per cluster.
	 */
	public record Shape(double dailyRateShape, double meanCompanions) {
	}

	/** A surge injected into one scope, {@code first} to {@code last} inclusive. */
	public record Surge(String scope, LocalDate first, LocalDate last, double multiplier) {
	}

	/** What the indicator counts: where an event is, and what makes it count. */
	public enum Kind {

		/** ISKP-initiated violence in a country (attack-surge). */
		ATTACKS,
		/** ISKP propaganda releases tagged with a language (propaganda-surge). */
		PROPAGANDA;

		/** The indicator's scope for a scope name the series uses. */
		String scope(String place) {
			return (this == ATTACKS) ? place : "lang=" + place;
		}

	}

	private final List<Incident> incidents = new ArrayList<>();

	private final List<Surge> surges = new ArrayList<>();

	private final Map<String, int[]> daily = new LinkedHashMap<>();

	/**
	 * Generates {@code days} days from {@code start} in each of {@code places}
	 * (countries, or language codes for propaganda) at {@code perWeek} events a week on
	 * average outside surges.
	 */
	public SurgeSeries(long seed, Kind kind, List<String> places, LocalDate start, int days, double perWeek,
			Shape shape) {
		SplittableRandom random = new SplittableRandom(seed);
		double clustersPerDay = perWeek / 7.0 / (1 + shape.meanCompanions());
		int sequence = 0;
		for (String place : places) {
			double[] multiplier = schedule(random, kind.scope(place), start, days);
			int[] counts = new int[days];
			this.daily.put(kind.scope(place), counts);
			for (int day = 0; day < days; day++) {
				double rate = Random.gamma(random, shape.dailyRateShape(),
						clustersPerDay * multiplier[day] / shape.dailyRateShape());
				int clusters = Random.poisson(random, rate);
				for (int c = 0; c < clusters; c++) {
					int events = 1 + Random.poisson(random, shape.meanCompanions());
					counts[day] += events;
					for (int e = 0; e < events; e++) {
						this.incidents.add(incident(kind, place, "S" + (++sequence), start.plusDays(day)));
					}
				}
			}
		}
	}

	/** Places surges in one scope and returns each day's rate multiplier. */
	private double[] schedule(SplittableRandom random, String scope, LocalDate start, int days) {
		double[] multiplier = new double[days];
		java.util.Arrays.fill(multiplier, 1.0);
		// The gap after a surge outlasts a 14-day window and an 84-day baseline, plus
		// slack.
		for (int at = WARM_UP_DAYS + random.nextInt(60);; at += 100 + random.nextInt(100)) {
			int length = 14 + random.nextInt(8);
			if (at + length > days) {
				return multiplier;
			}
			double factor = random.nextBoolean() ? 3.0 : 5.0;
			for (int day = at; day < at + length; day++) {
				multiplier[day] = factor;
			}
			this.surges.add(new Surge(scope, start.plusDays(at), start.plusDays(at + length - 1), factor));
			at += length;
		}
	}

	private static Incident incident(Kind kind, String place, String id, LocalDate date) {
		boolean attack = kind == Kind.ATTACKS;
		String country = attack ? place : "Afghanistan";
		Set<String> tags = attack ? Set.of() : Set.of("propaganda", "lang=" + place);
		String eventType = attack ? "Explosions/Remote violence" : "Strategic developments";
		String subEventType = attack ? "Remote explosive/landmine/IED" : "Other";
		return new Incident("bench", id, date, 1, "Political violence", eventType, subEventType,
				"Islamic State (Afghanistan)", null, null, null, null, null, null, null, null, null, country, null,
				null, null, null, null, null, null, "bench", null, "", 0, tags, null, null, ClaimStatus.ATTRIBUTED, "B",
				2, "ISKP", null, Set.of(), Set.of(), "bench: default grade");
	}

	/** Every event, by place then date. */
	public List<Incident> incidents() {
		return this.incidents;
	}

	/** Each scope's number of events on each day from the start. */
	public Map<String, int[]> dailyCounts() {
		return this.daily;
	}

	/** The surges injected, by place then date. */
	public List<Surge> surges() {
		return this.surges;
	}

	/**
	 * Gamma and Poisson draws from a seeded source (Marsaglia-Tsang; Knuth, or normal for
	 * large means).
	 */
	static final class Random {

		private Random() {
		}

		static double gamma(SplittableRandom random, double shape, double scale) {
			if (shape < 1) {
				return gamma(random, shape + 1, scale) * Math.pow(random.nextDouble(), 1 / shape);
			}
			double d = shape - 1.0 / 3;
			double c = 1 / Math.sqrt(9 * d);
			while (true) {
				double x = normal(random);
				double v = Math.pow(1 + c * x, 3);
				if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
					return d * v * scale;
				}
			}
		}

		static int poisson(SplittableRandom random, double mean) {
			if (mean > 30) {
				return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
			}
			double limit = Math.exp(-mean);
			int k = 0;
			for (double p = random.nextDouble(); p > limit; p *= random.nextDouble()) {
				k++;
			}
			return k;
		}

		private static double normal(SplittableRandom random) {
			double u = 1 - random.nextDouble();
			return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
		}

	}

}
