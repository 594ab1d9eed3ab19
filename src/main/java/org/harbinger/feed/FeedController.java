package org.harbinger.feed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import javax.xml.stream.XMLStreamException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.engine.Severity;
import org.harbinger.incident.IncidentRepository;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feeds for other tools: {@code GET /api/feeds/transitions.atom} (Atom),
 * {@code /api/feeds/alerts.csv} and {@code /api/feeds/incidents.csv} (CSV, streamed),
 * {@code /api/feeds/alerts.stix.json} (a STIX 2.1 bundle). Alert filters are those of
 * {@code GET /api/alerts}.
 */
@RestController
class FeedController {

	/** The media type TAXII 2.1 gives STIX 2.1 content. */
	static final MediaType STIX = MediaType.parseMediaType("application/stix+json;version=2.1");

	private static final int MAX_ENTRIES = 500;

	private final AtomFeed atom;

	private final CsvExport csv;

	private final StixBundle stix;

	private final Catalogue catalogue;

	FeedController(AtomFeed atom, CsvExport csv, StixBundle stix, Catalogue catalogue) {
		this.atom = atom;
		this.csv = csv;
		this.stix = stix;
		this.catalogue = catalogue;
	}

	@GetMapping("/api/feeds/transitions.atom")
	void transitions(@RequestParam(required = false) String indicator, @RequestParam(required = false) String scope,
			@RequestParam(required = false) Severity severity, @RequestParam(defaultValue = "50") int limit,
			HttpServletRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
		String self = this.catalogue.publicUrl() + "/api/feeds/transitions.atom"
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		response.setContentType("application/atom+xml;charset=UTF-8");
		this.atom.write(filter(null, indicator, scope, severity), Math.max(1, Math.min(limit, MAX_ENTRIES)), self,
				response.getOutputStream());
	}

	@GetMapping("/api/feeds/alerts.csv")
	void alerts(@RequestParam(required = false) Alert.Status status, @RequestParam(required = false) String indicator,
			@RequestParam(required = false) String scope, @RequestParam(required = false) Severity severity,
			HttpServletResponse response) throws IOException {
		this.csv.writeAlerts(filter(status, indicator, scope, severity), csv(response, "alerts.csv"));
	}

	@GetMapping("/api/feeds/incidents.csv")
	void incidents(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String country, @RequestParam(required = false) String admin1,
			@RequestParam(name = "event_type", required = false) String eventType,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String source,
			HttpServletResponse response) throws IOException {
		this.csv.writeIncidents(new IncidentRepository.Search(from, to, given(country), given(admin1), given(eventType),
				given(actor), given(source)), csv(response, "incidents.csv"));
	}

	@GetMapping("/api/feeds/alerts.stix.json")
	ResponseEntity<byte[]> stix(@RequestParam(required = false) Alert.Status status,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) String scope,
			@RequestParam(required = false) Severity severity) {
		return ResponseEntity.ok()
			.contentType(STIX)
			.body(this.stix.write(filter(status, indicator, scope, severity)).getBytes(StandardCharsets.UTF_8));
	}

	/** An empty parameter, as a form sends it, filters nothing. */
	private static AlertRepository.Filter filter(Alert.Status status, String indicator, String scope,
			Severity severity) {
		return new AlertRepository.Filter(status, given(indicator), given(scope), severity);
	}

	private static String given(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static Writer csv(HttpServletResponse response, String name) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
		return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
	}

}
