package org.harbinger.ingest;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.awaitility.Awaitility;
import org.harbinger.EndToEndTest;
import org.harbinger.engine.EngineHost;
import org.harbinger.incident.IncidentKey;
import org.harbinger.incident.IncidentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pulls from an in-process stand-in of ACLED's API ({@link AcledStandIn}) into the shared
 * end-to-end context: paging, string values, an expired token mid-pull, a 429, a deletion
 * that retracts an alert, a second pull that stores nothing new, a stop mid-download,
 * failures told to rule-errors subscribers, and credentials that never reach a log.
 * Rockets into Turkmenistan in October 2020, so no other test's incidents share the
 * window (another test's alert there may exist: only what this test's pulls did to it is
 * looked at).
 */
@EndToEndTest
@ExtendWith(OutputCaptureExtension.class)
class AcledPullTests {

	private static final List<String> COUNTRIES = List.of("Afghanistan", "Turkmenistan");

	/** ACLED's timestamps are when a row last changed: before the clock the test sets. */
	private static final long CHANGED = LocalDate.of(2020, 10, 15).toEpochSecond(LocalTime.MIN, ZoneOffset.UTC);

	@Autowired
	private AcledPuller puller;

	@Autowired
	private AcledPulls pulls;

	@Autowired
	private ImportJobs jobs;

	@Autowired
	private ImportQueue imports;

	@Autowired
	private IncidentRepository incidents;

	@Autowired
	private EngineHost engine;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JsonMapper json;

	@Autowired
	private MockMvc mvc;

	private AcledStandIn acled;

	@BeforeEach
	void standIn() throws Exception {
		this.acled = new AcledStandIn();
		// Each test starts without a cursor, as a first connection does.
		this.jdbc.sql("DELETE FROM acled_pull").update();
	}

	@AfterEach
	void stop() {
		this.acled.close();
	}

	@Test
	void aPullStoresEachRowOnceAppliesTheDeletionAndASecondPullStoresNothingNew() throws Exception {
		this.engine.advanceTo(LocalDate.of(2020, 10, 20)).join();
		protests("PULL", 300).forEach(this.acled::add);
		this.acled.add(rockets("PULL-TKM-1").api());
		this.acled.add(rockets("PULL-IRN-1").set("country", "Iran").api());
		this.acled.expireTokenAfter(2);
		this.acled.tooManyRequestsOnPage(3, 1);

		ImportReport first = this.puller.pull(settings(), LocalDate.of(2020, 9, 1)).report().join();

		assertThat(first.status()).isEqualTo("DONE");
		assertThat(first.origin()).isEqualTo("ACLED");
		assertThat(first.format()).isEqualTo("ACLED_API");
		assertThat(first.created()).isEqualTo(301);
		assertThat(first.rejected()).isZero();
		assertThat(grants()).containsExactly("password", "refresh_token");
		assertThat(pages(AcledDownload.EVENTS)).as("page 3: 401, then 429, then the rows")
			.containsExactly(1, 2, 3, 3, 3, 4);
		assertThat(pages(AcledDownload.DELETED)).containsExactly(1);
		assertThat(this.acled.requests().get(1).query()).containsEntry("country", "Afghanistan|Turkmenistan")
			.containsEntry("event_date", "2020-09-01|" + LocalDate.now(ZoneOffset.UTC))
			.containsEntry("event_date_where", "BETWEEN")
			.containsEntry("limit", "100");
		assertThat(this.incidents.find(new IncidentKey("acled", "PULL-TKM-1"))).hasValueSatisfying((incident) -> {
			assertThat(incident.fatalities()).as("\"2\" as a number").isEqualTo(2);
			assertThat(incident.reportedBy()).isEqualTo("Pajhwok Afghan News");
			assertThat(incident.timestamp()).isEqualTo(CHANGED + 1000);
		});
		assertThat(this.incidents.find(new IncidentKey("acled", "PULL-IRN-1"))).as("not a country pulled").isEmpty();
		alert().andExpect(jsonPath("$[0].status").value("OPEN"));

		this.acled.delete("PULL-TKM-1", Instant.now().getEpochSecond());
		int asked = this.acled.requests().size();
		ImportReport second = this.puller.pull(settings(), null).report().join();

		assertThat(second.status()).isEqualTo("DONE");
		assertThat(List.of(second.created(), second.amended(), second.deleted(), second.rejected()))
			.as("created, amended, deleted, rejected")
			.containsExactly(0L, 0L, 1L, 0L);
		assertThat(second.unchanged()).isEqualTo(300);
		Map<String, String> changes = this.acled.requests().get(asked + 1).query();
		assertThat(changes).containsEntry("timestamp", String.valueOf(CHANGED + 1000 - Duration.ofDays(7).toSeconds()))
			.containsEntry("timestamp_where", ">=")
			.doesNotContainKey("event_date");
		assertThat(this.incidents.find(new IncidentKey("acled", "PULL-TKM-1"))).isEmpty();
		alert().andExpect(jsonPath("$[0].status").value("RESOLVED"));
		List<String> transitions = this.jdbc
			.sql("SELECT t.kind || ' ' || t.evidence FROM alert_transition t JOIN alert a ON a.id = t.alert_id "
					+ "WHERE a.indicator = 'cross-border-fire' AND a.scope = 'Turkmenistan' ORDER BY t.id DESC")
			.query(String.class)
			.list();
		assertThat(transitions).as("the latest transitions, newest first").hasSizeGreaterThanOrEqualTo(2);
		assertThat(transitions.get(0)).startsWith("RETRACTED").contains("PULL-TKM-1");
		assertThat(transitions.get(1)).startsWith("FIRED").contains("PULL-TKM-1");

		ImportReport third = this.puller.pull(settings(), null).report().join();

		assertThat(List.of(third.created(), third.amended(), third.deleted(), third.rejected()))
			.as("created, amended, deleted, rejected")
			.containsExactly(0L, 0L, 0L, 0L);
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM incident WHERE event_id LIKE 'PULL-%'").query(Long.class).single())
			.isEqualTo(300);
	}

