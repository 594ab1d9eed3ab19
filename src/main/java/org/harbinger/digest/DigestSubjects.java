package org.harbinger.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.harbinger.alert.Transition;
import org.harbinger.alert.TransitionKind;
import org.harbinger.engine.Severity;

/**
 * A subject that says what changed, where and when, e.g.
 * {@code [Harbinger] 2 new CRITICAL, 1 escalated - Afghanistan, Central Asia - 7 May 2022}.
 */
final class DigestSubjects {

	private static final int MAX_PLACES = 3;

	private DigestSubjects() {
	}

	static String subject(List<Transition> shown, int silenced, LocalDate date, boolean flash) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Severity severity : List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO)) {
			shown.stream()
				.filter((t) -> t.kind() == TransitionKind.FIRED && t.severity() == severity)
				.forEach((t) -> counts.merge("new " + severity, 1, Integer::sum));
		}
		for (TransitionKind kind : List.of(TransitionKind.ESCALATED, TransitionKind.DEESCALATED,
				TransitionKind.RESOLVED, TransitionKind.RETRACTED)) {
			shown.stream()
				.filter((t) -> t.kind() == kind)
				.forEach((t) -> counts.merge(DigestComposer.change(kind), 1, Integer::sum));
		}
		if (silenced > 0) {
			counts.put("silenced", silenced);
		}
		String what = counts.entrySet()
			.stream()
			.map((entry) -> entry.getValue() + " " + entry.getKey())
			.collect(Collectors.joining(", "));
		String where = places(shown.isEmpty() ? List.of() : shown.stream().map(Transition::scope).toList());
		return "[Harbinger] " + (flash ? "FLASH: " : "") + what + (where.isEmpty() ? "" : " - " + where) + " - "
				+ DigestComposer.DAY.format(date);
	}

	/**
	 * The countries (a scope's first part) involved; neighbours by region when there are
	 * many.
	 */
	static String places(List<String> scopes) {
		TreeSet<String> countries = scopes.stream().map(Places::country).collect(Collectors.toCollection(TreeSet::new));
		TreeSet<String> places = (countries.size() <= MAX_PLACES) ? countries
				: countries.stream().map(Places::region).collect(Collectors.toCollection(TreeSet::new));
		List<String> names = new ArrayList<>(places);
		return (names.size() <= MAX_PLACES) ? String.join(", ", names)
				: String.join(", ", names.subList(0, MAX_PLACES)) + " and " + (names.size() - MAX_PLACES) + " more";
	}

}
