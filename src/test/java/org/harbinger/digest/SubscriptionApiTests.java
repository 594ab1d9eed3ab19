package org.harbinger.digest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.harbinger.ConfigEditingTest;
import org.awaitility.Awaitility;
import org.harbinger.system.ConfigAudit;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Subscriptions added, changed and deleted through the API: the file, Quartz's jobs and
 * the audit follow.
 */
@ConfigEditingTest
class SubscriptionApiTests {

	private static final Path FILE = Path.of(ConfigEditingTest.CONFIG_DIR, "subscriptions.yml");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scheduler scheduler;

	@Autowired
	private Subscriptions subscriptions;

	@Autowired
	private ConfigAudit audit;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SubscriptionChanges changes;

	@Test
	void addingChangingAndDeletingASubscriptionReschedulesItsJobAndIsAudited() throws Exception {
		this.mvc.perform(post("/api/subscriptions").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"api-kunar-desk", "recipients":["kunar@analysis.example"], "cron":"0 0 8 * * ?",
				 "time_zone":"Asia/Kabul", "min_severity":"WARNING", "scopes":["Afghanistan/Kunar"],
				 "reason":"Kunar desk opened (ticket 7)"}
				"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.changes[?(@.item == 'api-kunar-desk.cron')].after").value("\"0 0 8 * * ?\""));

		assertThat(cron("api-kunar-desk")).isEqualTo("0 0 8 * * ? Asia/Kabul");
		assertThat(this.subscriptions.find("api-kunar-desk")).isPresent();
		assertThat(this.jdbc.sql("SELECT last_transition FROM digest_cursor WHERE subscription = 'api-kunar-desk'")
			.query(Long.class)
			.single()).as("a new subscription starts at the end of the log")
			.isEqualTo(this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM alert_transition").query(Long.class).single());
		assertThat(Files.readString(FILE)).startsWith("# Who gets which digests.")
			.contains("  # Demo: every minute, so a first run shows a digest")
			.endsWith("""

					  - name: api-kunar-desk
					    recipients: [kunar@analysis.example]
					    cron: "0 0 8 * * ?"
					    time-zone: Asia/Kabul
					    min-severity: WARNING
					    scopes: [Afghanistan/Kunar]
					""");
		this.mvc.perform(get("/api/subscriptions"))
			.andExpect(jsonPath("$[?(@.name == 'api-kunar-desk')].time_zone").value("Asia/Kabul"))
			.andExpect(jsonPath("$[?(@.name == 'api-kunar-desk')].next_digest").isNotEmpty());

		this.mvc.perform(put("/api/subscriptions/api-kunar-desk").contentType(MediaType.APPLICATION_JSON).content("""
				{"recipients":["kunar@analysis.example"], "cron":"0 30 6 ? * MON-FRI", "time-zone":"Asia/Kabul",
				 "scopes":["Afghanistan/Kunar", "Afghanistan/Nuristan"], "reason":"weekdays, and Nuristan too"}
				""")).andExpect(status().isOk());

		assertThat(cron("api-kunar-desk")).isEqualTo("0 30 6 ? * MON-FRI Asia/Kabul");
		assertThat(this.subscriptions.find("api-kunar-desk").orElseThrow().scopes())
			.containsExactly("Afghanistan/Kunar", "Afghanistan/Nuristan");
		assertThat(Files.readString(FILE)).doesNotContain("min-severity: WARNING\n    scopes: [Afghanistan/Kunar]");

		this.mvc.perform(delete("/api/subscriptions/api-kunar-desk").param("reason", "desk merged into afpak"))
			.andExpect(status().isOk());

		assertThat(this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals("digest")))
			.doesNotContain(JobKey.jobKey("api-kunar-desk", "digest"))
			.contains(JobKey.jobKey("afpak-desk", "digest"));
		assertThat(this.subscriptions.find("api-kunar-desk")).isEmpty();
		assertThat(Files.readString(FILE)).doesNotContain("api-kunar-desk").startsWith("# Who gets which digests.");
		assertThat(this.audit.list(new ConfigAudit.Filter("subscriptions", null, "api-kunar-desk.", 10)))
			.extracting(ConfigAudit.Entry::reason)
			.containsExactly("desk merged into afpak", "weekdays, and Nuristan too", "Kunar desk opened (ticket 7)");
		this.mvc.perform(get("/api/subscriptions/audit").param("subscription", "api-kunar-desk"))
			.andExpect(jsonPath("$[1].changes[?(@.item == 'api-kunar-desk.cron')].before").value("\"0 0 8 * * ?\""))
			.andExpect(
					jsonPath("$[1].changes[?(@.item == 'api-kunar-desk.cron')].after").value("\"0 30 6 ? * MON-FRI\""))
			.andExpect(jsonPath("$[1].changes[?(@.item == 'api-kunar-desk.min-severity')].before").value("WARNING"))
			.andExpect(jsonPath("$[1].changes[?(@.item == 'api-kunar-desk.min-severity' && @.after == null)]")
				.isNotEmpty());
	}

	@Test
	void aWebhookSubscriptionsSecretIsNeverShownNotInTheListNorTheAuditAndSurvivesBeingSentBackHidden()
			throws Exception {
		String secret = "s3cret-for-the-soc-webhook";
		this.mvc.perform(post("/api/subscriptions").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"api-soc-hook", "channel":"webhook", "url":"https://soc.example.org/hooks/harbinger",
				 "secret":"%s", "cron":"0 0 8 * * ?", "min_severity":"CRITICAL", "reason":"SOC wants JSON"}
				""".formatted(secret)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.changes[?(@.item == 'api-soc-hook.secret')].after").value("(hidden)"));

		String listed = this.mvc.perform(get("/api/subscriptions"))
			.andExpect(jsonPath("$[?(@.name == 'api-soc-hook')].secret").value("(hidden)"))
			.andExpect(jsonPath("$[?(@.name == 'api-soc-hook')].url").value("https://soc.example.org/hooks/harbinger"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(listed).doesNotContain(secret);
		this.mvc.perform(put("/api/subscriptions/api-soc-hook").contentType(MediaType.APPLICATION_JSON).content("""
				{"channel":"webhook", "url":"https://soc.example.org/hooks/harbinger", "secret":"(hidden)",
				 "cron":"0 0 9 * * ?", "min_severity":"CRITICAL", "reason":"an hour later"}
				""")).andExpect(status().isOk());
		assertThat(this.subscriptions.find("api-soc-hook").orElseThrow().delivery().secret()).isEqualTo(secret);
		this.mvc
			.perform(put("/api/subscriptions/api-soc-hook").contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"channel":"webhook", "url":"https://soc.example.org/hooks/harbinger", "secret":"a-rotated-secret-value",
								 "cron":"0 0 9 * * ?", "min_severity":"CRITICAL", "reason":"secret rotated"}
								"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changes[0].item").value("api-soc-hook.secret"))
			.andExpect(jsonPath("$.changes[0].before").value("(hidden)"))
			.andExpect(jsonPath("$.changes[0].after").value("(hidden)"));
		assertThat(this.mvc.perform(get("/api/subscriptions/audit").param("subscription", "api-soc-hook"))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(secret, "a-rotated-secret-value");
		this.mvc.perform(post("/api/subscriptions").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"api-bad-hook", "channel":"webhook", "url":"https://soc.example.org/x", "cron":"0 0 8 * * ?",
				 "reason":"forgot the secret"}
				""")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].key").value("secret"));

		this.mvc.perform(delete("/api/subscriptions/api-soc-hook").param("reason", "trial over"))
			.andExpect(status().isOk());
	}

	@Test
	void aNameThatIsNotASlugAndTooManyRecipientsAreRefusedNamingTheKey() throws Exception {
		byte[] before = Files.readAllBytes(FILE);
		String many = IntStream.range(0, 20_000)
			.mapToObj((i) -> "\"analyst" + i + "@desk.example\"")
			.collect(Collectors.joining(","));

		this.mvc.perform(post("/api/subscriptions").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"../x", "recipients":["a@b.example"], "cron":"0 0 8 * * ?", "reason":"try"}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].key").value("name"))
			.andExpect(jsonPath("$.errors[0].reason").value(startsWith("'../x' is not a name of lower-case letters, "
					+ "digits, '-' and '_' (at most 64, starting with a letter or digit)")));
		this.mvc
			.perform(post("/api/subscriptions").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"everyone\", \"recipients\":[" + many
						+ "], \"cron\":\"0 0 8 * * ?\", \"reason\":\"try\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].key").value("recipients"))
			.andExpect(jsonPath("$.errors[0].reason")
				.value(startsWith("20000 addresses, at most 200: send to a mailing list instead")));

		assertThat(Files.readAllBytes(FILE)).isEqualTo(before);
		assertThat(this.subscriptions.find("../x")).isEmpty();
	}

	@Test
	void anInvalidSubscriptionIsRefusedByFieldAndChangesNothing() throws Exception {
		byte[] before = Files.readAllBytes(FILE);
		long audited = this.audit.list(new ConfigAudit.Filter("subscriptions", null, null, 10_000)).size();

		this.mvc.perform(post("/api/subscriptions").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"api-broken", "recipients":["not-an-address"], "cron":"every morning",
				 "min_severity":"LOUD", "colour":"red", "reason":"try"}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].key", containsInAnyOrder("recipients", "cron", "min-severity", "colour")));
		this.mvc.perform(post("/api/subscriptions").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"api-no-reason", "recipients":["a@b.example"], "cron":"0 0 8 * * ?"}
				""")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].key").value("reason"));
		this.mvc.perform(post("/api/subscriptions").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"afpak-desk", "recipients":["a@b.example"], "cron":"0 0 8 * * ?", "reason":"again"}
				""")).andExpect(status().isConflict());
		this.mvc.perform(put("/api/subscriptions/api-nobody").contentType(MediaType.APPLICATION_JSON).content("""
				{"recipients":["a@b.example"], "cron":"0 0 8 * * ?", "reason":"who?"}
				""")).andExpect(status().isNotFound());

		assertThat(Files.readAllBytes(FILE)).isEqualTo(before);
		assertThat(this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals("digest")))
			.doesNotContain(JobKey.jobKey("api-broken", "digest"), JobKey.jobKey("api-no-reason", "digest"));
		assertThat(this.audit.list(new ConfigAudit.Filter("subscriptions", null, null, 10_000))).hasSize((int) audited);
	}

	@Test
	void aFileEditedByHandIsPutInForceWithinSecondsAndAudited() throws Exception {
		String shipped = Files.readString(FILE);
		Files.writeString(FILE, shipped + """
				  - name: api-by-hand
				    recipients: [hand@analysis.example]
				    cron: "0 0 9 * * ?"
				""");

		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.scheduler.checkExists(TriggerKey.triggerKey("api-by-hand", "digest")));
		assertThat(cron("api-by-hand")).isEqualTo("0 0 9 * * ? UTC");
		assertThat(this.subscriptions.find("api-by-hand")).isPresent();
		assertThat(this.audit.list(new ConfigAudit.Filter("subscriptions", "(file)", "api-by-hand.", 10)))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.reason()).isEqualTo("edited on disk"));
		this.mvc.perform(post("/api/subscriptions/reload").param("reason", "nothing new"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changes").isEmpty());

		this.mvc.perform(delete("/api/subscriptions/api-by-hand").param("reason", "clean up"))
			.andExpect(status().isOk());
		assertThat(Files.readString(FILE)).isEqualTo(shipped);
	}

	@Test
	void aFileBrokenByHandIsRefusedAndTheSubscriptionsInForceStay() throws Exception {
		String shipped = Files.readString(FILE);
		int audited = this.audit.list(new ConfigAudit.Filter("subscriptions", null, null, 10_000)).size();
		try {
			String broken = shipped.replace("cron: \"0 30 6 * * ?\"", "cron: \"half past six\"");
			Files.writeString(FILE, broken);
			int item = broken.lines().toList().indexOf("  - name: afpak-desk") + 1;
			int cronLine = broken.lines().toList().indexOf("    cron: \"half past six\"") + 1;
			this.changes.reloadIfEdited();

			assertThat(this.subscriptions.find("afpak-desk").orElseThrow().cron()).isEqualTo("0 30 6 * * ?");
			assertThat(cron("afpak-desk")).isEqualTo("0 30 6 * * ? Asia/Kabul");
			this.mvc.perform(post("/api/subscriptions/reload").param("reason", "try"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].key").value("cron"))
				.andExpect(jsonPath("$.errors[0].line",
						both(greaterThanOrEqualTo(item)).and(lessThanOrEqualTo(cronLine))));
			assertThat(this.audit.list(new ConfigAudit.Filter("subscriptions", null, null, 10_000))).hasSize(audited);
		}
		finally {
			Files.writeString(FILE, shipped);
		}
	}

	private String cron(String subscription) throws Exception {
		CronTrigger trigger = (CronTrigger) this.scheduler.getTrigger(TriggerKey.triggerKey(subscription, "digest"));
		return trigger.getCronExpression() + " " + trigger.getTimeZone().getID();
	}

}
