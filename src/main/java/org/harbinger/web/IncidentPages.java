package org.harbinger.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.engine.EngineHost;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentRepository;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.UriComponentsBuilder;

/** The incident search with its province table, and one incident with every field. */
@Controller
class IncidentPages {

	static final int PAGE_SIZE = 50;

	private final IncidentSearch search;

	private final IncidentRepository incidents;

	private final AlertRepository alerts;

	private final Indicators indicators;

	private final EngineHost engine;

	IncidentPages(IncidentSearch search, IncidentRepository incidents, AlertRepository alerts, Indicators indicators,
			EngineHost engine) {
		this.engine = engine;
		this.search = search;
		this.incidents = incidents;
		this.alerts = alerts;
		this.indicators = indicators;
	}

	/**
	 * The search reads {@link MapPages#DEFAULT_DAYS} days up to Today (or up to To)
	 * unless From is given: a period is a range of the primary key, so a search reads
	 * that period's incidents instead of the whole table (docs/performance.md). From
	 * given empty searches every date.
	 */
	@GetMapping("/incidents")
	String search(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String country, @RequestParam(required = false) String admin1,
			@RequestParam(required = false) String type, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String source, @RequestParam(defaultValue = "0") int page,
			WebRequest request, Model model) {
		LocalDate first = (from != null || request.getParameter("from") != null) ? from
				: ((to != null) ? to : this.engine.currentDay()).minusDays(MapPages.DEFAULT_DAYS - 1);
		IncidentSearch.Filter filter = new IncidentSearch.Filter(first, to, AlertPages.blankToNull(country),
				AlertPages.blankToNull(admin1), AlertPages.blankToNull(type), AlertPages.blankToNull(actor),
				AlertPages.blankToNull(source));
		List<IncidentSearch.Province> provinces = this.search.provinces(filter);
		// The provinces' counts add up to the total: one pass over the matches, not two.
		long total = provinces.stream().mapToLong(IncidentSearch.Province::incidents).sum();
		int lastPage = (int) Math.max(0, (total - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 0), lastPage);
		model.addAttribute("filter", filter);
		model.addAttribute("links", new Links(filter));
		model.addAttribute("rows", this.search.page(filter, current, PAGE_SIZE));
		model.addAttribute("provinces", provinces);
		model.addAttribute("total", total);
		model.addAttribute("page", current);
		model.addAttribute("lastPage", lastPage);
		model.addAttribute("first", (total == 0) ? 0 : (long) current * PAGE_SIZE + 1);
		model.addAttribute("last", Math.min(total, (long) (current + 1) * PAGE_SIZE));
		model.addAttribute("defaultDays", MapPages.DEFAULT_DAYS);
		model.addAttribute("eventTypes", this.search.distinct("event_type"));
		model.addAttribute("sources", this.search.distinct("source"));
		return "incidents";
	}

	/**
	 * Links that keep the search's filters: to another page, or narrowed to one province.
	 */
	record Links(IncidentSearch.Filter filter) {

		public String page(int page) {
			return builder(this.filter.country(), this.filter.admin1())
				.queryParamIfPresent("page", Optional.of(page).filter((number) -> number > 0))
				.build()
				.encode()
				.toUriString();
		}

		public String province(String country, String admin1) {
			return builder(country, admin1).build().encode().toUriString();
		}

		private UriComponentsBuilder builder(String country, String admin1) {
			UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/incidents");
			// No From is the default period; an empty one, every date.
			builder.queryParam("from", Objects.toString(this.filter.from(), ""));
			param(builder, "to", this.filter.to());
			param(builder, "country", country);
			param(builder, "admin1", admin1);
			param(builder, "type", this.filter.eventType());
			param(builder, "actor", this.filter.actor());
			param(builder, "source", this.filter.source());
			return builder;
		}

		private static void param(UriComponentsBuilder builder, String name, Object value) {
			builder.queryParamIfPresent(name, Optional.ofNullable(value));
		}

	}

	/** One labelled value of the incident. */
	record Field(String label, Object value) {
	}

	/** An alert that cites the incident as evidence now. */
	record Citing(Alert alert, String title) {
	}

	@GetMapping("/incidents/{source}/{eventId}")
	String incident(@PathVariable String source, @PathVariable String eventId, Model model) {
		Incident incident = IncidentJson.found(this.incidents, source, eventId);
		model.addAttribute("incident", incident);
		model.addAttribute("judgement", IncidentJson.View.of(incident, this.engine.currentDay()));
		model.addAttribute("fields", fields(incident));
		model.addAttribute("citing",
				this.alerts.find(new AlertRepository.Filter(null, null, null, null))
					.stream()
					.filter((alert) -> alert.evidence().contains(eventId))
					.map((alert) -> new Citing(alert, this.indicators.title(alert.indicator())))
					.toList());
		return "incident";
	}

	private static List<Field> fields(Incident i) {
		List<Field> fields = new ArrayList<>();
		add(fields, "Feed", i.source());
		add(fields, "Event id", i.eventId());
		add(fields, "Date", i.eventDate());
		add(fields, "Time precision", i.timePrecision());
		add(fields, "Disorder type", i.disorderType());
		add(fields, "Event type", i.eventType());
		add(fields, "Sub-event type", i.subEventType());
		add(fields, "Actor 1", i.actor1());
		add(fields, "Actor 1 group", i.actor1Group());
		add(fields, "Associated actor 1", i.assocActor1());
		add(fields, "Associated actor 1 groups", String.join(", ", i.assocActor1Groups()));
		add(fields, "Inter 1", i.inter1());
		add(fields, "Actor 2", i.actor2());
		add(fields, "Actor 2 group", i.actor2Group());
		add(fields, "Associated actor 2", i.assocActor2());
		add(fields, "Inter 2", i.inter2());
		add(fields, "Interaction", i.interaction());
		add(fields, "Civilian targeting", i.civilianTargeting());
		add(fields, "Target groups", String.join(", ", i.targetGroups()));
		add(fields, "Region", i.region());
		add(fields, "Country", i.country());
		add(fields, "ISO", i.iso());
		add(fields, "Admin 1 (province)", i.admin1());
		add(fields, "Admin 2 (district)", i.admin2());
		add(fields, "Admin 3", i.admin3());
		add(fields, "Location", i.location());
		add(fields, "Latitude", i.latitude());
		add(fields, "Longitude", i.longitude());
		add(fields, "Geo precision", i.geoPrecision());
		add(fields, "Origin country", i.originCountry());
		add(fields, "Fatalities", i.fatalities());
		add(fields, "Claim status", i.claimStatus());
		add(fields, "Admiralty grade", i.reliability() + i.credibility());
		add(fields, "Why this grade", i.gradeReason());
		add(fields, "Reported by", i.reportedBy());
		add(fields, "Source scale", i.sourceScale());
		add(fields, "Tags", String.join(", ", i.tags()));
		add(fields, "ACLED timestamp", i.timestamp());
		return fields;
	}

	private static void add(List<Field> fields, String label, Object value) {
		if (value != null && !Objects.toString(value).isBlank()) {
			fields.add(new Field(label, value));
		}
	}

}
