package org.harbinger.engine;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Predicate;

/** Helpers for rule consequences: the incidents behind a hit, as ids in date order. */
public final class Evidence {

	static final Comparator<IncidentFact> BY_DATE = Comparator.comparingLong(IncidentFact::getDay)
		.thenComparing(IncidentFact::getEventId);

	private Evidence() {
	}

	public static List<String> ids(Collection<?> facts) {
		return ids(facts, (fact) -> true);
	}

	public static List<String> idsInCountry(Collection<?> facts, String country) {
		return ids(facts, (fact) -> country.equals(fact.getCountry()));
	}

	/**
	 * Evidence kept per day: each day's ids as {@link #ids(Collection)} gives them for
	 * that day's incidents. The result equals {@code ids} over all of the days'
	 * incidents, without sorting them again.
	 */
	public static List<String> merge(SortedMap<Long, ? extends Collection<String>> idsByDay) {
		LinkedHashSet<String> ids = new LinkedHashSet<>();
		idsByDay.values().forEach(ids::addAll);
		return List.copyOf(ids);
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
