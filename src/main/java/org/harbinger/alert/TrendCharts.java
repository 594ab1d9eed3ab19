package org.harbinger.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.harbinger.engine.RuleMetadata;
import org.harbinger.engine.RuleCounts;
import org.harbinger.engine.InForce;
import org.harbinger.engine.RulesInForce;
import org.harbinger.engine.ThresholdType;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentRepository;
import org.harbinger.incident.IncidentsVersion;

import org.springframework.stereotype.Component;

/**
 * The one computation of an alert's trend ({@link AlertTrend}: daily counts, the count
 * over the rule's window on each day, the baseline and thresholds it was compared with),
 * which the digest draws as a PNG (digest.TrendPng) and the dashboard as inline SVG. For
 * a count or ratio rule the counts are every incident the rule counts in the alert's
 * scope ({@link RuleCounts}: the rules in force run over the stored incidents of the
 * period), so the days before a surge show the baseline the rule saw; for other rules,
 * the incidents the alert cited (docs/digest.md, "Charts"). That replay takes seconds
 * with a year of incidents stored, so its counts are kept per last day until the
 * incidents, the rules or the thresholds change: every open alert's chart ends today and
 * shares one.
 */
@Component
public class TrendCharts {

	private static final int DEFAULT_WINDOW = 30;

	/**
	 * The longest chart: half a year reads on a phone; the alert's page lists the rest.
	 */
	private static final int MAX_DAYS = 180;

	/** Replays kept: today's, and a few resolved alerts' last days. */
	private static final int KEPT = 16;

	private final AlertRepository alerts;

	private final IncidentRepository incidents;

	private final RulesInForce inForce;

	private final IncidentsVersion version;

