package org.harbinger.web;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertNote;
import org.harbinger.alert.AlertNotes;
import org.harbinger.alert.AlertRepository;
import org.harbinger.alert.Silences;
import org.harbinger.alert.Transition;
import org.harbinger.engine.EngineHost;
import org.harbinger.engine.Severity;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentRepository;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The alerts, most severe first, with filters; one alert with its history, evidence and
 * chart; notes on it.
 */
@Controller
class AlertPages {

	private static final Comparator<Alert> MOST_SEVERE_FIRST = Comparator.comparing(Alert::severity)
		.reversed()
		.thenComparing(Alert::changedOn, Comparator.reverseOrder())
		.thenComparing(Alert::id, Comparator.reverseOrder());

	private final AlertRepository alerts;

	private final AlertNotes notes;

	private final IncidentRepository incidents;

	private final Indicators indicators;

	private final DashboardCharts charts;

	private final EngineHost engine;

	private final Silences silences;

	AlertPages(AlertRepository alerts, AlertNotes notes, IncidentRepository incidents, Indicators indicators,
			DashboardCharts charts, EngineHost engine, Silences silences) {
		this.silences = silences;
		this.alerts = alerts;
		this.notes = notes;
		this.incidents = incidents;
		this.indicators = indicators;
		this.charts = charts;
		this.engine = engine;
	}

	/**
	 * An alert in the list: with its indicator's title and its latest acknowledgement, if
	 * any.
	 */
	record Row(Alert alert, String title, AlertNote acknowledged) {

		/** Acknowledged, and nothing about the alert changed since. */
		public boolean acknowledgedSinceChange() {
			return this.acknowledged != null && !this.acknowledged.createdAt().isBefore(this.alert.updatedAt());
		}

	}

	/**
	 * An incident in the evidence table, with its place and Admiralty grade (reliability
	 * and credibility, "B2").
	 */
	record Evidence(Incident incident) {

		public String place() {
			return Stream.of(this.incident.location(), this.incident.admin1(), this.incident.country())
				.filter((part) -> part != null && !part.isBlank())
				.distinct()
				.collect(Collectors.joining(", "));
		}

		public String grade() {
			return this.incident.reliability() + this.incident.credibility();
		}

		/**
		 * Why the incident has its grade (docs/grading.md); rows stored before grading
		 * was built have none.
		 */
		public String gradeReason() {
			return this.incident.gradeReason();
		}

	}

	/** {@code status} absent means open alerts; empty means any status. */
	@GetMapping({ "/", "/alerts" })
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String indicator,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String severity,
			Model model) {
		// Absent: open alerts; empty or "Any" (the API's word too): every status.
		Alert.Status wantedStatus = (status == null) ? Alert.Status.OPEN
				: "any".equalsIgnoreCase(status.strip()) ? null : parse(Alert.Status.class, status);
		AlertRepository.Filter filter = new AlertRepository.Filter(wantedStatus, blankToNull(indicator),
				blankToNull(scope), parse(Severity.class, severity));
		Map<Long, AlertNote> acknowledgements = this.notes.lastAcknowledgements();
		List<Row> rows = this.alerts.find(filter)
			.stream()
			.sorted(MOST_SEVERE_FIRST)
			.map((alert) -> new Row(alert, this.indicators.title(alert.indicator()), acknowledgements.get(alert.id())))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("severityCounts", severityCounts(status, filter));
		model.addAttribute("filter", filter);
		model.addAttribute("indicators", this.indicators.all().values());
		model.addAttribute("severities", List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO));
		model.addAttribute("statuses", Alert.Status.values());
		model.addAttribute("today", this.engine.currentDay());
		return "alerts";
	}

	/**
	 * A severity's count among the alerts the other filters select, and the link that
	 * filters to it.
	 */
	record SeverityCount(Severity severity, long count, String href, boolean current) {
	}

	/**
	 * Counts per severity whatever the severity filter, so that each count is a link to
	 * its own list.
	 */
	private List<SeverityCount> severityCounts(String status, AlertRepository.Filter filter) {
		Map<Severity, Long> counts = this.alerts
			.find(new AlertRepository.Filter(filter.status(), filter.indicator(), filter.scope(), null))
			.stream()
			.collect(Collectors.groupingBy(Alert::severity, Collectors.counting()));
		return Stream.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO)
			.map((severity) -> new SeverityCount(severity, counts.getOrDefault(severity, 0L),
					UriComponentsBuilder.fromPath("/alerts")
						.queryParamIfPresent("status", Optional.ofNullable(status))
						.queryParamIfPresent("indicator", Optional.ofNullable(filter.indicator()))
						.queryParamIfPresent("scope", Optional.ofNullable(filter.scope()))
						.queryParam("severity", severity)
						.build()
						.encode()
						.toUriString(),
					severity == filter.severity()))
			.toList();
	}

	@GetMapping("/alerts/{id}")
	String alert(@PathVariable long id, Model model) {
		Alert alert = this.alerts.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + id));
		List<Transition> transitions = this.alerts.transitions(id);
		List<AlertNote> notes = this.notes.forAlert(id);
		model.addAttribute("alert", alert);
		model.addAttribute("indicator", this.indicators.find(alert.indicator()).orElse(null));
		model.addAttribute("title", this.indicators.title(alert.indicator()));
		List<Transition> newestFirst = new ArrayList<>(transitions);
		Collections.reverse(newestFirst);
		model.addAttribute("transitions", newestFirst);
		model.addAttribute("evidence",
				this.incidents.findByEventIds(alert.evidence()).stream().map(Evidence::new).toList());
		model.addAttribute("severityEvidence",
				this.incidents.findByEventIds(alert.severityEvidence())
					.stream()
					.sorted(Comparator.comparing(Incident::eventDate).thenComparing(Incident::eventId))
					.map(Evidence::new)
					.toList());
		model.addAttribute("notes", notes);
		model.addAttribute("acknowledged",
				notes.stream()
					.filter((note) -> note.kind() == AlertNote.Kind.ACKNOWLEDGED)
					.reduce((first, second) -> second)
					.orElse(null));
		model.addAttribute("chart", this.charts.forAlert(alert, transitions, this.engine.currentDay()));
		model.addAttribute("maxComment", AlertNotes.MAX_TEXT);
		Instant now = Instant.now();
		model.addAttribute("silencedBy",
				this.silences.all()
					.stream()
					.filter((silence) -> silence.activeAt(now) && silence.matches(alert.indicator(), alert.scope()))
					.toList());
		return "alert";
	}

	@PostMapping("/alerts/{id}/acknowledge")
	String acknowledge(@PathVariable long id, Principal principal) {
		requireAlert(id);
		this.notes.acknowledge(id, who(principal));
		return "redirect:/alerts/" + id + "#notes";
	}

	@PostMapping("/alerts/{id}/comments")
	String comment(@PathVariable long id, @RequestParam(required = false) String text, Principal principal,
			RedirectAttributes redirect) {
		requireAlert(id);
		String problem = AlertNotes.problem(text);
		if (problem != null) {
			redirect.addFlashAttribute("commentError", problem);
			redirect.addFlashAttribute("commentText", text);
		}
		else {
			this.notes.comment(id, who(principal), text);
		}
		return "redirect:/alerts/" + id + "#notes";
	}

	private void requireAlert(long id) {
		if (this.alerts.find(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + id);
		}
	}

	private static String who(Principal principal) {
		return (principal == null) ? "unknown" : principal.getName();
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		String name = blankToNull(value);
		if (name == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"'" + name + "' is not a " + type.getSimpleName());
		}
	}

}
