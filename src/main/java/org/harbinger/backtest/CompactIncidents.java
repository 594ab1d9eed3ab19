package org.harbinger.backtest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.harbinger.incident.Incident;

/**
 * Holds a replay's incidents in little memory: a million ACLED rows repeat a few hundred
 * distinct countries, provinces, actors and types, and the rules read none of the free
 * text (notes, outlets, associated actors once normalised; actor1's type stays, for actor
 * roles), so the copy keeps one instance of each repeated value and drops the text.
 */
public final class CompactIncidents implements Consumer<Incident> {

	private final Map<Object, Object> pool = new HashMap<>();

	private final Consumer<Incident> target;

	public CompactIncidents(Consumer<Incident> target) {
		this.target = target;
	}

	@Override
	public void accept(Incident i) {
		this.target.accept(new Incident(i.source(), i.eventId(), one(i.eventDate()), null, null, one(i.eventType()),
				one(i.subEventType()), one(i.actor1()), one(i.inter1()), null, one(i.actor2()), null, null, null,
				one(i.civilianTargeting()), null, null, one(i.country()), one(i.admin1()), one(i.admin2()), null, null,
				null, null, null, null, null, null, i.fatalities(), one(i.tags()), i.timestamp(),
				one(i.originCountry()), i.claimStatus(), one(i.reliability()), i.credibility(), one(i.actor1Group()),
				one(i.actor2Group()), one(i.targetGroups()), one(i.assocActor1Groups()), null));
	}

	@SuppressWarnings("unchecked")
	private <T> T one(T value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Set<?> set && set.isEmpty()) {
			return (T) Set.of();
		}
		return (T) this.pool.computeIfAbsent(value, (key) -> key);
	}

}