	private final Map<Stamp, RuleCounts.Counts> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Stamp, RuleCounts.Counts> eldest) {
			return size() > KEPT;
		}

	};

	/**
	 * What a replay's counts depend on: its last day, the rules and thresholds, and the
	 * stored incidents as of a count of their changes.
	 */
	private record Stamp(LocalDate to, InForce inForce, IncidentsVersion.Stamp incidents) {
	}

	TrendCharts(AlertRepository alerts, IncidentRepository incidents, RulesInForce inForce, IncidentsVersion version) {
		this.alerts = alerts;
		this.incidents = incidents;
		this.inForce = inForce;
		this.version = version;
	}

	/**
	 * {@link #trend(Alert, List, LocalDate)} of the alert with that id, with its
	 * transitions.
	 */
	public AlertTrend trend(long alertId, LocalDate to) {
		return trend(alertId, to, new Replays());
	}

	/**
	 * As {@link #trend(long, LocalDate)}, sharing the rules' replays with the other
	 * charts of one message.
	 */
	public AlertTrend trend(long alertId, LocalDate to, Replays replays) {
		Alert alert = this.alerts.find(alertId)
			.orElseThrow(() -> new IllegalArgumentException("no alert with id " + alertId));
		return trend(alert, this.alerts.transitions(alertId), to, replays);
	}

	/**
	 * What the rules counted, by the charts' last day: the charts of one message mostly
	 * end on the same day, so they share one replay instead of running the rules once
	 * each.
	 */
	public static final class Replays {

		private final Map<LocalDate, RuleCounts.Counts> byDay = new HashMap<>();

	}

	/**
	 * The alert's trend over the days that explain it, ending on {@code to}: twice the
	 * rule's window (30 to 180 days), or for a rule with a baseline the baseline and the
	 * window. Bars: every incident the rule counts in the alert's scope; for a rule that
	 * counts none there, the alert's evidence and severity evidence (now and at each
	 * transition).
	 */
	public AlertTrend trend(Alert alert, List<Transition> transitions, LocalDate to) {
		return trend(alert, transitions, to, new Replays());
	}

	private AlertTrend trend(Alert alert, List<Transition> transitions, LocalDate to, Replays replays) {
		RuleMetadata metadata = indicator(alert.indicator());
		int window = windowDays(metadata);
		AlertTrend.Baseline baseline = baseline(metadata, 1.0);
		int days = Math.min(Math.max(2 * window, Math.max(30, window + ((baseline != null) ? baseline.days() : 0))),
				MAX_DAYS);
		LocalDate from = to.minusDays(days - 1L);
		List<AlertTrend.Threshold> thresholds = countThresholds(metadata).stream()
			.filter((threshold) -> !judgedOnlyGlobally(metadata, alert, threshold))
			.toList();
		RuleCounts.Counts counts = (metadata != null) ? replays.byDay.computeIfAbsent(to, this::counted) : null;
		if (counts != null && !counts.perDay(alert.indicator(), alert.scope()).isEmpty()) {
			return AlertTrend.of(alert.indicator(), window, from, to, counts.perDay(alert.indicator(), alert.scope()),
					thresholds, baseline(metadata, counts.factor(alert.indicator())), true);
		}
		// With the incidents behind a severity that a wider count decided
		// (cross-border-fire's
		// countries), so the window line shows the count the rule compared, not one
		// country's.
		Set<String> evidence = new LinkedHashSet<>(alert.evidence());
		evidence.addAll(alert.severityEvidence());
		transitions.forEach((transition) -> {
			evidence.addAll(transition.evidence());
			evidence.addAll(transition.severityEvidence());
		});
		Map<LocalDate, Integer> cited = this.incidents.countPerDay(evidence,
				from.minusDays(window + ((baseline != null) ? baseline.days() : 0) - 1L), to);
		return AlertTrend.of(alert.indicator(), window, from, to, cited, thresholds, null, false);
	}

	/**
	 * What the rules in force count over the longest chart ending on {@code to} and the
	 * retention window before it (every window and baseline of any rule), run over the
	 * stored incidents dated in it (docs/digest.md, "Charts").
	 */
	private RuleCounts.Counts counted(LocalDate to) {
		// Stamped before reading: a change committed meanwhile makes the next chart
		// replay again.
		Stamp stamp = new Stamp(to, this.inForce.now(), this.version.now());
		synchronized (this.kept) {
			RuleCounts.Counts counts = this.kept.get(stamp);
			if (counts != null) {
				return counts;
			}
		}
		RuleCounts.Counts counts = replay(to, stamp.inForce());
		synchronized (this.kept) {
			// Those of other rules or incidents are no use any more (and hold the old
			// rule base).
			this.kept.keySet()
				.removeIf((other) -> !other.inForce().equals(stamp.inForce())
						|| !other.incidents().equals(stamp.incidents()));
			this.kept.put(stamp, counts);
		}
		return counts;
	}

	private RuleCounts.Counts replay(LocalDate to, InForce now) {
		LocalDate first = to.minusDays(MAX_DAYS - 1L + now.thresholds().retentionDays());
		List<Incident> period = new ArrayList<>();
		this.incidents.forEachSince(first, (incident) -> {
			if (!incident.eventDate().isAfter(to)) {
				period.add(incident);
			}
		});
		LocalDate coverage = this.incidents.firstEventDate().orElse(first);
		return RuleCounts.count(now.rules(), now.thresholds(), to, coverage, period);
	}

	/**
	 * The indicator's baseline when it declares one ({@code baseline-days}), with every
	 * ratio threshold it declares, times {@code factor} (the factors other rules
	 * applied).
	 */
	private AlertTrend.Baseline baseline(RuleMetadata indicator, double factor) {
		if (indicator == null) {
			return null;
		}
		Map<String, Object> values = this.inForce.now().thresholds().values();
		if (!(values.get(indicator.id() + ".baseline-days") instanceof Integer days)) {
			return null;
		}
		List<AlertTrend.Ratio> ratios = new ArrayList<>();
		indicator.thresholds().forEach((key, type) -> {
			if (type == ThresholdType.RATIO && values.get(key) instanceof Number ratio) {
				ratios
					.add(new AlertTrend.Ratio(key.substring(indicator.id().length() + 1), ratio.doubleValue(), factor));
			}
		});
		return new AlertTrend.Baseline(days, ratios);
	}

	/**
	 * A threshold the rule judges over all scopes at once (its metadata's
	 * global-thresholds), in one scope's alert.
	 */
	private static boolean judgedOnlyGlobally(RuleMetadata indicator, Alert alert, AlertTrend.Threshold threshold) {
		return indicator != null && indicator.globalThresholds().contains(threshold.name())
				&& !alert.scope().equals("global");
	}

	/**
	 * Every cited incident of the given transitions (an indicator's alerts), over
	 * {@code days} ending on {@code to}.
	 */
	public AlertTrend trend(String indicator, List<Transition> transitions, LocalDate to, int days) {
		Set<String> evidence = new LinkedHashSet<>();
		transitions.forEach((transition) -> evidence.addAll(transition.evidence()));
		return trend(indicator, evidence, to.minusDays(days - 1L), to);
	}

	private AlertTrend trend(String indicator, Collection<String> evidence, LocalDate from, LocalDate to) {
		RuleMetadata metadata = indicator(indicator);
		int window = windowDays(metadata);
		// Counted from a window before the first day, so the first day's window count is
		// whole.
		Map<LocalDate, Integer> counts = this.incidents.countPerDay(evidence, from.minusDays(window - 1L), to);
		return AlertTrend.of(indicator, window, from, to, counts, countThresholds(metadata));
	}

	/** The indicator in force, or null when no loaded rule declares it any more. */
	private RuleMetadata indicator(String id) {
		return this.inForce.now().indicators().get(id);
	}

	/**
	 * The days the indicator counts over: its window-days, else its first DAYS setting,
	 * else 30.
	 */
	private int windowDays(RuleMetadata indicator) {
		Integer first = null;
		if (indicator != null) {
			Map<String, Object> values = this.inForce.now().thresholds().values();
			for (Map.Entry<String, ThresholdType> setting : indicator.thresholds().entrySet()) {
				if (setting.getValue() == ThresholdType.DAYS && values.get(setting.getKey()) instanceof Integer days) {
					if (setting.getKey().equals(indicator.id() + ".window-days")) {
						return days;
					}
					first = (first != null) ? first : days;
				}
			}
		}
		return (first != null) ? first : DEFAULT_WINDOW;
	}

	/**
	 * Every COUNT setting named {@code *-count}: a number of incidents in the window,
	 * drawn as a line.
	 */
	private List<AlertTrend.Threshold> countThresholds(RuleMetadata indicator) {
		List<AlertTrend.Threshold> thresholds = new ArrayList<>();
		if (indicator != null) {
			Map<String, Object> values = this.inForce.now().thresholds().values();
			indicator.thresholds().forEach((key, type) -> {
				String name = key.substring(indicator.id().length() + 1);
				if (type == ThresholdType.COUNT && name.endsWith("-count")
						&& values.get(key) instanceof Integer value) {
					thresholds.add(new AlertTrend.Threshold(name, value));
				}
			});
		}
		return thresholds;
	}

}