	@Test
	void aRefusedRefreshTokenFallsBackToANewPasswordGrant() {
		protests("GRANT", 5).forEach(this.acled::add);
		this.acled.expireTokenAfter(1);
		this.acled.refuseRefreshTokens();

		ImportReport report = this.puller.pull(settings(2), LocalDate.of(2020, 9, 1)).report().join();

		assertThat(report.status()).isEqualTo("DONE");
		assertThat(report.accepted()).isEqualTo(5);
		assertThat(grants()).containsExactly("password", "refresh_token", "password");
	}

	@Test
	void refusedRowsAreQuarantinedAsAcledSentThemAndTheRestLand() throws Exception {
		this.acled.add(AcledRow.of("BAD-1").set("fatalities", "many").set("timestamp", String.valueOf(CHANGED)).api());
		this.acled
			.add(AcledRow.of("BAD-2").set("event_type", "Fights").set("timestamp", String.valueOf(CHANGED)).api());
		this.acled.add(AcledRow.of("BAD-3").set("timestamp", String.valueOf(CHANGED)).api());

		ImportReport report = this.puller.pull(settings(), LocalDate.of(2021, 1, 1)).report().join();

		assertThat(report.status()).isEqualTo("DONE");
		assertThat(report.created()).isEqualTo(1);
		assertThat(report.rejected()).isEqualTo(2);
		assertThat(report.errors()).extracting(ImportReport.LineError::reason)
			.anySatisfy(
					(reason) -> assertThat(reason).startsWith("element").contains("fatalities: 'many' is not a number"))
			.anySatisfy((reason) -> assertThat(reason).contains("event_type"));
		this.mvc.perform(get("/api/imports/" + report.id() + "/rejected.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].event_id_cnty", contains("BAD-1", "BAD-2")))
			.andExpect(jsonPath("$[0].source").value("Pajhwok Afghan News"));
	}

