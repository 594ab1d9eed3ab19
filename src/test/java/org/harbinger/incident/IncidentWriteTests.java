package org.harbinger.incident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.harbinger.EndToEndTest;
import org.harbinger.ingest.IncidentFields;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of an import sorts its rows the same whether the database inserts first and is
 * asked only about the rows it refused (after a batch of mostly new rows) or is asked
 * about every row first (after a batch of mostly stored ones). PostgresCopyTests shows
 * the refusal on PostgreSQL.
 */
@EndToEndTest
class IncidentWriteTests {

	@Autowired
	private IncidentService service;

	@Autowired
	private IncidentRepository repository;

	@Autowired
	private IncidentFields fields;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void newAmendedUnchangedAndRepeatedRowsAreToldApartWhicheverWayTheBatchIsWritten() {
		write(1, row(2, "WR-A", "0"), row(3, "WR-B", "0"), row(4, "WR-C", "0"));

		// Mostly new rows before: this one inserts first, and the database refuses WR-A
		// and WR-B.
		IncidentService.Outcome refusedFirst = write(2, row(2, "WR-A", "0"), row(3, "WR-B", "5"), row(4, "WR-D", "0"),
				row(5, "WR-E", "0"), row(6, "WR-F", "0"), row(7, "WR-D", "1"));
		assertThat(List.of(refusedFirst.created(), refusedFirst.amended(), refusedFirst.unchanged())).containsExactly(3,
				1, 1);
		assertThat(refusedFirst.duplicates()).singleElement()
			.satisfies((duplicate) -> assertThat(duplicate.firstLine()).isEqualTo(4));

		// Mostly stored rows before this one (a file imported again): it looks up first.
		write(3, row(2, "WR-A", "0"), row(3, "WR-B", "0"), row(4, "WR-C", "0"), row(5, "WR-D", "0"));
		IncidentService.Outcome lookedUpFirst = write(4, row(2, "WR-A", "0"), row(3, "WR-B", "7"), row(4, "WR-G", "0"));
		assertThat(List.of(lookedUpFirst.created(), lookedUpFirst.amended(), lookedUpFirst.unchanged()))
			.containsExactly(1, 1, 1);
		assertThat(this.repository.find(new IncidentKey("acled", "WR-B")))
			.hasValueSatisfying((incident) -> assertThat(incident.fatalities()).isEqualTo(7));
	}

	@Test
	void aRowRepeatingOneAnEarlierBatchOfTheSameImportStoredIsRefusedNamingItsLine() {
		write(10, row(2, "WR-R", "0"), row(3, "WR-S", "0"));

		IncidentService.Outcome later = write(10, row(9, "WR-R", "3"), row(10, "WR-T", "0"));

		assertThat(later.created()).isEqualTo(1);
		assertThat(later.duplicates()).singleElement().satisfies((duplicate) -> {
			assertThat(duplicate.row().line()).isEqualTo(9);
			assertThat(duplicate.firstLine()).isEqualTo(2);
		});
		assertThat(this.repository.find(new IncidentKey("acled", "WR-R")))
			.hasValueSatisfying((incident) -> assertThat(incident.fatalities()).isZero());
	}

	@Test
	void incidentsComeBackInEventDateOrderAndAnAmendedDateMovesItsIncident() {
		write(20, row(2, "order", "OR-B", "2021-03-02", "0"), row(3, "order", "OR-A", "2021-03-01", "0"),
				row(4, "order", "OR-C", "2021-03-03", "0"), row(5, "order", "OR-D", "2021-03-02", "0"));

		write(21, row(2, "order", "OR-A", "2021-03-04", "0"));

		assertThat(matching("2021-03-01", "2021-03-31")).containsExactly("OR-B", "OR-D", "OR-C", "OR-A");
		assertThat(matching("2021-03-02", "2021-03-03")).containsExactly("OR-B", "OR-D", "OR-C");
		assertThat(matching("2021-03-03", null)).containsExactly("OR-C", "OR-A");
	}

	private List<String> matching(String from, String to) {
		List<String> ids = new ArrayList<>();
		this.repository.forEachMatching(new IncidentRepository.Search(LocalDate.parse(from),
				(to != null) ? LocalDate.parse(to) : null, null, null, null, null, "order"),
				(incident) -> ids.add(incident.eventId()));
		return ids;
	}

	private IncidentService.Outcome write(long importId, IncidentService.Numbered... rows) {
		IncidentService.Outcome outcome = new TransactionTemplate(this.transactions)
			.execute((status) -> this.service.write(List.of(rows), List.of(), importId));
		outcome.evaluated().join();
		return outcome;
	}

	private IncidentService.Numbered row(int line, String id, String fatalities) {
		return row(line, "acled", id, "2020-02-02", fatalities);
	}

	private IncidentService.Numbered row(int line, String source, String id, String date, String fatalities) {
		IncidentFields.Parsed parsed = this.fields.parse(Map.of("source", source, "event_id_cnty", id, "event_date",
				date, "event_type", "Protests", "country", "Afghanistan", "fatalities", fatalities));
		return new IncidentService.Numbered(line, parsed.incident());
	}

}
