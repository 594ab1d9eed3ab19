package org.harbinger.ingest;

import org.harbinger.incident.ClaimStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An incident's Admiralty grade from the evidence (docs/grading.md): source reliability
 * from the best outlet that reported it, information credibility from how many
 * independent outlets did, official confirmation or denial, and whether only the group
 * itself spoke. A grade the feed gives is kept. Every grade carries its reasons in words.
 */
public final class Grading {

	/** A grade and why: reliability A-F, credibility 1-6. */
	public record Grade(String reliability, int credibility, String reason) {

		@Override
		public String toString() {
			return this.reliability + this.credibility;
		}

	}

	/**
	 * The database column's size: a report naming dozens of outlets is cut short, never
	 * refused.
	 */
	static final int MAX_REASON = 2000;

	/**
	 * Swapped whole when config/sources.yml changes ({@link SourcesWatch}); each grade
	 * reads it once.
	 */
	private volatile SourceGrades sources;

	private final String defaultReliability;

	private final int defaultCredibility;

	public Grading(SourceGrades sources, String defaultReliability, int defaultCredibility) {
		this.sources = sources;
		this.defaultReliability = defaultReliability;
		this.defaultCredibility = defaultCredibility;
	}

	/**
	 * Grades incidents stored from now on with these outlets; stored grades stay
	 * (docs/grading.md, section 3).
	 */
	void use(SourceGrades sources) {
		this.sources = sources;
	}

	/**
	 * The grade of a report. {@code reliability} and {@code credibility}: what the feed
	 * gave, or null; {@code reportedBy}: the outlets separated by {@code ;}.
	 */
	public Grade grade(String reportedBy, ClaimStatus claim, Set<String> tags, String reliability,
			Integer credibility) {
		SourceGrades sources = this.sources;
		Map<String, SourceGrades.Outlet> outlets = outlets(sources, reportedBy);
		List<SourceGrades.Outlet> witnesses = outlets.values()
			.stream()
			.filter((outlet) -> outlet.kind() != SourceGrades.Kind.GROUP)
			.toList();
		List<SourceGrades.Outlet> claims = outlets.values()
			.stream()
			.filter((outlet) -> outlet.kind() == SourceGrades.Kind.GROUP)
			.toList();
		List<String> reasons = new ArrayList<>();
		String r;
		if (reliability != null) {
			r = reliability;
			reasons.add("reliability " + r + " given by the feed");
		}
		else if (outlets.isEmpty()) {
			r = this.defaultReliability;
			reasons.add("no outlet named: default reliability " + r);
		}
		else {
			SourceGrades.Outlet best = best(witnesses.isEmpty() ? claims : witnesses);
			r = best.reliability();
			reasons.add("reliability " + r + " from " + best.name()
					+ (sources.known(best.name()) ? "" : " (an outlet not in config/sources.yml)")
					+ (witnesses.isEmpty() ? ", run by the group" : ""));
		}
		int c;
		if (credibility != null) {
			c = credibility;
			reasons.add("credibility " + c + " given by the feed");
		}
		else {
			c = credibility(sources, witnesses, claims, claim, tags, reasons);
		}
		if (!claims.isEmpty() && !witnesses.isEmpty()) {
			reasons.add(names(claims) + " is the group's claim, not confirmation");
		}
		String reason = String.join("; ", reasons);
		return new Grade(r, c, (reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON - 1) + "…" : reason);
	}

	private int credibility(SourceGrades sources, List<SourceGrades.Outlet> witnesses, List<SourceGrades.Outlet> claims,
			ClaimStatus claim, Set<String> tags, List<String> reasons) {
		int c;
		int n = witnesses.size();
		if (n >= sources.confirmed()) {
			c = 1;
			reasons.add("credibility 1: " + n + " independent outlets (" + names(witnesses) + ")");
		}
		else if (n >= sources.probable()) {
			c = 2;
			reasons.add("credibility 2: " + n + " independent outlets (" + names(witnesses) + ")");
		}
		else if (n == 1) {
			c = 3;
			reasons.add("credibility 3: one outlet (" + names(witnesses) + ")");
		}
		else if (!claims.isEmpty()) {
			c = 4;
			reasons.add("credibility 4: only the group's own claim (" + names(claims) + ")");
		}
		else {
			c = this.defaultCredibility;
			reasons.add("credibility " + c + ": no outlet named, the default");
			return c;
		}
		List<SourceGrades.Outlet> officials = witnesses.stream()
			.filter((outlet) -> outlet.kind() == SourceGrades.Kind.OFFICIAL)
			.toList();
		boolean denied = claim == ClaimStatus.DENIED || tags.contains("denied");
		if (!officials.isEmpty() && !denied && c > 1) {
			c--;
			reasons.add("one better: confirmed officially (" + names(officials) + ")");
		}
		if (denied && c < 6) {
			c++;
			reasons.add("one worse: officially denied");
		}
		return c;
	}

	/**
	 * The distinct outlets of a {@code ;}-separated list, each once under its declared
	 * name.
	 */
	private static Map<String, SourceGrades.Outlet> outlets(SourceGrades sources, String reportedBy) {
		Map<String, SourceGrades.Outlet> outlets = new LinkedHashMap<>();
		if (reportedBy != null) {
			Arrays.stream(reportedBy.split(";"))
				.filter((name) -> !name.isBlank())
				.map(sources::outlet)
				.forEach((outlet) -> outlets.putIfAbsent(SourceGrades.normalise(outlet.name()), outlet));
		}
		return outlets;
	}

	private static SourceGrades.Outlet best(List<SourceGrades.Outlet> outlets) {
		return outlets.stream().min(Comparator.comparing(SourceGrades.Outlet::reliability)).orElseThrow();
	}

	private static String names(List<SourceGrades.Outlet> outlets) {
		return outlets.stream()
			.map((outlet) -> outlet.name() + " " + outlet.reliability())
			.collect(Collectors.joining(", "));
	}

}
