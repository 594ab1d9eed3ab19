package org.harbinger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.harbinger.engine.EngineHost;
import org.harbinger.engine.RulesInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Hot reload on a running service, through the real watcher: its own context, because it
 * edits its rules and config folders (copies of the shipped rules/, config/thresholds.yml
 * and the e2e subscriptions), and runs Quartz so the outbox dispatcher mails the rule
 * authors (on a port of its own). Closed after the class, so its jobs stop with it.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:hot-reload;DB_CLOSE_DELAY=-1",
		"spring.quartz.scheduler-name=hot-reload", "spring.quartz.auto-startup=true",
		"harbinger.mail.dispatch-interval=500ms", "harbinger.demo.enabled=false", "harbinger.inbox.enabled=false",
		"harbinger.clock.fixed-date=2022-05-07", "spring.mail.host=localhost",
		"spring.mail.port=" + HotReloadTests.SMTP_PORT, "harbinger.reload.poll-interval=200ms",
		"harbinger.reload.quiet-period=400ms" })
@AutoConfigureMockMvc
@Import(E2eSecurity.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HotReloadTests {

	/**
	 * Not the shared context's 3025: this context's dispatcher must never reach another
	 * class's server.
	 */
	static final int SMTP_PORT = 3125;

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, null, ServerSetup.PROTOCOL_SMTP));

	private static final Duration RELOADED = Duration.ofSeconds(60);

	private static Path rules;

	private static Path config;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RulesInForce inForce;

	@Autowired
	private EngineHost engine;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) throws Exception {
		Path root = Files.createTempDirectory("harbinger-hot-reload");
		rules = Files.createDirectory(root.resolve("rules"));
		config = Files.createDirectory(root.resolve("config"));
		try (Stream<Path> shipped = Files.list(Path.of("rules"))) {
			for (Path file : shipped.filter((file) -> file.toString().endsWith(".drl")).toList()) {
				Files.copy(file, rules.resolve(file.getFileName()));
			}
		}
		Files.copy(Path.of("config/thresholds.yml"), config.resolve("thresholds.yml"));
		Files.copy(Path.of("src/test/resources/e2e/subscriptions.yml"), config.resolve("subscriptions.yml"));
		registry.add("harbinger.rules-dir", rules::toString);
		registry.add("harbinger.config-dir", config::toString);
	}

	@Test
	void aBrokenRuleKeepsTheOldRulesFiringAndItsFixComesInWithoutADuplicateTransition() throws Exception {
		String version = statusField("$.version");
		postIncident("UZB2001", "2022-04-18", "Uzbekistan", "Termez");
		Path rocketFire = rules.resolve("rocket-fire.drl");
		String fixed = Files.readString(Path.of("src/test/resources/reload/rocket-fire.drl"));
		String broken = fixed.replace("Today( $today : day )", "Today( $today : day");
		int line = (int) broken.lines().takeWhile((text) -> !text.contains("Today( $today : day")).count() + 1;

		Files.writeString(rocketFire, broken);

		await().atMost(RELOADED)
			.untilAsserted(() -> this.mvc.perform(get("/api/rules/status"))
				.andExpect(jsonPath("$.state").value("ERROR"))
				.andExpect(jsonPath("$.version").value(version))
				.andExpect(jsonPath("$.last_refusal.errors.length()").value(1))
				.andExpect(jsonPath("$.last_refusal.errors[0].file").value(rocketFire.toString()))
				.andExpect(jsonPath("$.last_refusal.errors[0].line").value(line + 1))
				.andExpect(jsonPath("$.last_refusal.errors[0].column").value(4))
				.andExpect(jsonPath("$.files[*].id", not(hasItem("rocket-fire")))));
		this.mvc.perform(post("/api/rules/reload"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.last_refusal.errors[0].file").value(rocketFire.toString()));
		MimeMessage notice = await().atMost(RELOADED)
			.until(() -> mailTo("rule-authors@analysis.test"), (mail) -> mail != null);
		assertThat(notice.getSubject()).isEqualTo("[Harbinger] rules refused: 1 error in " + rocketFire);
		assertThat(GreenMailUtil.getBody(notice)).contains(rocketFire + ":" + (line + 1) + ":4: ");

		postIncident("TJK1001", "2022-05-07", "Tajikistan", "Farkhor");
		List<String> whileRefused = transitions();
		assertThat(whileRefused).as("the old rules keep firing on new incidents")
			.contains("cross-border-fire Tajikistan CRITICAL FIRED", "cross-border-fire Uzbekistan CRITICAL ESCALATED")
			.noneMatch((transition) -> transition.startsWith("rocket-fire"));

		Files.writeString(rocketFire, fixed);

		await().atMost(RELOADED)
			.untilAsserted(() -> this.mvc.perform(get("/api/rules/status"))
				.andExpect(jsonPath("$.state").value("OK"))
				.andExpect(jsonPath("$.files[?(@.id == 'rocket-fire')].file").value(rocketFire.toString()))
				.andExpect(jsonPath("$.files[?(@.id == 'rocket-fire')].status").value("experimental")));
		// threat-level counts the indicators with an alert per country: rocket-fire makes
		// it three.
		List<String> withNewRule = concat(whileRefused, "rocket-fire Tajikistan WARNING FIRED",
				"rocket-fire Uzbekistan WARNING FIRED", "threat-level Tajikistan WARNING FIRED",
				"threat-level Uzbekistan WARNING FIRED");
		assertThat(transitions()).containsExactlyElementsOf(withNewRule);

		Files.delete(rocketFire);

		await().atMost(RELOADED)
			.untilAsserted(
					() -> this.mvc.perform(get("/api/rules/status")).andExpect(jsonPath("$.version").value(version)));
		// threat-level remembers for its window that rocket-fire had alerts open
		// (@keptOnReload).
		assertThat(transitions()).as("a deleted rule's alerts resolve")
			.containsExactlyElementsOf(concat(withNewRule, "rocket-fire Tajikistan WARNING RESOLVED",
					"rocket-fire Uzbekistan WARNING RESOLVED"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox WHERE subscription = 'rule-authors'")
			.query(Long.class)
			.single()).as("one notice: the forced reload refused the same errors").isEqualTo(1);
	}

	@Test
	void aThresholdsFileSavedOnDiskAppliesLiveAndAnInvalidOneChangesNothing() throws Exception {
		Path file = config.resolve("thresholds.yml");
		String shipped = Files.readString(file);
		String strongholds = "strongholds: [Nangarhar, Kunar, Jowzjan, Badakhshan, Nuristan]";
		assertThat(shipped).contains(strongholds);
		this.mvc.perform(post("/api/incidents").contentType(MediaType.APPLICATION_JSON).content("""
				{"source":"desk","id":"KDH-FLAG-1","event_date":"2022-05-01","event_type":"Strategic developments",
				 "sub_event_type":"Other","actor1":"Islamic State (Afghanistan)","country":"Afghanistan",
				 "admin1":"Kandahar","tags":["flag-sighting"]}
				""")).andExpect(status().isOk());
		assertThat(openAlerts("Afghanistan/Kandahar")).isZero();
		try {
			Files.writeString(file, shipped.replace(strongholds,
					"strongholds: [Nangarhar, Kunar, Jowzjan, Badakhshan, Nuristan, Kandahar]"));

			// The engine applies the values just before the readers' pair is set.
			await().atMost(RELOADED).untilAsserted(() -> {
				assertThat(openAlerts("Afghanistan/Kandahar")).isOne();
				assertThat(
						this.inForce.now().thresholds().values().get("stronghold-reemergence.strongholds").toString())
					.contains("Kandahar");
			});

			Files.writeString(file, shipped.replace("window-days: 30\n  strongholds", "window-days: 0\n  strongholds")
				.replace(strongholds, "strongholds: [Kandahar]"));

			await().atMost(RELOADED)
				.untilAsserted(() -> this.mvc.perform(get("/api/rules/status"))
					.andExpect(jsonPath("$.thresholds.state").value("ERROR"))
					.andExpect(jsonPath("$.thresholds.errors[0]",
							endsWith("stronghold-reemergence.window-days: 0 is below the minimum 1"))));
			assertThat(this.inForce.now().thresholds().values()).as("the running values stay")
				.containsEntry("stronghold-reemergence.window-days", 30)
				.hasEntrySatisfying("stronghold-reemergence.strongholds",
						(value) -> assertThat(value.toString()).contains("Nangarhar", "Kandahar"));
			assertThat(openAlerts("Afghanistan/Kandahar")).isOne();
		}
		finally {
			Files.writeString(file, shipped);
		}
		await().atMost(RELOADED).until(() -> openAlerts("Afghanistan/Kandahar") == 0);
		this.mvc.perform(get("/api/rules/status")).andExpect(jsonPath("$.thresholds.state").value("OK"));
	}

	private String statusField(String path) throws Exception {
		String json = this.mvc.perform(get("/api/rules/status")).andReturn().getResponse().getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(json, path);
	}

	private void postIncident(String id, String date, String country, String location) throws Exception {
		this.mvc.perform(post("/api/incidents").contentType(MediaType.APPLICATION_JSON).content("""
				{"source":"acled","event_id_cnty":"%s","event_date":"%s","event_type":"Explosions/Remote violence",
				 "sub_event_type":"Shelling/artillery/missile attack","actor1":"Islamic State (Afghanistan)",
				 "origin_country":"Afghanistan","country":"%s","location":"%s","fatalities":0}
				""".formatted(id, date, country, location))).andExpect(status().isOk());
		this.engine.today();
	}

	/** Every transition so far, in order, as "indicator scope SEVERITY KIND". */
	private List<String> transitions() {
		return this.jdbc
			.sql("SELECT a.indicator, a.scope, t.severity, t.kind FROM alert_transition t "
					+ "JOIN alert a ON a.id = t.alert_id ORDER BY t.id")
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4))
			.list();
	}

	private long openAlerts(String scope) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM alert WHERE indicator = 'stronghold-reemergence' AND scope = ? "
					+ "AND status = 'OPEN'")
			.param(scope)
			.query(Long.class)
			.single();
	}

	private static MimeMessage mailTo(String address) throws Exception {
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				return message;
			}
		}
		return null;
	}

	private static List<String> concat(List<String> before, String... added) {
		List<String> all = new ArrayList<>(before);
		all.addAll(List.of(added));
		return all;
	}

}
