package org.harbinger.digest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import org.flywaydb.core.Flyway;
import org.harbinger.HarbingerApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox across a process's end (issue 14): a start sends at once what a dead process
 * had claimed, and a stop while the relay hangs returns promptly. Each test starts and
 * ends a service of its own, on a database of its own, to see its start and its stop.
 */
class OutboxRestartTests {

	private static final int SMTP_PORT = 3226;

	@Test
	void claimsOfAProcessThatIsGoneAreSentInTheFirstCycleAfterAStartButALiveSendersAreLeftAlone() throws Exception {
		String db = "outbox-restart-crash";
		JdbcClient jdbc = migrated(db);
		Instant now = Instant.now();
		jdbc.sql("INSERT INTO outbox_sender (instance_id, host, started_at, seen_at) VALUES (?, ?, ?, ?), (?, ?, ?, ?)")
			.params(SenderInstances.host() + "/crashed", SenderInstances.host(), Timestamp.from(now.minusSeconds(600)),
					Timestamp.from(now), "elsewhere/alive", "elsewhere", Timestamp.from(now.minusSeconds(600)),
					Timestamp.from(now))
			.update();
		long unknownSender = claimed(jdbc, "gone", "gone-host/dead");
		long crashedHere = claimed(jdbc, "crashed", SenderInstances.host() + "/crashed");
		long beforeClaimsHadNames = claimed(jdbc, "unnamed", null);
		long liveElsewhere = claimed(jdbc, "alive", "elsewhere/alive");
		GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		// An hour between cycles: only the first one, at the start, can send them.
		try (ConfigurableApplicationContext service = start(db, Map.of("harbinger.mail.dispatch-interval", "1h"))) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(List.of(status(jdbc, unknownSender), status(jdbc, crashedHere),
						status(jdbc, beforeClaimsHadNames)))
					.containsOnly("SENT"));
			assertThat(status(jdbc, liveElsewhere)).as("a live sender's claim is its own").isEqualTo("SENDING");
			assertThat(Arrays.stream(smtp.getReceivedMessages()).map((mail) -> {
				try {
					return mail.getSubject();
				}
				catch (MessagingException ex) {
					throw new IllegalStateException(ex);
				}
			})).containsExactlyInAnyOrder("gone", "crashed", "unnamed");
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void aStopWhileTheRelayHangsReturnsPromptlyAndLeavesNoSenderOrWorkerRunning() throws Exception {
		String db = "outbox-restart-stop";
		JdbcClient jdbc = migrated(db);
		Set<Thread> before = threads();
		long id;
		Duration stopping;
		try (ServerSocket hung = new ServerSocket()) {
			hung.setReuseAddress(true);
			hung.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), SMTP_PORT));
			// Quartz runs, its notices job every 200 ms, as in the service.
			ConfigurableApplicationContext service = start(db,
					Map.of("harbinger.mail.dispatch-interval", "200ms", "harbinger.mail.read-timeout", "2s",
							"harbinger.mail.connect-timeout", "1s", "spring.quartz.auto-startup", "true",
							"harbinger.mail.notice-interval", "200ms"));
			id = service.getBean(Outbox.class)
				.enqueue("hung-stop", List.of("stop@delivery.test"), new Digest("hung-stop", "text", "<p>html</p>"));
			service.getBean(OutboxSender.class).wake();
			await().atMost(Duration.ofSeconds(30)).until(() -> status(jdbc, id).equals("SENDING"));

			long start = System.nanoTime();
			service.close();
			stopping = Duration.ofNanos(System.nanoTime() - start);
		}
		assertThat(stopping).isLessThan(Duration.ofSeconds(5));
		Set<Thread> left = threads();
		left.removeAll(before);
		assertThat(left).as("threads the service left running").isEmpty();
		assertThat(status(jdbc, id)).as("the attempt ended with its timeout").isEqualTo("PENDING");
		assertThat(jdbc.sql("SELECT last_error FROM outbox WHERE id = ?").param(id).query(String.class).single())
			.containsIgnoringCase("timed out");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_sender").query(Long.class).single())
			.as("a clean stop leaves the senders")
			.isZero();
	}

	private static ConfigurableApplicationContext start(String db, Map<String, String> overrides) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", url(db));
		properties.put("spring.quartz.scheduler-name", db);
		properties.put("spring.quartz.auto-startup", "false");
		properties.put("harbinger.demo.enabled", "false");
		properties.put("harbinger.inbox.enabled", "false");
		properties.put("harbinger.reload.enabled", "false");
		properties.put("harbinger.clock.fixed-date", "2022-04-01");
		properties.put("harbinger.config-dir", "src/test/resources/e2e");
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", String.valueOf(SMTP_PORT));
		properties.putAll(overrides);
		// As arguments: default properties would yield to the working folder's
		// config/application.yml.
		return new SpringApplicationBuilder(HarbingerApplication.class).web(WebApplicationType.NONE)
			.run(properties.entrySet()
				.stream()
				.map((e) -> "--" + e.getKey() + "=" + e.getValue())
				.toArray(String[]::new));
	}

	/** The database as the service left it, or would find it: kept while the JVM runs. */
	private static JdbcClient migrated(String db) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url(db), "sa", "");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		return JdbcClient.create(dataSource);
	}

	private static String url(String db) {
		return "jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1";
	}

	/**
	 * A message claimed SENDING a minute ago, far inside the old 10-minute claim expiry.
	 */
	private static long claimed(JdbcClient jdbc, String subject, String sender) {
		Timestamp minuteAgo = Timestamp.from(Instant.now().minusSeconds(60));
		jdbc.sql("INSERT INTO outbox (subscription, message_id, recipients, subject, body_text, body_html, status, "
				+ "attempts, next_attempt_at, claimed_at, claimed_by, created_at) "
				+ "VALUES ('restart', ?, 'restart@delivery.test', ?, 'text', '<p>html</p>', 'SENDING', 0, ?, ?, ?, ?)")
			.params("<" + subject + "@restart.test>", subject, minuteAgo, minuteAgo, sender, minuteAgo)
			.update();
		return jdbc.sql("SELECT id FROM outbox WHERE subject = ?").param(subject).query(Long.class).single();
	}

	private static String status(JdbcClient jdbc, long id) {
		return jdbc.sql("SELECT status FROM outbox WHERE id = ?").param(id).query(String.class).single();
	}

	private static Set<Thread> threads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.filter((thread) -> !thread.isDaemon() || thread.getName().startsWith("outbox-sender"))
			.collect(Collectors.toSet());
	}

}
