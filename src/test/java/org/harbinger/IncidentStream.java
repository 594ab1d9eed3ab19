package org.harbinger;

import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.harbinger.backtest.Backtest;
import org.harbinger.bench.SyntheticAcled;
import org.harbinger.engine.RuleBase;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentKey;
import org.harbinger.ingest.OfflineIngest;

/**
 * A seeded random stream of what a live service goes through, for the differential tests
 * (docs/architecture.md, "One truth"): generated ACLED incidents arriving day by day,
 * some late (up to two months), some amended (another date, death toll or tag) or deleted
 * later, the clock jumping ahead and now and then moving back, threshold changes and a
 * rule reload, and the step indices at which the live side restarts.
 */
public record IncidentStream(long seed, LocalDate start, List<Backtest.Step> steps, Set<Integer> restarts) {

	/**
	 * {@code days} of stream from 2021-01-01 holding about {@code rows} incidents in a
	 * year.
	 */
	public static IncidentStream generate(long seed, int days, int rowsPerYear, ThresholdSet thresholds,
			RuleBase reloaded) {
		LocalDate start = LocalDate.of(2021, 1, 1);
		SplittableRandom random = new SplittableRandom(seed);
		TreeMap<LocalDate, List<Incident>> arrivals = new TreeMap<>();
		for (Incident incident : incidents(seed, start, rowsPerYear)) {
			if (incident.eventDate().isAfter(start.plusDays(days))) {
				continue;
			}
			double late = random.nextDouble();
			int lateness = (late < 0.8) ? 0 : (late < 0.95) ? 1 + random.nextInt(5) : 20 + random.nextInt(40);
			arrivals.computeIfAbsent(incident.eventDate().plusDays(lateness), (day) -> new ArrayList<>()).add(incident);
		}
		List<Backtest.Step> steps = new ArrayList<>();
		Map<IncidentKey, Incident> known = new HashMap<>();
		List<IncidentKey> keys = new ArrayList<>();
		LocalDate clock = start;
		for (int offset = 1; offset <= days; offset++) {
			LocalDate day = start.plusDays(offset);
			double move = random.nextDouble();
			if (move < 0.04 && offset > 20) {
				// An administrator moves the clock back, then forward again.
				steps.add(Backtest.Step.clock(day.minusDays(1 + random.nextInt(10))));
				steps.add(Backtest.Step.clock(day));
				clock = day;
			}
			else if (move > 0.2 || offset == days) {
				// Otherwise the clock job runs late now and then: the day's reports come
				// in before midnight moves.
				steps.add(Backtest.Step.clock(day));
				clock = day;
			}
			if (offset == days / 3) {
				steps.add(new Backtest.Step(clock, List.of(), List.of(), changed(thresholds, reloaded), null));
			}
			if (offset == 2 * days / 3) {
				steps.add(new Backtest.Step(clock, List.of(), List.of(), null, reloaded));
			}
			List<Incident> today = arrivals.getOrDefault(day, List.of());
			int cut = today.isEmpty() ? 0 : random.nextInt(today.size() + 1);
			for (List<Incident> batch : List.of(today.subList(0, cut), today.subList(cut, today.size()))) {
				if (!batch.isEmpty()) {
					steps.add(new Backtest.Step(clock, batch, List.of(), null, null));
					batch.forEach((incident) -> {
						if (known.put(incident.key(), incident) == null) {
							keys.add(incident.key());
						}
					});
				}
			}
			if (!keys.isEmpty() && random.nextDouble() < 0.15) {
				Incident before = known.get(keys.get(random.nextInt(keys.size())));
				if (before != null) {
					Incident amended = amend(before, random);
					known.put(amended.key(), amended);
					steps.add(new Backtest.Step(clock, List.of(amended), List.of(), null, null));
				}
			}
			if (!keys.isEmpty() && random.nextDouble() < 0.08) {
				IncidentKey gone = keys.get(random.nextInt(keys.size()));
				known.remove(gone);
				steps.add(new Backtest.Step(clock, List.of(), List.of(gone), null, null));
			}
		}
		Set<Integer> restarts = new HashSet<>();
		int count = Math.max(3, steps.size() / 150);
		while (restarts.size() < count) {
			restarts.add(1 + random.nextInt(steps.size() - 1));
		}
		return new IncidentStream(seed, start, List.copyOf(steps), Set.copyOf(restarts));
	}

	/** The generator's incidents in a year from {@code start}, in date order. */
	private static List<Incident> incidents(long seed, LocalDate start, int rows) {
		StringWriter csv = new StringWriter();
		try {
			new SyntheticAcled(seed, start, 1).write(csv, rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Incident> incidents = new ArrayList<>();
		OfflineIngest.read(new StringReader(csv.toString()), OfflineIngest.fields(Path.of("config")), incidents::add);
		return incidents;
	}

	/** Another version of a report: a corrected date, death toll or tags. */
	private static Incident amend(Incident i, SplittableRandom random) {
		LocalDate date = i.eventDate();
		int fatalities = i.fatalities();
		Set<String> tags = i.tags();
		switch (random.nextInt(3)) {
			case 0 -> date = date.plusDays(random.nextInt(11) - 5);
			case 1 -> fatalities = fatalities + 1 + random.nextInt(12);
			default -> tags = tags.isEmpty() ? Set.of("defection") : Set.of();
		}
		return new Incident(i.source(), i.eventId(), date, i.timePrecision(), i.disorderType(), i.eventType(),
				i.subEventType(), i.actor1(), i.assocActor1(), i.inter1(), i.actor2(), i.assocActor2(), i.inter2(),
				i.interaction(), i.civilianTargeting(), i.iso(), i.region(), i.country(), i.admin1(), i.admin2(),
				i.admin3(), i.location(), i.latitude(), i.longitude(), i.geoPrecision(), i.reportedBy(),
				i.sourceScale(), i.notes(), fatalities, tags, i.timestamp(), i.originCountry(), i.claimStatus(),
				i.reliability(), i.credibility(), i.actor1Group(), i.actor2Group(), i.targetGroups(),
				i.assocActor1Groups(), i.gradeReason());
	}

	/** Thresholds an administrator tightened: shorter windows, lower counts. */
	private static ThresholdSet changed(ThresholdSet thresholds, RuleBase rules) {
		Map<String, Object> values = new HashMap<>(thresholds.values());
		values.put("attack-surge.ratio", 2.0);
		values.put("targeted-killings.min-count", 2);
		values.put("sectarian-attack.campaign-window-days", 45);
		values.put("threat-level.elevated", 2);
		return ThresholdSet.of(values, rules.thresholdSchema());
	}

}
