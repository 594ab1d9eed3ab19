package org.harbinger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.harbinger.system.ClusterProperties;
import org.harbinger.system.ConfigChangeRefused;
import org.harbinger.system.SharedConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes, each with its own config folder, on one PostgreSQL database
 * (docs/architecture.md, "Shared configuration"): what is changed on one, through the API
 * or by editing its file, is in force on the other within seconds, and a node that
 * restarts deletes no digest job. Each test changes items of its own, so the order of the
 * tests does not matter.
 */
class SharedConfigClusterTests {

	private static final String PASSWORD = "cluster-admin-password-1";

	private static final Duration SECONDS = Duration.ofSeconds(20);

	@TempDir
	static Path dir;

	private static EmbeddedPostgres postgres;

	/**
	 * One pool for both nodes: Quartz keeps its data sources in one registry per JVM, by
	 * scheduler name, and the two nodes share that name (their cluster's); on separate
	 * machines each node has its own pool.
	 */
	private static HikariDataSource pool;

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startTwoNodes() throws Exception {
		postgres = EmbeddedPostgres.start();
		pool = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.build();
		nodeA = start("a");
		nodeB = start("b");
	}

	@AfterAll
	static void stop() throws IOException {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
		pool.close();
		postgres.close();
	}

	@Test
	void theNodesShareOneClusteredQuartzSchedulerUnderDifferentInstanceIds() throws Exception {
		Scheduler a = nodeA.getBean(Scheduler.class);
		Scheduler b = nodeB.getBean(Scheduler.class);

		assertThat(a.getMetaData().isJobStoreClustered()).isTrue();
		assertThat(b.getMetaData().isJobStoreClustered()).isTrue();
		assertThat(a.getSchedulerName()).isEqualTo(b.getSchedulerName());
		assertThat(a.getSchedulerInstanceId()).isNotEqualTo(b.getSchedulerInstanceId());
	}

	@Test
	void aSubscriptionAddedOnOneNodeIsInForceOnTheOtherWithOneDigestJob() throws Exception {
		HttpResponse<String> added = send(nodeA, "POST", "/api/subscriptions", """
				{"name":"cluster-kunar-desk", "recipients":["kunar@analysis.example"], "cron":"0 0 8 * * ?",
				 "time_zone":"Asia/Kabul", "reason":"Kunar desk opened on node A"}
				""");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

		await().atMost(SECONDS)
			.untilAsserted(
					() -> assertThat(get(nodeB, "/api/subscriptions").body()).contains("\"cluster-kunar-desk\""));
		assertThat(Files.readString(config("b").resolve("subscriptions.yml"))).contains("name: cluster-kunar-desk");
		assertThat(jobRows("cluster-kunar-desk")).isEqualTo(1);
		assertThat(nodeB.getBean(Scheduler.class).checkExists(JobKey.jobKey("cluster-kunar-desk", "digest"))).isTrue();
	}

	@Test
	void aThresholdChangedOnOneNodeIsInForceOnTheOther() throws Exception {
		HttpResponse<String> changed = send(nodeB, "PUT", "/api/thresholds", """
				{"reason":"Two defections are a pattern (node B)", "values":{"defection-to-iskp.min-count":2}}
				""");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

		await().atMost(SECONDS)
			.untilAsserted(() -> assertThat(get(nodeA, "/api/thresholds").body())
				.containsPattern(value("defection-to-iskp.min-count", 2)));
		assertThat(Files.readString(config("a").resolve("thresholds.yml"))).contains("min-count: 2");
	}

	@Test
	void aHandEditOfOneNodesThresholdsFileReachesTheOther() throws Exception {
		Path file = config("a").resolve("thresholds.yml");
		Files.writeString(file, Files.readString(file).replace("severe: 5 ", "severe: 6 "));

		await().atMost(SECONDS)
			.untilAsserted(() -> assertThat(get(nodeB, "/api/thresholds").body())
				.containsPattern(value("threat-level.severe", 6)));
		assertThat(Files.readString(config("b").resolve("thresholds.yml"))).contains("severe: 6 ");
		assertThat(nodeB.getBean(SharedConfig.class).latest("thresholds")).get()
			.satisfies((version) -> assertThat(version.updatedBy()).isEqualTo("(file)"));
	}

