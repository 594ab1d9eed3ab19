package org.harbinger.ingest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.harbinger.E2eSecurity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A service connected to ACLED (the stand-in) by its settings:
 * {@code POST /api/acled/pull} answers like an upload (200 with the report, or 202 with
 * its Location, 409 while a pull is under way), and the scheduled pull is a Quartz job on
 * {@code harbinger.acled.cron}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:acled-api;DB_CLOSE_DELAY=-1", "spring.quartz.scheduler-name=acled-api",
		"spring.quartz.auto-startup=false", "harbinger.demo.enabled=false", "harbinger.clock.fixed-date=2022-04-01",
		"harbinger.inbox.enabled=false", "harbinger.mail.sender-enabled=false",
		"harbinger.mail.eml-dir=target/acled-api/mail", "harbinger.security.users-file=" + E2eSecurity.USERS_FILE,
		"harbinger.config-dir=src/test/resources/e2e", "harbinger.ingest.spool-dir=target/acled-api/spool",
		"harbinger.acled.username=" + AcledStandIn.USERNAME, "harbinger.acled.password=" + AcledStandIn.PASSWORD,
		"harbinger.acled.countries=Afghanistan", "harbinger.acled.since=2021-01-01", "harbinger.acled.page-size=50",
		"harbinger.acled.cron=0 30 4 * * ?", "harbinger.acled.first-backoff=10ms", "harbinger.acled.max-backoff=50ms" })
@AutoConfigureMockMvc
@Import(E2eSecurity.class)
class AcledApiTests {

	private static final AcledStandIn ACLED = standIn();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scheduler scheduler;

	@Autowired
	private AcledPuller puller;

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void acled(DynamicPropertyRegistry registry) {
		registry.add("harbinger.acled.base-url", () -> ACLED.url().toString());
	}

	@AfterAll
	static void stop() {
		ACLED.close();
	}

	@BeforeEach
	void firstConnection() {
		this.jdbc.sql("DELETE FROM acled_pull").update();
	}

	@Test
	void aPullAnswersLikeAnUploadAndASecondWhileOneIsUnderWayIsAConflict() throws Exception {
		ACLED.hold();
		String location = this.mvc.perform(post("/api/acled/pull").param("wait", "0"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.origin").value("ACLED"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		assertThat(location).startsWith("/api/imports/");
		this.mvc.perform(post("/api/acled/pull").param("wait", "5"))
			.andExpect(status().isConflict())
			.andExpect(header().string("Location", location));
		ACLED.release();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.mvc.perform(get(location))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.contains("\"DONE\""));
		this.mvc.perform(get(location))
			.andExpect(jsonPath("$.accepted").value(120))
			.andExpect(jsonPath("$.file").value(org.hamcrest.Matchers.startsWith("ACLED events 2021-01-01 to")));

		this.mvc.perform(post("/api/acled/pull").param("wait", "10"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.file").value(org.hamcrest.Matchers.startsWith("ACLED changes since")))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.unchanged").value(120));
	}

	@Test
	void theScheduledPullIsAQuartzJobOnTheCronThatPulls() throws Exception {
		assertThat(this.scheduler.getTrigger(TriggerKey.triggerKey("acled-pull", "ingest")))
			.isInstanceOfSatisfying(CronTrigger.class, (cron) -> {
				assertThat(cron.getCronExpression()).isEqualTo("0 30 4 * * ?");
				assertThat(cron.getTimeZone().getID()).isEqualTo("UTC");
			});
		int before = ACLED.requests().size();

		new AcledSchedule.PullJob(this.puller).executeInternal(null);

		assertThat(ACLED.requests().size()).isGreaterThan(before);
		assertThat(this.puller.status().latest().status()).isEqualTo("DONE");
	}

	private static AcledStandIn standIn() {
		try {
			AcledStandIn standIn = new AcledStandIn();
			IntStream.range(0, 120)
				.forEach((i) -> standIn.add(AcledRow.of("API-" + i)
					.set("event_date", LocalDate.of(2021, 3, 1).plusDays(i % 60).toString())
					.set("timestamp", String.valueOf(1617000000L + i))
					.api()));
			return standIn;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
