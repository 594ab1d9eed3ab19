package org.harbinger.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.harbinger.engine.Severity;

/**
 * What a digest shows, laid out for a phone first: a summary line per alert, then the
 * alerts grouped by place ({@link Places#group}: country or region, as Alertmanager's
 * {@code group_by}), each group ending with the incidents its alerts cite. An incident is
 * listed once, under the first group that cites it, with a reference back to every alert
 * that cites it; alerts refer to incidents by id. The templates only place these values.
 */
record DigestView(List<SummaryLine> summary, List<PlaceGroup> groups) {

	/** One alert's step; {@code ref} numbers it in reading order (#1, #2 ...). */
	record Item(int ref, long alertId, String title, String indicator, String scope, String change, Severity severity,
			Severity previousSeverity, LocalDate date, String detail, List<IncidentRef> evidence, int earlier,
			String link, String chart, String chartText, String alreadySent, String severityReason,
			List<IncidentRef> severityEvidence) {

		/** What changed, in words: {@code new}, {@code escalated from WARNING}. */
		public String changeText() {
			boolean moved = this.previousSeverity != null && this.previousSeverity != this.severity
					&& !this.change.equals("resolved") && !this.change.equals("retracted");
			return moved ? this.change + " from " + this.previousSeverity : this.change;
		}

		/** Severity as a mark and a word, never colour alone. */
		public String mark() {
			return DigestView.mark(this.severity);
		}

	}

	/**
	 * An incident an item cites: its id, where in the message it is listed, and in which
	 * group when not this one.
	 */
	record IncidentRef(String id, String anchor, String listedUnder) {
	}

	/** One incident as the analyst sees it, its grade with the reasons. */
	record Evidence(String id, LocalDate date, String place, String actor, int fatalities, String grade,
			String gradeReason, String reportedBy, String notes, String link) {
	}

	/**
	 * An incident listed once, with the alerts that cite it
	 * ({@code #2 Attack surge - Afghanistan}).
	 */
	record Listed(Evidence incident, String anchor, List<String> citedBy) {
	}

	/** The alerts of one place and the incidents first listed there. */
	record PlaceGroup(String place, List<Item> items, List<Listed> incidents) {
	}

	/** The summary's line for one alert: severity, plain title, place, what changed. */
	record SummaryLine(int ref, String mark, Severity severity, String title, String scope, String change,
			String anchor) {
	}

	/** An item before it is numbered and placed: the incidents it cites by id. */
	record Draft(Item item, List<String> evidence, List<String> severityEvidence) {
	}

	static String mark(Severity severity) {
		return switch (severity) {
			case CRITICAL -> "\u25B2";
			case WARNING -> "\u25CF";
			case INFO -> "\u25CB";
		};
	}

	static String anchor(String incidentId) {
		return "incident-" + Places.slug(incidentId) + "-" + Integer.toHexString(incidentId.hashCode());
	}

	/**
	 * Groups the drafts by place (the group with the most urgent alert first), numbers
	 * the items in reading order, and lists each cited incident once.
	 */
	static DigestView of(List<Draft> drafts, Map<String, Evidence> incidents) {
		Comparator<Draft> byUrgency = Comparator.comparing((Draft d) -> d.item().severity())
			.reversed()
			.thenComparing((d) -> d.item().title())
			.thenComparing((d) -> d.item().scope());
		Map<String, List<Draft>> byPlace = new LinkedHashMap<>();
		drafts.stream()
			.sorted(Comparator.comparing((Draft d) -> Places.group(d.item().scope()).equals(Places.OTHER))
				.thenComparing(byUrgency))
			.forEach((d) -> byPlace.computeIfAbsent(Places.group(d.item().scope()), (p) -> new ArrayList<>()).add(d));
		// Reading order: the groups as first reached, so the most urgent place comes
		// first.
		Map<String, String> listedUnder = new LinkedHashMap<>();
		Map<String, List<String>> citedBy = new LinkedHashMap<>();
		int number = 0;
		for (Map.Entry<String, List<Draft>> place : byPlace.entrySet()) {
			for (Draft d : place.getValue()) {
				String citation = "#" + (++number) + " " + d.item().title() + " - " + d.item().scope();
				for (String id : cited(d)) {
					if (incidents.containsKey(id)) {
						listedUnder.putIfAbsent(id, place.getKey());
						citedBy.computeIfAbsent(id, (k) -> new ArrayList<>())
							.add(d.evidence().contains(id) ? citation : citation + " (its severity)");
					}
				}
			}
		}
		List<SummaryLine> summary = new ArrayList<>();
		List<PlaceGroup> groups = new ArrayList<>();
		int ref = 0;
		for (Map.Entry<String, List<Draft>> place : byPlace.entrySet()) {
			List<Item> items = new ArrayList<>();
			for (Draft d : place.getValue()) {
				ref++;
				Item item = number(d, ref, place.getKey(), listedUnder);
				items.add(item);
				summary.add(new SummaryLine(ref, item.mark(), item.severity(), item.title(), item.scope(),
						item.changeText(), "alert-" + ref));
			}
			List<Listed> listed = listedUnder.entrySet()
				.stream()
				.filter((e) -> e.getValue().equals(place.getKey()))
				.map((e) -> new Listed(incidents.get(e.getKey()), anchor(e.getKey()), citedBy.get(e.getKey())))
				.sorted(Comparator.comparing((Listed l) -> l.incident().date()).thenComparing((l) -> l.incident().id()))
				.toList();
			groups.add(new PlaceGroup(place.getKey(), items, listed));
		}
		summary.sort(Comparator.comparing(SummaryLine::severity).reversed().thenComparingInt(SummaryLine::ref));
		return new DigestView(summary, groups);
	}

	private static Set<String> cited(Draft d) {
		Set<String> ids = new LinkedHashSet<>(d.evidence());
		ids.addAll(d.severityEvidence());
		return ids;
	}

	private static Item number(Draft d, int ref, String place, Map<String, String> listedUnder) {
		Item i = d.item();
		return new Item(ref, i.alertId(), i.title(), i.indicator(), i.scope(), i.change(), i.severity(),
				i.previousSeverity(), i.date(), i.detail(), refs(d.evidence(), place, listedUnder), i.earlier(),
				i.link(), i.chart(), i.chartText(), i.alreadySent(), i.severityReason(),
				refs(d.severityEvidence(), place, listedUnder));
	}

	private static List<IncidentRef> refs(List<String> ids, String place, Map<String, String> listedUnder) {
		return ids.stream()
			.filter(listedUnder::containsKey)
			.map((id) -> new IncidentRef(id, anchor(id),
					listedUnder.get(id).equals(place) ? null : listedUnder.get(id)))
			.toList();
	}

}
