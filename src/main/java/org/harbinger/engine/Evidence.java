package org.harbinger.engine;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Helpers for rule consequences: the incidents behind a hit, as ids in date order. */
public final class Evidence {

	private static final Comparator<IncidentFact> BY_DATE = Comparator.comparingLong(IncidentFact::getDay)
		.thenComparing(IncidentFact::getEventId);

	private Evidence() {
	}

	public static List<String> ids(Collection<?> facts) {
		return ids(facts, (fact) -> true);
	}

	public static List<String> idsInCountry(Collection<?> facts, String country) {
		return ids(facts, (fact) -> country.equals(fact.getCountry()));
	}

	private static List<String> ids(Collection<?> facts, Predicate<IncidentFact> filter) {
		return facts.stream()
			.map(IncidentFact.class::cast)
			.filter(filter)
			.sorted(BY_DATE)
			.map(IncidentFact::getEventId)
			.distinct()
			.toList();
	}

}