	@Test
	void aUserAndATokenCreatedOnOneNodeAuthenticateOnTheOther() throws Exception {
		assertThat(send(nodeA, "PUT", "/api/users/cluster-carol", """
				{"password":"carol-password-12", "roles":["ANALYST"]}
				""").statusCode()).isEqualTo(201);
		HttpResponse<String> token = send(nodeA, "POST", "/api/tokens", """
				{"name":"cluster-feed", "roles":["ANALYST"]}
				""");
		assertThat(token.statusCode()).isEqualTo(201);
		String secret = token.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

		await().atMost(SECONDS).untilAsserted(() -> {
			assertThat(
					call(nodeB, "GET", "/api/alerts", null, basic("cluster-carol", "carol-password-12")).statusCode())
				.isEqualTo(200);
			assertThat(call(nodeB, "GET", "/api/alerts", null, "Bearer " + secret).statusCode()).isEqualTo(200);
		});
		assertThat(call(nodeB, "GET", "/api/alerts", null, "Bearer " + secret + "x").statusCode()).isEqualTo(401);
	}

	@Test
	void aNodeThatRestartsDeletesNoJobAndStartsWithTheVersionInForce() throws Exception {
		// A job of a subscription in no version B could have seen (another node's,
		// committed as B starts).
		JobKey unseen = JobKey.jobKey("cluster-unseen-desk", "digest");
		nodeA.getBean(Scheduler.class)
			.addJob(JobBuilder.newJob(DigestJobStandIn.class).withIdentity(unseen).storeDurably().build(), true);
		Set<String> jobsBefore = digestJobs(nodeA);
		nodeB.close();
		// Added while B is down: B's own file does not have it when B starts again.
		assertThat(send(nodeA, "POST", "/api/subscriptions", """
				{"name":"cluster-night-desk", "recipients":["night@analysis.example"], "cron":"0 0 22 * * ?",
				 "reason":"night desk, added while node B was down"}
				""").statusCode()).isEqualTo(201);
		assertThat(Files.readString(config("b").resolve("subscriptions.yml"))).doesNotContain("cluster-night-desk");

		nodeB = start("b");

		Set<String> expected = new TreeSet<>(jobsBefore);
		expected.add("cluster-night-desk");
		assertThat(digestJobs(nodeB)).isEqualTo(expected).contains(unseen.getName());
		nodeA.getBean(Scheduler.class).deleteJob(unseen);
		assertThat(get(nodeB, "/api/subscriptions").body()).contains("\"cluster-night-desk\"");
		assertThat(Files.readString(config("b").resolve("subscriptions.yml"))).contains("name: cluster-night-desk");
	}

	@Test
	void aFileEditedWhileItsNodeWasDownBecomesTheNextVersionWhenTheNodeStarts() throws Exception {
		nodeB.close();
		Path file = config("b").resolve("thresholds.yml");
		Files.writeString(file, Files.readString(file).replace("max-claimed: 2 ", "max-claimed: 1 "));

		nodeB = start("b");

		await().atMost(SECONDS)
			.untilAsserted(() -> assertThat(get(nodeA, "/api/thresholds").body())
				.containsPattern(value("strategic-silence.max-claimed", 1)));
		assertThat(Files.readString(config("a").resolve("thresholds.yml"))).contains("max-claimed: 1 ");
	}

	@Test
	void aVersionANodeCannotAcceptNeverGoesInForceThereAndWhatRunsStays() throws Exception {
		SharedConfig nodeC = third();
		SharedConfig.Version valid = nodeC.latest("thresholds").orElseThrow();
		nodeC.adopted(valid);
		String before = values(nodeA);

		nodeC.publish("thresholds", valid.content().replace("min-external: 3 ", "min-external: three "), "node C");
		long broken = valid.number() + 1;

		for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
			await().atMost(SECONDS)
				.until(() -> node.getBean(SharedConfig.class)
					.inForce("thresholds")
					.map(SharedConfig.Version::number)
					.orElse(0L) >= broken);
			assertThat(values(node)).isEqualTo(before);
		}
		assertThat(Files.readString(config("a").resolve("thresholds.yml"))).doesNotContain("three");
		// Polls later, no node has offered its own values back over the refused version.
		Thread.sleep(1000);
		assertThat(nodeC.latestNumber("thresholds")).isEqualTo(broken);

