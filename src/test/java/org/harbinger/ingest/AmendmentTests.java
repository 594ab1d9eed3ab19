package org.harbinger.ingest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.harbinger.EndToEndTest;
import org.harbinger.engine.EngineHost;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Upstream changes its mind: an amended incident re-evaluates the alerts it fed, and an
 * alert whose evidence is deleted resolves as RETRACTED, not as the window sliding past.
 * Rockets into Iran in July 2021, so no other test's incidents share the window.
 */
@EndToEndTest
class AmendmentTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private EngineHost engine;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anAmendmentChangesTheEvidenceAndADeletionRetractsTheAlertThatRestedOnIt() throws Exception {
		this.engine.advanceTo(LocalDate.of(2021, 7, 10)).join();
		upload(AcledRow.file(rockets("IRN-A", "2021-07-01"), rockets("IRN-B", "2021-07-05")));
		alert().andExpect(jsonPath("$[0].status").value("OPEN"))
			.andExpect(jsonPath("$[0].severity").value("WARNING"))
			.andExpect(jsonPath("$[0].evidence", contains("IRN-A", "IRN-B")));

		upload(AcledRow.file(rockets("IRN-B", "2021-07-05").set("event_type", "Battles")
			.set("sub_event_type", "Armed clash")
			.set("notes", "Amended: a border clash, not rocket fire.")));
		alert().andExpect(jsonPath("$[0].status").value("OPEN"))
			.andExpect(jsonPath("$[0].evidence", contains("IRN-A")));

		upload("event_id_cnty,deleted_timestamp\nIRN-A,1626000000\n");
		alert().andExpect(jsonPath("$[0].status").value("RESOLVED"));
		long id = this.jdbc.sql("SELECT id FROM alert WHERE indicator = 'cross-border-fire' AND scope = 'Iran'")
			.query(Long.class)
			.single();
		this.mvc.perform(get("/api/alerts/" + id))
			.andExpect(jsonPath("$.transitions[*].kind", contains("FIRED", "RETRACTED")))
			.andExpect(jsonPath("$.transitions[1].evidence", contains("IRN-A")));
	}

	@Test
	void anAlertThatStillHasEvidenceAfterADeletionStaysOpen() throws Exception {
		this.engine.advanceTo(LocalDate.of(2021, 9, 10)).join();
		upload(AcledRow.file(rockets("CHN-A", "2021-09-01").set("country", "China"),
				rockets("CHN-B", "2021-09-02").set("country", "China")));

		this.mvc.perform(delete("/api/incidents/acled/CHN-B")).andExpect(status().isNoContent());
		this.engine.today();

		this.mvc.perform(get("/api/alerts").param("indicator", "cross-border-fire").param("scope", "China"))
			.andExpect(jsonPath("$[0].status").value("OPEN"))
			.andExpect(jsonPath("$[0].evidence", contains("CHN-A")));
	}

	private ResultActions alert() throws Exception {
		return this.mvc.perform(get("/api/alerts").param("indicator", "cross-border-fire").param("scope", "Iran"));
	}

	private void upload(String file) throws Exception {
		this.mvc
			.perform(multipart("/api/incidents/import")
				.file(new MockMultipartFile("file", "upstream.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rejected").value(0));
	}

	private static AcledRow rockets(String id, String date) {
		return AcledRow.rocketsFromHerat(id, date, "Iran", "Khorasan-e Razavi", "Taybad");
	}

}
