package org.harbinger.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.ingest.CsvWriter;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts and incidents as RFC 4180 CSV (CRLF line ends, quotes only where needed), safe
 * to open in a spreadsheet: text cells go through {@link CsvCells#text}. The incident
 * columns are the native import format's, so an export can be edited and imported again
 * (a neutralised cell then keeps its leading quote).
 */
@Component
class CsvExport {

	private static final String CRLF = "\r\n";

	/**
	 * The incident columns, named as the native format names them (IncidentFields.NAMES),
	 * each with its cell.
	 */
	static final Map<String, Function<Incident, String>> INCIDENT_COLUMNS = incidentColumns();

	private final AlertRepository alerts;

	private final IncidentRepository incidents;

	private final Catalogue catalogue;

	CsvExport(AlertRepository alerts, IncidentRepository incidents, Catalogue catalogue) {
		this.alerts = alerts;
		this.incidents = incidents;
		this.catalogue = catalogue;
	}

	void writeAlerts(AlertRepository.Filter filter, Writer out) throws IOException {
		out.write(CsvWriter.line(List.of("id", "indicator", "title", "scope", "status", "severity", "first_fired_on",
				"changed_on", "updated_at", "detail", "evidence", "link")) + CRLF);
		for (Alert alert : this.alerts.find(filter)) {
			out.write(CsvWriter
				.line(List.of(CsvCells.value(alert.id()), CsvCells.text(alert.indicator()),
						CsvCells.text(this.catalogue.title(alert.indicator())), CsvCells.text(alert.scope()),
						CsvCells.value(alert.status()), CsvCells.value(alert.severity()),
						CsvCells.value(alert.firstFiredOn()), CsvCells.value(alert.changedOn()),
						CsvCells.value(alert.updatedAt()), CsvCells.text(alert.detail()),
						CsvCells.text(String.join(";", alert.evidence())), this.catalogue.alertLink(alert.id())))
					+ CRLF);
		}
		out.flush();
	}

	/**
	 * Streams the incidents row by row; the transaction lets PostgreSQL fetch them in
	 * batches.
	 */
	@Transactional(readOnly = true)
	public void writeIncidents(IncidentRepository.Search search, Writer out) throws IOException {
		out.write(CsvWriter.line(List.copyOf(INCIDENT_COLUMNS.keySet())) + CRLF);
		try {
			this.incidents.forEachMatching(search, (incident) -> {
				try {
					out.write(CsvWriter
						.line(INCIDENT_COLUMNS.values().stream().map((cell) -> cell.apply(incident)).toList()) + CRLF);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		out.flush();
	}

	private static Map<String, Function<Incident, String>> incidentColumns() {
		Map<String, Function<Incident, String>> columns = new LinkedHashMap<>();
		columns.put("source", (i) -> CsvCells.text(i.source()));
		columns.put("event_id_cnty", (i) -> CsvCells.text(i.eventId()));
		columns.put("event_date", (i) -> CsvCells.value(i.eventDate()));
		columns.put("year", (i) -> CsvCells.value(i.eventDate().getYear()));
		columns.put("time_precision", (i) -> CsvCells.value(i.timePrecision()));
		columns.put("disorder_type", (i) -> CsvCells.text(i.disorderType()));
		columns.put("event_type", (i) -> CsvCells.text(i.eventType()));
		columns.put("sub_event_type", (i) -> CsvCells.text(i.subEventType()));
		columns.put("actor1", (i) -> CsvCells.text(i.actor1()));
		columns.put("assoc_actor_1", (i) -> CsvCells.text(i.assocActor1()));
		columns.put("inter1", (i) -> CsvCells.text(i.inter1()));
		columns.put("actor2", (i) -> CsvCells.text(i.actor2()));
		columns.put("assoc_actor_2", (i) -> CsvCells.text(i.assocActor2()));
		columns.put("inter2", (i) -> CsvCells.text(i.inter2()));
		columns.put("interaction", (i) -> CsvCells.text(i.interaction()));
		columns.put("civilian_targeting", (i) -> CsvCells.text(i.civilianTargeting()));
		columns.put("iso", (i) -> CsvCells.value(i.iso()));
		columns.put("region", (i) -> CsvCells.text(i.region()));
		columns.put("country", (i) -> CsvCells.text(i.country()));
		columns.put("admin1", (i) -> CsvCells.text(i.admin1()));
		columns.put("admin2", (i) -> CsvCells.text(i.admin2()));
		columns.put("admin3", (i) -> CsvCells.text(i.admin3()));
		columns.put("location", (i) -> CsvCells.text(i.location()));
		columns.put("latitude", (i) -> CsvCells.value(i.latitude()));
		columns.put("longitude", (i) -> CsvCells.value(i.longitude()));
		columns.put("geo_precision", (i) -> CsvCells.value(i.geoPrecision()));
		columns.put("reported_by", (i) -> CsvCells.text(i.reportedBy()));
		columns.put("source_scale", (i) -> CsvCells.text(i.sourceScale()));
		columns.put("notes", (i) -> CsvCells.text(i.notes()));
		columns.put("fatalities", (i) -> CsvCells.value(i.fatalities()));
		columns.put("tags", (i) -> CsvCells.text(String.join(";", i.tags())));
		columns.put("timestamp", (i) -> CsvCells.value(i.timestamp()));
		columns.put("origin_country", (i) -> CsvCells.text(i.originCountry()));
		columns.put("claim_status", (i) -> CsvCells.value(i.claimStatus()));
		columns.put("reliability", (i) -> CsvCells.text(i.reliability()));
		columns.put("credibility", (i) -> CsvCells.value(i.credibility()));
		return Collections.unmodifiableMap(columns);
	}

}