		nodeC.adopted(nodeC.latest("thresholds").orElseThrow());
		nodeC.publish("thresholds", valid.content(), "node C, putting it right");
	}

	@Test
	void aChangeBasedOnAnOlderVersionIsAConflictAndWritesNothing() {
		SharedConfig shared = nodeA.getBean(SharedConfig.class);
		long before = shared.latestNumber("subscriptions");
		assertThat(before).isPositive();
		// A third node that has not yet put any version in force.
		SharedConfig behind = third();

		assertThatExceptionOfType(ConfigChangeRefused.class)
			.isThrownBy(() -> behind.publish("subscriptions", "subscriptions: []\n", "node C"))
			.satisfies((refused) -> assertThat(refused.conflict()).isTrue());
		assertThat(shared.latestNumber("subscriptions")).isEqualTo(before);
	}

	private static ConfigurableApplicationContext start(String node) throws IOException {
		Path config = config(node);
		if (!Files.isDirectory(config)) {
			Files.createDirectories(config);
			for (String file : List.of("thresholds.yml", "actors.yml", "subscriptions.yml")) {
				Files.copy(Path.of("config", file), config.resolve(file));
			}
		}
		return new SpringApplicationBuilder(HarbingerApplication.class).profiles("postgres")
			.initializers((context) -> context.getBeanFactory().registerSingleton("dataSource", pool))
			.run("--server.port=0", "--spring.quartz.auto-startup=false", "--spring.quartz.scheduler-name=cluster",
					"--harbinger.cluster.enabled=true", "--harbinger.cluster.node-id=" + node,
					"--harbinger.cluster.config-poll=300ms", "--harbinger.demo.enabled=false",
					"--harbinger.inbox.enabled=false", "--harbinger.subscriptions.poll=300ms",
					"--harbinger.reload.poll-interval=200ms", "--harbinger.reload.quiet-period=300ms",
					"--harbinger.config-dir=" + config, "--harbinger.mail.eml-dir=" + dir.resolve(node + "-mail"),
					"--HARBINGER_ADMIN_PASSWORD=" + PASSWORD);
	}

	/** A third node's view of the database, with no version in force and no poll. */
	private static SharedConfig third() {
		return new SharedConfig(JdbcClient.create(pool), new ClusterProperties(true, "node-c", Duration.ofMillis(500),
				Duration.ofSeconds(10), true, Duration.ofSeconds(2)));
	}

	/** Never runs: the schedulers of this test do not start. */
	public static class DigestJobStandIn implements Job {

		@Override
		public void execute(JobExecutionContext context) {
		}

	}

	private static Path config(String node) {
		return dir.resolve(node + "-config");
	}

	private static long jobRows(String name) {
		return nodeA.getBean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM qrtz_job_details WHERE job_group = 'digest' AND job_name = ?")
			.param(name)
			.query(Long.class)
			.single();
	}

	private static Set<String> digestJobs(ConfigurableApplicationContext node) throws Exception {
		Set<String> names = new TreeSet<>();
		for (JobKey job : node.getBean(Scheduler.class).getJobKeys(GroupMatcher.jobGroupEquals("digest"))) {
			names.add(job.getName());
		}
		return names;
	}

	private HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
		return call(node, "GET", path, null, basic("admin", PASSWORD));
	}

	private HttpResponse<String> send(ConfigurableApplicationContext node, String method, String path, String json)
			throws Exception {
		return call(node, method, path, json, basic("admin", PASSWORD));
	}

	private HttpResponse<String> call(ConfigurableApplicationContext node, String method, String path, String json,
			String authorization) throws Exception {
		String port = node.getEnvironment().getProperty("local.server.port");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** The threshold values in force on a node, as GET /api/thresholds lists them. */
	private String values(ConfigurableApplicationContext node) throws Exception {
		String body = get(node, "/api/thresholds").body();
		return body.substring(body.indexOf("\"indicators\""));
	}

	/** A threshold's value as GET /api/thresholds shows it. */
	private static String value(String key, int value) {
		return "\"key\":\"" + key + "\"[^}]*\"value\":" + value + "}";
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
