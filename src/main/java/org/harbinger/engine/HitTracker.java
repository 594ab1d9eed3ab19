package org.harbinger.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Follows the indicator hits that truth maintenance inserts and retracts, per alert key,
 * and which keys they touched since the engine last published: after a step only those
 * keys are folded and compared, not every finding in the session (during a large import
 * most steps touch a few keys among thousands).
 */
final class HitTracker implements RuleRuntimeEventListener {

	private final Map<AlertKey, Set<IndicatorHit>> live = new HashMap<>();

	private final SortedSet<AlertKey> touched = new TreeSet<>();

	@Override
	public void objectInserted(ObjectInsertedEvent event) {
		if (event.getObject() instanceof IndicatorHit hit) {
			add(hit);
		}
	}

	@Override
	public void objectUpdated(ObjectUpdatedEvent event) {
		if (event.getOldObject() instanceof IndicatorHit old) {
			remove(old);
		}
		if (event.getObject() instanceof IndicatorHit hit) {
			add(hit);
		}
	}

	@Override
	public void objectDeleted(ObjectDeletedEvent event) {
		if (event.getOldObject() instanceof IndicatorHit old) {
			remove(old);
		}
	}

	void clear() {
		this.live.clear();
		this.touched.clear();
	}

	/**
	 * Marks keys to compare on the next publication whether or not a hit touches them.
	 */
	void touch(Collection<AlertKey> keys) {
		this.touched.addAll(keys);
	}

	/** Marks every key that has hits now. */
	void touchLive() {
		this.touched.addAll(this.live.keySet());
	}

	/** Every hit held now. */
	List<IndicatorHit> all() {
		return this.live.values().stream().flatMap(Set::stream).toList();
	}

	/** The keys hits touched since {@link #published()}, in order. */
	SortedSet<AlertKey> touched() {
		return Collections.unmodifiableSortedSet(this.touched);
	}

	/** The touched keys' signals are published: they are untouched from now on. */
	void published() {
		this.touched.clear();
	}

	/**
	 * A key's hits folded: highest severity, union of evidence, the strongest hit's
	 * numbers and severity evidence; null without hits.
	 */
	Signal signal(AlertKey key) {
		Set<IndicatorHit> hits = this.live.get(key);
		if (hits == null) {
			return null;
		}
		IndicatorHit strongest = hits.stream()
			.max(Comparator.comparing(IndicatorHit::getSeverity)
				.thenComparing(IndicatorHit::getDetail, Comparator.nullsFirst(Comparator.naturalOrder())))
			.orElseThrow();
		Set<String> evidence = new TreeSet<>();
		hits.forEach((hit) -> evidence.addAll(hit.getEvidence()));
		return new Signal(strongest.getSeverity(), List.copyOf(evidence), strongest.getDetail(),
				strongest.getSeverityEvidence(), strongest.getSeverityReason());
	}

	private void add(IndicatorHit hit) {
		AlertKey key = key(hit);
		this.live.computeIfAbsent(key, (k) -> Collections.newSetFromMap(new IdentityHashMap<>())).add(hit);
		this.touched.add(key);
	}

	private void remove(IndicatorHit hit) {
		AlertKey key = key(hit);
		Set<IndicatorHit> hits = this.live.get(key);
		if (hits != null && hits.remove(hit) && hits.isEmpty()) {
			this.live.remove(key);
		}
		this.touched.add(key);
	}

	private static AlertKey key(IndicatorHit hit) {
		return new AlertKey(hit.getIndicator(), hit.getScope());
	}

}