	@Test
	void aPullThatStoppedMidDownloadGoesOnFromItsNextPageAndStoresNoRowTwice(@TempDir Path dir) throws Exception {
		protests("RESUME", 250).forEach(this.acled::add);
		AcledProperties settings = settings();
		Path spool = dir.resolve("acled-stopped.jsonl");
		long importId = this.jobs.create("ACLED stopped", spool.toString(), ImportJob.Origin.ACLED, -1);
		LocalDate since = LocalDate.of(2020, 9, 1);
		this.pulls.create(importId, AcledPulls.Kind.FIRST, COUNTRIES, since, LocalDate.now(ZoneOffset.UTC), null,
				since.toEpochSecond(LocalTime.MIN, ZoneOffset.UTC));
		AcledPulls.Pull pull = this.pulls.byImport(importId).orElseThrow();
		AcledDownload download = new AcledDownload(new AcledClient(settings, HttpClient.newHttpClient(), this.json),
				this.json, settings.pageSize());

		assertThatIllegalStateException()
			.isThrownBy(() -> download.run(pull, spool, (phase, nextPage, bytes, rows, maxTimestamp, maxDeleted) -> {
				this.pulls.downloaded(pull.id(), phase, nextPage, bytes, rows, maxTimestamp, maxDeleted);
				if (nextPage == 3) {
					throw new IllegalStateException("the service stops after page 2");
				}
			}));
		// A third page half written when the process died.
		Files.writeString(spool, "{\"event_id_cnty\":\"RESUME-", StandardOpenOption.APPEND);
		this.puller.resume(settings);

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jobs.find(importId).orElseThrow().finished());
		ImportJob job = this.jobs.find(importId).orElseThrow();
		assertThat(job.status()).isEqualTo(ImportJob.Status.DONE);
		assertThat(job.created()).isEqualTo(250);
		assertThat(job.rejected()).isZero();
		assertThat(pages(AcledDownload.EVENTS)).containsExactly(1, 2, 3);
		assertThat(this.pulls.byImport(importId).orElseThrow().status()).isEqualTo(AcledPulls.Status.DONE);
		assertThat(spool).doesNotExist();
	}

	@Test
	void aPullThatKeepsFailingEndsFailedOnTheImportsPageAndIsToldToRuleErrorsSubscribers() throws Exception {
		protests("FAIL", 3).forEach(this.acled::add);
		this.acled.failWith(503);
		long before = this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM outbox").query(Long.class).single();
		try {
			ImportReport failed = this.puller.pull(settings(), LocalDate.of(2020, 9, 1)).report().join();

			assertThat(failed.status()).isEqualTo("FAILED");
			assertThat(failed.message()).contains("/api/acled/read failed 3 times, the last with HTTP 503")
				.contains("harbinger.acled.max-attempts")
				.contains("Nothing of this pull is stored");
			assertThat(pages(AcledDownload.EVENTS)).containsExactly(1, 1, 1);
			assertThat(this.jdbc.sql("SELECT subject || ' to ' || subscription FROM outbox WHERE id > ?")
				.param(before)
				.query(String.class)
				.list()).containsExactly("[Harbinger] ACLED pull failed (import " + failed.id() + ") to rule-authors");
			this.mvc.perform(get("/imports"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("The last pull FAILED")))
				.andExpect(content().string(containsString("HTTP 503")));

			this.acled.failWith(0);
			ImportReport again = this.puller.pull(settings(), LocalDate.of(2020, 9, 1)).report().join();
			assertThat(again.created()).isEqualTo(3);
		}
		finally {
			// Shared context: leave nothing for another test's dispatcher to send.
			this.jdbc.sql("DELETE FROM outbox WHERE id > ?").param(before).update();
		}
	}

	@Test
	void credentialsAndTokensNeverReachTheLogsTheReportsOrTheSettingsText(CapturedOutput output) {
		// Every line the connector writes, whatever level another test in this JVM left
		// the logging at.
		Logger connector = (Logger) LoggerFactory.getLogger("org.harbinger.ingest");
		Level level = connector.getLevel();
		connector.setLevel(Level.DEBUG);
		try {
			pullWithARefreshAndARefusedPassword(output);
		}
		finally {
			connector.setLevel(level);
		}
	}

	private void pullWithARefreshAndARefusedPassword(CapturedOutput output) {
		protests("SECRET", 3).forEach(this.acled::add);
		this.acled.expireTokenAfter(1);
		this.puller.pull(settings(2), LocalDate.of(2020, 9, 1)).report().join();
		AcledProperties wrong = new AcledProperties(this.acled.url(), AcledStandIn.USERNAME, "not-the-Secret-99",
				COUNTRIES, null, "0 0 5 * * ?", 2, Duration.ofDays(7), 3, Duration.ofMillis(5), Duration.ofMillis(20),
				Duration.ofSeconds(10));
		ImportReport refused = this.puller.pull(wrong, LocalDate.of(2020, 9, 1)).report().join();

		assertThat(refused.status()).isEqualTo("FAILED");
		assertThat(refused.message()).contains("/oauth/token refused the password grant", "HTTP 400", "invalid_grant");
		assertThat(this.acled.issuedTokens()).hasSizeGreaterThanOrEqualTo(4);
		List<String> secrets = new java.util.ArrayList<>(this.acled.issuedTokens());
		secrets.add(AcledStandIn.PASSWORD);
		secrets.add("not-the-Secret-99");
		List<String> saved = this.jdbc
			.sql("SELECT COALESCE(file_name, '') || ' ' || COALESCE(message, '') FROM import_job")
			.query(String.class)
			.list();
		for (String secret : secrets) {
			assertThat(output.getAll()).as("the log").doesNotContain(secret);
			assertThat(saved).as("import jobs").noneMatch((text) -> text.contains(secret));
			assertThat(settings().toString() + wrong).doesNotContain(secret);
		}
		assertThat(output.getAll()).contains("ACLED answered 401 to /api/acled/read: renewing the access token");
	}

	@Test
	void thePullEndpointIsForAdministratorsAndSaysWhichSettingsAreMissing() throws Exception {
		this.mvc.perform(post("/api/acled/pull"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail", containsString("harbinger.acled.username and harbinger.acled.password")));
		this.mvc.perform(post("/api/acled/pull").param("since", "2999-01-01")).andExpect(status().isBadRequest());
	}

	private AcledProperties settings() {
		return settings(100);
	}

	/** The stand-in, short back-offs, and pages of {@code pageSize} rows. */
	private AcledProperties settings(int pageSize) {
		return new AcledProperties(this.acled.url(), AcledStandIn.USERNAME, AcledStandIn.PASSWORD, COUNTRIES, null,
				"0 0 5 * * ?", pageSize, Duration.ofDays(7), 3, Duration.ofMillis(5), Duration.ofMillis(20),
				Duration.ofSeconds(10));
	}

	private org.springframework.test.web.servlet.ResultActions alert() throws Exception {
		return this.mvc
			.perform(get("/api/alerts").param("indicator", "cross-border-fire").param("scope", "Turkmenistan"));
	}

	private List<String> grants() {
		return this.acled.requests()
			.stream()
			.filter((r) -> r.grantType() != null)
			.map(AcledStandIn.Request::grantType)
			.toList();
	}

	private List<Integer> pages(String path) {
		return this.acled.requests()
			.stream()
			.filter((r) -> r.path().equals(path))
			.map((r) -> Integer.valueOf(r.query().get("page")))
			.toList();
	}

	/**
	 * Quiet protests in Kabul, one a day from 1 September 2020, as ACLED's API answers
	 * them.
	 */
	private static List<Map<String, String>> protests(String prefix, int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> AcledRow.of(prefix + "-" + i)
				.set("event_date", LocalDate.of(2020, 9, 1).plusDays(i % 45).toString())
				.set("year", "2020")
				.set("timestamp", String.valueOf(CHANGED + i))
				.api())
			.toList();
	}

	private static AcledRow rockets(String id) {
		return AcledRow.of(id)
			.set("event_date", "2020-10-10")
			.set("year", "2020")
			.set("disorder_type", "Political violence")
			.set("event_type", "Explosions/Remote violence")
			.set("sub_event_type", "Shelling/artillery/missile attack")
			.set("actor1", "Islamic State (Afghanistan)")
			.set("inter1", "Rebel group")
			.set("country", "Turkmenistan")
			.set("admin1", "Mary")
			.set("location", "Serhetabat")
			.set("fatalities", "2")
			.set("notes", "Rockets fired from Herat into Serhetabat.")
			.set("timestamp", String.valueOf(CHANGED + 1000));
	}

}
