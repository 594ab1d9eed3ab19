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

	private final List<IncidentFact> incidents;

	private final List<String> evidence;

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
		List<IncidentFact> incidents = new ArrayList<>();
		LinkedHashSet<String> ids = new LinkedHashSet<>();
		for (WindowDay day : sorted) {
			incidents.addAll(day.incidents());
			ids.addAll(day.ids());
		}
		this.incidents = List.copyOf(incidents);
		this.evidence = List.copyOf(ids);
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
		return this.incidents.size();
	}

	/** The counted incidents, oldest first. */
	public List<IncidentFact> getIncidents() {
		return this.incidents;
	}

	/** The counted incidents' event ids in date order, each once: a hit's evidence. */
	public List<String> getEvidence() {
		return this.evidence;
	}

	/** The most fatalities of one counted incident, 0 when none. */
	public int getDeadliest() {
		return this.incidents.stream().mapToInt(IncidentFact::getFatalities).max().orElse(0);
	}

	/** The countries of the counted incidents. */
	public Set<String> getCountries() {
		Set<String> countries = new LinkedHashSet<>();
		this.incidents.forEach((incident) -> countries.add(incident.getCountry()));
		return countries;
	}

	/** How many counted incidents carry the tag. */
	public int countTagged(String tag) {
		return (int) this.incidents.stream().filter((incident) -> incident.hasTag(tag)).count();
	}

	@Override
	public String toString() {
		return "WindowCount(" + this.counter + ", " + this.name + ", " + this.scope + ", " + getCount() + ")";
	}

}
