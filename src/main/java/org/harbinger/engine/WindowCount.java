package org.harbinger.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link Window} holds for one scope of its counter, kept by the engine's window
 * rules as Today moves and incidents come and go: the counted incidents in date order
 * (then by event id), their number and their ids as evidence. Identity equality, as a
 * finding of the moment: truth maintenance replaces it when the window changes.
 */
public final class WindowCount {

	private final String counter;

	private final String name;

	private final String scope;

	/** The day buckets, oldest first. */
	private final List<WindowDay> days;

	private final int count;

	/**
	 * Joined from the buckets on first use: each day every window of every scope is
	 * summed again, and most sums are only compared with a threshold (a profile of a
	 * preview put a sixth of its time in joining them eagerly).
	 */
	private List<IncidentFact> incidents;

	private List<String> evidence;

	/**
	 * {@code days}: the day buckets in the window, each a {@link WindowDay}, in any
	 * order.
	 */
	public WindowCount(String counter, String name, String scope, Collection<?> days) {
		this.counter = counter;
		this.name = name;
		this.scope = scope;
		List<WindowDay> sorted = new ArrayList<>(days.size());
		days.forEach((day) -> sorted.add((WindowDay) day));
		sorted.sort(Comparator.comparingLong(WindowDay::day));
		this.days = sorted;
		this.count = sorted.stream().mapToInt((day) -> day.incidents().size()).sum();
	}

	public String getCounter() {
		return this.counter;
	}

	public String getName() {
		return this.name;
	}

	public String getScope() {
		return this.scope;
	}

	public int getCount() {
		return this.count;
	}

	/** The counted incidents, oldest first. */
	public List<IncidentFact> getIncidents() {
		if (this.incidents == null) {
			List<IncidentFact> incidents = new ArrayList<>(this.count);
			this.days.forEach((day) -> incidents.addAll(day.incidents()));
			this.incidents = List.copyOf(incidents);
		}
		return this.incidents;
	}

	/** The counted incidents' event ids in date order, each once: a hit's evidence. */
	public List<String> getEvidence() {
		if (this.evidence == null) {
			LinkedHashSet<String> ids = new LinkedHashSet<>();
			this.days.forEach((day) -> ids.addAll(day.ids()));
			this.evidence = List.copyOf(ids);
		}
		return this.evidence;
	}

	/** The most fatalities of one counted incident, 0 when none. */
	public int getDeadliest() {
		return getIncidents().stream().mapToInt(IncidentFact::getFatalities).max().orElse(0);
	}

	/** The countries of the counted incidents. */
	public Set<String> getCountries() {
		Set<String> countries = new LinkedHashSet<>();
		getIncidents().forEach((incident) -> countries.add(incident.getCountry()));
		return countries;
	}

	/** How many counted incidents carry the tag. */
	public int countTagged(String tag) {
		return (int) getIncidents().stream().filter((incident) -> incident.hasTag(tag)).count();
	}

	@Override
	public String toString() {
		return "WindowCount(" + this.counter + ", " + this.name + ", " + this.scope + ", " + getCount() + ")";
	}

}
