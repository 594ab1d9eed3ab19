package org.harbinger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.engine.EngineHost;
import org.harbinger.engine.Severity;
import org.harbinger.incident.IncidentKey;
import org.harbinger.incident.IncidentService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.Scheduler;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes, each a whole service with its own engine bean, on one embedded PostgreSQL
 * (docs/architecture.md, "One engine for the cluster"): incidents posted to either node
 * are judged together by the one elected engine, a deletion on one retracts on the other,
 * every transition is recorded once, a digest goes out once from whichever node's
 * scheduler fires it, and when the engine's node stops the other takes over.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTests {

	private static final LocalDate FIRED = LocalDate.of(2022, 4, 18);

	private static final Duration LEASE = Duration.ofSeconds(3);

	/**
	 * A port of this class's own: another context's dispatcher must never reach this
	 * relay.
	 */
	private static final int SMTP_PORT = 3041;

	private static EmbeddedPostgres postgres;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static GreenMail smtp;

	@BeforeAll
	static void startTwoNodes() throws Exception {
		postgres = EmbeddedPostgres.start();
		smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		first = node("first");
		await().atMost(Duration.ofSeconds(30)).until(() -> host(first).leads());
		second = node("second");
	}

	@AfterAll
	static void stop() throws Exception {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { first, second }) {
			if (node != null && node.isActive()) {
				node.close();
			}
		}
		postgres.close();
		smtp.stop();
	}

	@Test
	@Order(1)
	void exactlyOneNodeRunsTheEngine() {
		assertThat(host(first).leads()).isTrue();
		assertThat(host(second).leads()).isFalse();
	}

	@Test
	@Order(2)
	void rocketsPostedToEachNodeAreJudgedTogether() {
		service(first).record(List.of(TestIncidents.rocketsFromAfghanistan("UZB2001", FIRED, "Uzbekistan")));
		service(second).record(List.of(TestIncidents.rocketsFromAfghanistan("TJK1001", FIRED, "Tajikistan")));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (ConfigurableApplicationContext node : List.of(first, second)) {
				assertThat(open(node, "Uzbekistan")).isEqualTo(Severity.CRITICAL);
				assertThat(open(node, "Tajikistan")).isEqualTo(Severity.CRITICAL);
			}
		});
		assertEveryTransitionRecordedOnce();
	}

	@Test
	@Order(3)
	void aDeletionOnOneNodeRetractsOnTheOther() {
		service(second).delete(new IncidentKey("test", "TJK1001"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(open(first, "Tajikistan")).isNull();
			assertThat(open(first, "Uzbekistan")).isEqualTo(Severity.WARNING);
		});
		assertThat(kinds("Tajikistan")).endsWith("RETRACTED");
		assertEveryTransitionRecordedOnce();
	}

	@Test
	@Order(4)
	void aDigestIsSentByWhicheverNodeFiresItOnce() throws Exception {
		// Both schedulers in one Quartz cluster (the JDBC store): each firing runs on one
		// node.
		first.getBean(Scheduler.class).start();
		second.getBean(Scheduler.class).start();

		await().atMost(Duration.ofSeconds(60))
			.until(() -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(ClusterTests::citesTheRocketStrike));
		Thread.sleep(5_000);

		List<String> ids = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			ids.add(mail.getMessageID());
		}
		assertThat(ids).as("Message-IDs at the relay").isNotEmpty().doesNotHaveDuplicates();
		assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(ClusterTests::citesTheRocketStrike))
			.as("digests citing the strike")
			.hasSize(1);
	}

	@Test
	@Order(5)
	void whenTheEnginesNodeStopsTheOtherTakesOverAndGoesOn() {
		long stopped = System.nanoTime();
		first.close();

		await().atMost(Duration.ofSeconds(30)).until(() -> host(second).leads());
		System.out.printf("The second node ran the engine %d ms after the first stopped%n",
				(System.nanoTime() - stopped) / 1_000_000);
		service(second).record(List.of(TestIncidents.rocketsFromAfghanistan("TJK1002", FIRED, "Tajikistan")));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(open(second, "Tajikistan")).isEqualTo(Severity.CRITICAL);
			assertThat(open(second, "Uzbekistan")).isEqualTo(Severity.CRITICAL);
		});
		assertEveryTransitionRecordedOnce();
	}

	private static boolean citesTheRocketStrike(MimeMessage mail) {
		try {
			return GreenMailUtil.getBody(mail).contains("UZB2001");
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Severity open(ConfigurableApplicationContext node, String country) {
		return node.getBean(AlertRepository.class)
			.find(new AlertRepository.Filter(Alert.Status.OPEN, "cross-border-fire", country, null))
			.stream()
			.map(Alert::severity)
			.findFirst()
			.orElse(null);
	}

	private static List<String> kinds(String country) {
		return jdbc().queryForList(
				"SELECT t.kind FROM alert_transition t JOIN alert a ON a.id = t.alert_id"
						+ " WHERE a.indicator = 'cross-border-fire' AND a.scope = ? ORDER BY t.id",
				String.class, country);
	}

	/**
	 * No alert holds the same transition twice in a row (FIRED after FIRED, ESCALATED to
	 * the same severity twice): a repeat would be a second engine's work, or a change
	 * applied twice.
	 */
	private static void assertEveryTransitionRecordedOnce() {
		List<Map<String, Object>> transitions = jdbc()
			.queryForList("SELECT alert_id, kind, severity FROM alert_transition ORDER BY alert_id, id");
		assertThat(transitions).as("transitions to check").isNotEmpty();
		for (int i = 1; i < transitions.size(); i++) {
			assertThat(transitions.get(i)).as("transition after %s", transitions.get(i - 1))
				.isNotEqualTo(transitions.get(i - 1));
		}
	}

	private static JdbcTemplate jdbc() {
		return (second.isActive() ? second : first).getBean(JdbcTemplate.class);
	}

	private static EngineHost host(ConfigurableApplicationContext node) {
		return node.getBean(EngineHost.class);
	}

	private static IncidentService service(ConfigurableApplicationContext node) {
		return node.getBean(IncidentService.class);
	}

	private static ConfigurableApplicationContext node(String name) throws Exception {
		Path dir = Files.createTempDirectory("harbinger-cluster-" + name);
		Path config = TestServices.config(dir);
		Files.writeString(config.resolve("subscriptions.yml"), """
				subscriptions:
				  - name: cluster-desk
				    recipients: [desk@analysis.example]
				    cron: "0/2 * * * * ?"
				    time-zone: UTC
				    min-severity: INFO
				""");
		return new SpringApplicationBuilder(HarbingerApplication.class).profiles("postgres")
			.run("--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.quartz.auto-startup=false",
					"--harbinger.demo.enabled=false", "--harbinger.clock.fixed-date=2022-05-07",
					"--harbinger.inbox.enabled=false", "--harbinger.reload.enabled=false",
					"--harbinger.subscriptions.poll=0", "--harbinger.cluster.enabled=true",
					"--harbinger.cluster.node-id=" + name, "--harbinger.cluster.lease=" + LEASE.toMillis() + "ms",
					"--harbinger.cluster.poll=200ms", "--harbinger.config-dir=" + config,
					"--harbinger.security.users-file=" + config.resolve("users.yml"),
					"--harbinger.mail.eml-dir=" + dir.resolve("mail"), "--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + SMTP_PORT, "--spring.quartz.scheduler-name=harbinger-cluster");
	}

}
