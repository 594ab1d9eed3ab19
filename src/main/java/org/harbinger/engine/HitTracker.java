package org.harbinger.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Follows the indicator hits that truth maintenance inserts and retracts, so that the
 * current findings are known without scanning the whole working memory after each step.
 */
final class HitTracker implements RuleRuntimeEventListener {

	private final Map<IndicatorHit, Boolean> live = new IdentityHashMap<>();

	@Override
	public void objectInserted(ObjectInsertedEvent event) {
		if (event.getObject() instanceof IndicatorHit hit) {
			this.live.put(hit, Boolean.TRUE);
		}
	}

	@Override
	public void objectUpdated(ObjectUpdatedEvent event) {
		if (event.getOldObject() instanceof IndicatorHit old) {
			this.live.remove(old);
		}
		if (event.getObject() instanceof IndicatorHit hit) {
			this.live.put(hit, Boolean.TRUE);
		}
	}

	@Override
	public void objectDeleted(ObjectDeletedEvent event) {
		if (event.getOldObject() instanceof IndicatorHit old) {
			this.live.remove(old);
		}
	}

	void clear() {
		this.live.clear();
	}

	/** The hits folded per alert key: highest severity, union of evidence, the strongest hit's numbers. */
	Map<AlertKey, Signal> signals() {
		Map<AlertKey, List<IndicatorHit>> byKey = new HashMap<>();
		this.live.keySet()
			.forEach((hit) -> byKey.computeIfAbsent(new AlertKey(hit.getIndicator(), hit.getScope()),
					(key) -> new ArrayList<>())
				.add(hit));
		Map<AlertKey, Signal> signals = new HashMap<>();
		byKey.forEach((key, hits) -> {
			IndicatorHit strongest = hits.stream()
				.max(Comparator.comparing(IndicatorHit::getSeverity).thenComparing(IndicatorHit::getDetail,
						Comparator.nullsFirst(Comparator.naturalOrder())))
				.orElseThrow();
			Set<String> evidence = new TreeSet<>();
			hits.forEach((hit) -> evidence.addAll(hit.getEvidence()));
			signals.put(key, new Signal(strongest.getSeverity(), List.copyOf(evidence), strongest.getDetail()));
		});
		return signals;
	}

}
