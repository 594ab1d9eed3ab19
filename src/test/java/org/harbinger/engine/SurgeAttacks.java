package org.harbinger.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.harbinger.TestIncidents;

/**
 * ISKP attacks in Afghanistan on days counted back from a fixed Today, and the window
 * counts the surge tests read from them: the fixture of {@link SurgeTest}'s and
 * {@link SurgeCusum}'s tests.
 */
final class SurgeAttacks {

	static final LocalDate TODAY = LocalDate.of(2022, 6, 20);

	private int sequence;

	/**
	 * {@code n} baseline attacks {@code gap} days apart, the last the day before the
	 * window.
	 */
	List<IncidentFact> every(int n, int gap) {
		return every(n, gap, 14);
	}

	/**
	 * {@code n} attacks {@code gap} days apart, the last {@code back} days before today.
	 */
	List<IncidentFact> every(int n, int gap, int back) {
		List<IncidentFact> attacks = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			attacks.add(attack(TODAY.minusDays(back + (long) gap * i)));
		}
		return attacks;
	}

	/** {@code n} attacks, {@code perDay} a day, the last today. */
	List<IncidentFact> daily(int n, int perDay) {
		List<IncidentFact> attacks = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			attacks.add(attack(TODAY.minusDays(i / perDay)));
		}
		return attacks;
	}

	IncidentFact attack(LocalDate day) {
		return new IncidentFact(TestIncidents.iskpAttack("a-" + (++this.sequence), day, "Afghanistan"));
	}

	/**
	 * The attack-surge window count of Afghanistan named {@code name} over the attacks.
	 */
	static WindowCount count(String name, List<IncidentFact> incidents) {
		List<WindowDay> days = new ArrayList<>();
		incidents.stream()
			.collect(Collectors.groupingBy(IncidentFact::getDay))
			.forEach((day, facts) -> days.add(WindowDay.of("attack-surge", "Afghanistan", day, facts)));
		return new WindowCount("attack-surge", name, "Afghanistan", days);
	}

}
