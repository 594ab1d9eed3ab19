package org.harbinger.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.harbinger.alert.TransitionKind;
import org.harbinger.backtest.BacktestTransition;

/**
 * The peer design (docs/performance.md, "A peer design: re-querying like ElastAlert"):
 * the indicators evaluated by querying the database for each rule's windows on every
 * simulated day, nothing carried from one day to the next but the alerts open, whose
 * changes are the transitions a backtest reports. Written for the comparison with the
 * engine only.
 */
public final class PeerReplay {

	/**
	 * The transitions, the time each indicator took, and the queries made and rows they
	 * returned.
	 */
	public record Result(List<BacktestTransition> transitions, Map<String, Double> secondsByIndicator, long queries,
			long rows) {
	}

	private record Key(String indicator, String scope) {
	}

	private static final Comparator<Key> ORDER = Comparator.comparing(Key::indicator).thenComparing(Key::scope);

	private final PeerThresholds thresholds;

	private final List<PeerRule> rules;

	public PeerReplay(Map<String, Object> thresholds) {
		this.thresholds = new PeerThresholds(thresholds);
		this.rules = Stream
			.concat(PeerCountRules.of(this.thresholds).stream(), PeerHistoryRules.of(this.thresholds).stream())
			.toList();
	}

	/** The indicators the peer evaluates. */
	public Set<String> indicators() {
		Set<String> ids = new TreeSet<>(Set.of(PeerThreatLevel.ID));
		this.rules.forEach((rule) -> ids.add(rule.indicator()));
		return ids;
	}

	/**
	 * Evaluates every rule on every day {@code from} to {@code to}, and on the eve of
	 * {@code from} for the alerts already open then (as a backtest loads the history
	 * before {@code from} in one step), whose transitions are not reported.
	 */
	public Result run(PeerQueries db, LocalDate from, LocalDate to) {
		Map<Key, PeerHits.Signal> open = new TreeMap<>(ORDER);
		Map<String, Long> nanos = new TreeMap<>();
		PeerThreatLevel threat = new PeerThreatLevel(this.thresholds);
		List<BacktestTransition> transitions = new ArrayList<>();
		long queriesBefore = db.queries();
		long rowsBefore = db.rowsReturned();
		for (LocalDate date = from.minusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			long today = date.toEpochDay();
			long began = System.nanoTime();
			Long firstDay = db.firstDay(today).orElse(null);
			nanos.merge("(data coverage)", System.nanoTime() - began, Long::sum);
			PeerHits hits = new PeerHits();
			Map<Key, PeerHits.Signal> now = new TreeMap<>(ORDER);
			for (PeerRule rule : this.rules) {
				began = System.nanoTime();
				rule.evaluate(today, firstDay, db, hits);
				nanos.merge(rule.indicator(), System.nanoTime() - began, Long::sum);
				hits.of(rule.indicator()).forEach((scope, signal) -> {
					now.put(new Key(rule.indicator(), scope), signal);
					threat.seen(today, rule.indicator(), scope);
				});
			}
			began = System.nanoTime();
			threat.judge(today, hits);
			nanos.merge(PeerThreatLevel.ID, System.nanoTime() - began, Long::sum);
			hits.of(PeerThreatLevel.ID).forEach((scope, signal) -> now.put(new Key(PeerThreatLevel.ID, scope), signal));
			Set<Key> keys = new TreeSet<>(ORDER);
			keys.addAll(open.keySet());
			keys.addAll(now.keySet());
			if (!date.isBefore(from)) {
				for (Key key : keys) {
					transition(date, key, open.get(key), now.get(key)).ifPresent(transitions::add);
				}
			}
			open = now;
		}
		Map<String, Double> seconds = new TreeMap<>();
		nanos.forEach((indicator, spent) -> seconds.put(indicator, spent / 1e9));
		return new Result(List.copyOf(transitions), seconds, db.queries() - queriesBefore,
				db.rowsReturned() - rowsBefore);
	}

	/**
	 * The lifecycle step from yesterday's signal to today's, as the alert store takes it.
	 */
	private static Optional<BacktestTransition> transition(LocalDate date, Key key, PeerHits.Signal before,
			PeerHits.Signal after) {
		TransitionKind kind;
		if (before == null) {
			kind = TransitionKind.FIRED;
		}
		else if (after == null) {
			kind = TransitionKind.RESOLVED;
		}
		else {
			int rise = after.severity().compareTo(before.severity());
			if (rise == 0) {
				return Optional.empty();
			}
			kind = (rise > 0) ? TransitionKind.ESCALATED : TransitionKind.DEESCALATED;
		}
		PeerHits.Signal shown = (after != null) ? after : before;
		return Optional.of(new BacktestTransition(date, key.indicator(), key.scope(), shown.severity(), kind,
				List.copyOf(shown.evidence()), null, null));
	}

}
