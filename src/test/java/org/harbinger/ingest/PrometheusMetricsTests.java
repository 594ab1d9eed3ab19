package org.harbinger.ingest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.harbinger.EndToEndTest;
import org.harbinger.engine.EngineHost;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * /actuator/prometheus serves the harbinger_ series to a signed-in reader, moved by a
 * real upload that opens an alert, a JSON post and a forced rule reload, and to no one
 * else. Rockets into Turkmenistan in November 2021, so no other test's incidents share
 * the window; counts are compared before and after, since the end-to-end context is
 * shared.
 */
@EndToEndTest
class PrometheusMetricsTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private EngineHost engine;

	@Test
	void anUploadMovesTheIngestImportTransitionAlertAndEngineSeries() throws Exception {
		String before = scrape();
		this.engine.advanceTo(LocalDate.of(2021, 11, 10)).join();
		String file = AcledRow.file(rockets("TKM-A", "2021-11-01"), rockets("TKM-B", "2021-11-05"));
		this.mvc
			.perform(multipart("/api/incidents/import")
				.file(new MockMultipartFile("file", "rockets.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isOk());
		this.mvc.perform(post("/api/incidents").contentType("application/json").content("""
				{"source":"desk","id":"TKM-API-1","event_date":"2021-11-02","event_type":"Protests",
				 "sub_event_type":"Peaceful protest","actor1":"Protesters (Turkmenistan)","country":"Turkmenistan",
				 "admin1":"Ahal","fatalities":0}""")).andExpect(status().isOk());
		this.mvc.perform(post("/api/rules/reload")).andExpect(status().isOk());
		String after = scrape();

		assertThat(value(after, "harbinger_incidents_ingested_total", "way=\"upload\"", "outcome=\"created\"")
				- value(before, "harbinger_incidents_ingested_total", "way=\"upload\"", "outcome=\"created\""))
			.isEqualTo(2);
		assertThat(value(after, "harbinger_incidents_ingested_total", "way=\"api\"", "outcome=\"created\"")
				- value(before, "harbinger_incidents_ingested_total", "way=\"api\"", "outcome=\"created\""))
			.isEqualTo(1);
		assertThat(value(after, "harbinger_imports_total", "way=\"upload\"", "status=\"DONE\"")
				- value(before, "harbinger_imports_total", "way=\"upload\"", "status=\"DONE\""))
			.isEqualTo(1);
		assertThat(value(after, "harbinger_alert_transitions_total", "kind=\"FIRED\"")
				- value(before, "harbinger_alert_transitions_total", "kind=\"FIRED\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(after, "harbinger_alerts_open", "indicator=\"cross-border-fire\"", "severity=\"warning\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(after, "harbinger_engine_step_seconds_count"))
			.isGreaterThan(value(before, "harbinger_engine_step_seconds_count"));
		assertThat(value(after, "harbinger_rules_reloads_total") - value(before, "harbinger_rules_reloads_total"))
			.isEqualTo(1);
		assertThat(after).contains("harbinger_rules_refusals_total", "harbinger_outbox_backlog ",
				"harbinger_outbox_oldest_age_seconds ");
	}

	@Test
	void theScrapeIsForReadersOnly() throws Exception {
		this.mvc.perform(get("/actuator/prometheus").with(anonymous())).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("ingest", "ingest-password")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "admin-password")))
			.andExpect(status().isOk());
	}

	private String scrape() throws Exception {
		return this.mvc.perform(get("/actuator/prometheus").with(httpBasic("analyst", "analyst-password")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The sum of a series' samples whose labels include all of {@code labels}; 0 when
	 * there is none yet.
	 */
	private static double value(String scrape, String name, String... labels) {
		var sample = Pattern.compile("^" + name + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE).matcher(scrape);
		double sum = 0;
		while (sample.find()) {
			String found = (sample.group(1) != null) ? sample.group(1) : "";
			if (Arrays.stream(labels).allMatch(found::contains)) {
				sum += Double.parseDouble(sample.group(2));
			}
		}
		return sum;
	}

	private static AcledRow rockets(String id, String date) {
		return AcledRow.rocketsFromHerat(id, date, "Turkmenistan", "Mary", "Serhetabat");
	}

}
