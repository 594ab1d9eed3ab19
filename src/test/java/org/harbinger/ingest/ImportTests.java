package org.harbinger.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.harbinger.EndToEndTest;
import org.harbinger.engine.EngineHost;
import org.harbinger.incident.ClaimStatus;
import org.harbinger.incident.IncidentKey;
import org.harbinger.incident.IncidentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ImportQueue through the API on the shared end-to-end context: formats, jobs,
 * quarantine, re-imports, deletions.
 */
@EndToEndTest
class ImportTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private IncidentRepository incidents;

	@Autowired
	private ImportJobs jobs;

	@Autowired
	private ImportQueue imports;

	@Autowired
	private EngineHost engine;

	@Test
	void readsAnAcledExportWithABomCrlfColumnsInAnyOrderAndExtraColumns() throws Exception {
		String file = "\uFEFFnotes,country,event_type,event_date,inter1,inter2,event_id_cnty,timestamp,iso3,source,actor1\r\n"
				+ "\"Protest, peaceful\",Afghanistan,Protests,18 April 2022,6,0,FMT-1,1650326400,AFG,Pajhwok,Protesters (Afghanistan)\r\n"
				+ "Clash,Afghanistan,Battles,2022-04-19,State forces,Rebel group,FMT-2,1650412800,AFG,Tolo,Military Forces of Afghanistan (2021-)\r\n";

		upload("acled.csv", file.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andExpect(jsonPath("$.format").value("ACLED"))
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.rejected").value(0));

		assertThat(this.incidents.find(new IncidentKey("acled", "FMT-1"))).hasValueSatisfying((incident) -> {
			assertThat(incident.eventDate()).isEqualTo(LocalDate.of(2022, 4, 18));
			assertThat(incident.inter1()).isEqualTo("Protesters");
			assertThat(incident.inter2()).isNull();
			assertThat(incident.timestamp()).isEqualTo(1650326400L);
			assertThat(incident.reportedBy()).isEqualTo("Pajhwok");
			assertThat(incident.notes()).isEqualTo("Protest, peaceful");
		});
		assertThat(this.incidents.find(new IncidentKey("acled", "FMT-2")))
			.hasValueSatisfying((incident) -> assertThat(incident.inter2()).isEqualTo("Rebel group"));
	}

	@Test
	void readsTheNativeExampleWithItsEarlyWarningFields() throws Exception {
		upload("native.csv", Files.readAllBytes(Path.of("src/test/resources/ingest/native-example.csv")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.format").value("NATIVE"))
			.andExpect(jsonPath("$.accepted").value(3))
			.andExpect(jsonPath("$.rejected").value(0));

		assertThat(this.incidents.find(new IncidentKey("desk", "DESK-2022-0418"))).hasValueSatisfying((incident) -> {
			assertThat(incident.actor1Group()).isEqualTo("ISKP");
			assertThat(incident.claimStatus()).isEqualTo(ClaimStatus.DENIED);
			assertThat(incident.reliability() + incident.credibility()).isEqualTo("B3");
			assertThat(incident.tags()).containsExactly("propaganda", "lang=uz");
			assertThat(incident.reportedBy()).isEqualTo("Voice of Khorasan; RFE/RL");
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "empty file||the file is empty",
			"only a byte-order mark|\uFEFF|the file is empty",
			"not incidents|name,age\\nAda,36|the header lacks event_id_cnty, event_date, event_type, country",
			"misspelt native column|source,event_id_cnty,event_date,event_type,country,reported_by,fatalites|unknown column fatalites",
			"native without a feed|event_id_cnty,event_date,event_type,country,reported_by|needs a source column",
			"a column twice|event_id_cnty,event_date,event_type,country,country|the column 'country' appears twice" })
	void refusesAFileWhoseHeaderIsNoFormatAtLineOne(String name, String file, String reason) throws Exception {
		String content = (file != null) ? file.replace("\\n", "\n") : "";

		upload(name + ".csv", content.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.message", startsWith("line 1: ")))
			.andExpect(jsonPath("$.message", containsString(reason)))
			.andExpect(jsonPath("$.errors[0].line").value(1));
	}

	@Test
	void refusedRowsDownloadAsACsvThatImportsOnceFixed() throws Exception {
		String file = AcledRow.file(AcledRow.of("FIX-1"), AcledRow.of("FIX-2").set("fatalities", "many"),
				AcledRow.of("FIX-3").set("event_type", "Fights"));
		long id = importId(
				upload("desk.csv", file.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.rejected").value(2)));

		String rejected = this.mvc.perform(get("/api/imports/" + id + "/rejected.csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rejected).isEqualTo(AcledRow.HEADER + "\n" + AcledRow.of("FIX-2").set("fatalities", "many").line()
				+ "\n" + AcledRow.of("FIX-3").set("event_type", "Fights").line() + "\n");

		String fixed = rejected.replace(",many,", ",2,").replace(",Fights,", ",Protests,");
		upload("fixed.csv", fixed.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.rejected").value(0));
		assertThat(this.incidents.find(new IncidentKey("acled", "FIX-2")))
			.hasValueSatisfying((incident) -> assertThat(incident.fatalities()).isEqualTo(2));
	}

	@Test
	void importingAFileAgainStoresNothingTwiceAndAmendsOnlyWhatChanged() throws Exception {
		String file = AcledRow.file(AcledRow.of("AGAIN-1"), AcledRow.of("AGAIN-2"));
		upload("first.csv", file.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.created").value(2));

		upload("same.csv", file.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.unchanged").value(2))
			.andExpect(jsonPath("$.amended").value(0));
		String amended = AcledRow.file(AcledRow.of("AGAIN-1"), AcledRow.of("AGAIN-2").set("fatalities", "4"));
		upload("amended.csv", amended.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.unchanged").value(1))
			.andExpect(jsonPath("$.amended").value(1));

		assertThat(this.incidents.find(new IncidentKey("acled", "AGAIN-2")))
			.hasValueSatisfying((incident) -> assertThat(incident.fatalities()).isEqualTo(4));
	}

	@Test
	void aDuplicateIdInALaterBatchOfAReimportIsStillCaught() throws Exception {
		String file = AcledRow.file(AcledRow.of("DUP-1"), AcledRow.of("DUP-1").set("notes", "second copy"));
		upload("first.csv", file.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].reason")
				.value("event_id_cnty: 'DUP-1' of feed 'acled' is already on line 2 of this file"));

		upload("again.csv", file.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.unchanged").value(1))
			.andExpect(jsonPath("$.errors[0].line").value(3));
		assertThat(this.incidents.find(new IncidentKey("acled", "DUP-1")))
			.hasValueSatisfying((incident) -> assertThat(incident.notes()).isNotEqualTo("second copy"));
	}

	@Test
	void anAcledDeletionsFileAndTheApiRemoveIncidents() throws Exception {
		upload("rows.csv", AcledRow.file(AcledRow.of("DEL-1"), AcledRow.of("DEL-2"), AcledRow.of("DEL-3"))
			.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.created").value(3));

		upload("deletions.csv",
				"event_id_cnty,deleted_timestamp\nDEL-1,1700000000\nDEL-404,1700000000\n,1\nDEL-2,soon\n"
					.getBytes(StandardCharsets.UTF_8))
			.andExpect(jsonPath("$.format").value("DELETIONS"))
			.andExpect(jsonPath("$.deleted").value(1))
			.andExpect(jsonPath("$.errors[0].line").value(4))
			.andExpect(jsonPath("$.errors[0].reason").value("event_id_cnty: is required"))
			.andExpect(jsonPath("$.errors[1].line").value(5));
		this.mvc.perform(delete("/api/incidents/acled/DEL-3")).andExpect(status().isNoContent());
		this.mvc.perform(delete("/api/incidents/acled/DEL-3")).andExpect(status().isNotFound());

		assertThat(this.incidents.find(new IncidentKey("acled", "DEL-1"))).isEmpty();
		assertThat(this.incidents.find(new IncidentKey("acled", "DEL-2"))).isPresent();
		assertThat(this.incidents.find(new IncidentKey("acled", "DEL-3"))).isEmpty();
	}

	/**
	 * Issue 15, item 4: one row lies before the event-time clock (where other tests left
	 * it), one beyond it.
	 */
	@Test
	void rowsDatedAfterTheClockAreStoredCountedAndShownAsJudgedFromTheirDay() throws Exception {
		LocalDate clock = this.engine.currentDay();
		LocalDate past = clock.minusDays(12);
		LocalDate future = clock.plusDays(19);
		String file = AcledRow.file(
				AcledRow.of("CLOCK-past")
					.set("event_date", past.toString())
					.set("year", String.valueOf(past.getYear())),
				AcledRow.of("CLOCK-future")
					.set("event_date", future.toString())
					.set("year", String.valueOf(future.getYear())));

		upload("beyond.csv", file.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.beyond_clock").value(1))
			.andExpect(jsonPath("$.clock").value(clock.toString()));

		this.mvc.perform(get("/api/incidents/acled/CLOCK-future"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.event_id").value("CLOCK-future"))
			.andExpect(jsonPath("$.beyond_clock").value(true))
			.andExpect(jsonPath("$.judged_from").value(future.toString()));
		this.mvc.perform(get("/api/incidents/acled/CLOCK-past"))
			.andExpect(jsonPath("$.beyond_clock").value(false))
			.andExpect(jsonPath("$.judged_from").doesNotExist());
		this.mvc.perform(get("/api/incidents/acled/CLOCK-none")).andExpect(status().isNotFound());
		this.mvc.perform(get("/incidents/acled/CLOCK-future"))
			.andExpect(content().string(containsString("Beyond the clock")));
		this.mvc.perform(get("/incidents/acled/CLOCK-past"))
			.andExpect(content().string(not(containsString("Beyond the clock"))));
	}

	@Test
	void aCsvBodyImportsAndItsJobStaysListed() throws Exception {
		long id = importId(this.mvc
			.perform(post("/api/incidents/import").param("name", "body.csv")
				.contentType("text/csv")
				.content(AcledRow.file(AcledRow.of("BODY-1"))))
			.andExpect(status().isOk()));

		this.mvc.perform(get("/api/imports/" + id))
			.andExpect(jsonPath("$.file").value("body.csv"))
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.percent").value(100))
			.andExpect(jsonPath("$.created").value(1));
		this.mvc.perform(get("/api/imports")).andExpect(jsonPath("$[?(@.id == " + id + ")].file").value("body.csv"));
		this.mvc.perform(get("/api/imports/999999")).andExpect(status().isNotFound());
	}

	@Test
	void anUploadNotDoneInTimeAnswers202AndItsJobShowsProgressThenTheReport() throws Exception {
		AcledRow[] rows = new AcledRow[4500];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = AcledRow.of("LONG-" + (i + 1));
		}
		rows[10].set("fatalities", "-1");
		MvcResult accepted = this.mvc
			.perform(multipart("/api/incidents/import").file(new MockMultipartFile("file", "long.csv", "text/csv",
					AcledRow.file(rows).getBytes(StandardCharsets.UTF_8)))
				.param("wait", "0"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", startsWith("/api/imports/")))
			.andExpect(jsonPath("$.status", anyOf(is("QUEUED"), is("RUNNING"), is("DONE"))))
			.andExpect(jsonPath("$.file").value("long.csv"))
			.andReturn();
		String location = accepted.getResponse().getHeader("Location");

		List<Integer> percents = new ArrayList<>();
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
			String report = this.mvc.perform(get(location)).andReturn().getResponse().getContentAsString();
			percents.add(Integer.parseInt(report.replaceAll("(?s).*?\"percent\":(\\d+).*", "$1")));
			return report.contains("\"status\":\"DONE\"");
		});

		assertThat(percents).as("progress only goes forward").isSorted().last().isEqualTo(100);
		this.mvc.perform(get(location))
			.andExpect(jsonPath("$.created").value(4499))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.committed_line").value(4501))
			.andExpect(jsonPath("$.errors[0].line").value(12))
			.andExpect(jsonPath("$.errors[0].reason").value("fatalities: -1 is negative"));
	}

	@Test
	void unknownActorsAreCountedOncePerIncidentAndListed() throws Exception {
		String file = AcledRow.file(
				AcledRow.of("UNK-1").set("actor1", "Lashkar-e-Nowhere").set("event_date", "2021-03-02"),
				AcledRow.of("UNK-2").set("actor1", "Lashkar-e-Nowhere").set("event_date", "2021-05-09"),
				AcledRow.of("UNK-3").set("actor2", "Lashkar-e-Nowhere"));
		upload("unknown.csv", file.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.created").value(3));
		upload("unknown-again.csv", file.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.unchanged").value(3));

		this.mvc.perform(get("/api/actors/unknown"))
			.andExpect(jsonPath("$[?(@.actor == 'Lashkar-e-Nowhere')].occurrences").value(3))
			.andExpect(jsonPath("$[?(@.actor == 'Lashkar-e-Nowhere')].first_seen").value("2021-03-02"))
			.andExpect(jsonPath("$[?(@.actor == 'Lashkar-e-Nowhere')].last_seen").value("2021-06-01"));
	}

	@Test
	void anImportAStopInterruptedGoesOnAfterItsLastCommittedLine(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("interrupted.csv");
		Files.writeString(file, AcledRow.file(AcledRow.of("RES-1"), AcledRow.of("RES-2"), AcledRow.of("RES-3")));
		long id = this.jobs.create("interrupted.csv", file.toString(), ImportJob.Origin.CLI, Files.size(file));
		this.jobs.start(id, "ACLED", AcledRow.HEADER, null);
		this.jobs.progress(id, new ImportJobs.Progress(100, 3, 2, 0, 0, 0, 0));

		this.imports.resumeInterrupted();

		ImportReport report = awaitFinished(id);
		assertThat(report.status()).isEqualTo("DONE");
		assertThat(report.resumedAtLine()).isEqualTo(3);
		assertThat(report.message()).contains("resumed after a restart");
		assertThat(report.created()).as("two counted before the stop, one after").isEqualTo(3);
		assertThat(this.incidents.find(new IncidentKey("acled", "RES-1")))
			.as("lines before the stop are not read again")
			.isEmpty();
		assertThat(this.incidents.find(new IncidentKey("acled", "RES-3"))).isPresent();
	}

	@Test
	void anImportWhoseFileIsGoneAfterAStopIsMarkedFailedSayingHowFarItGot() throws Exception {
		long id = this.jobs.create("gone.csv", "/nonexistent/gone.csv", ImportJob.Origin.UPLOAD, 10);
		this.jobs.start(id, "ACLED", AcledRow.HEADER, null);
		this.jobs.progress(id, new ImportJobs.Progress(5, 40, 39, 0, 0, 0, 0));

		this.imports.resumeInterrupted();

		this.mvc.perform(get("/api/imports/" + id))
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.message", containsString("lines up to 40 are stored, the rest are not")));
	}

	private ImportReport awaitFinished(long id) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			ImportJob job = this.jobs.find(id).orElseThrow();
			if (job.finished()) {
				return this.imports.report(job);
			}
			Thread.sleep(50);
		}
		throw new AssertionError("import " + id + " did not finish");
	}

	private ResultActions upload(String name, byte[] content) throws Exception {
		return this.mvc
			.perform(multipart("/api/incidents/import").file(new MockMultipartFile("file", name, "text/csv", content)));
	}

	private static long importId(ResultActions result) throws Exception {
		String body = result.andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
	}

}
