package org.harbinger.alertmanager;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.harbinger.E2eSecurity;
import org.harbinger.HttpReceiver;
import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.engine.EngineHost;
import org.harbinger.engine.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 17, item 2: the demo's open alerts pushed to a real Alertmanager, which routes
 * them to a webhook inside the test: the CRITICAL ones arrive with their labels and
 * annotations, and an alert that Harbinger retracts arrives again as resolved.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:alertmanager;DB_CLOSE_DELAY=-1",
		"spring.quartz.scheduler-name=alertmanager", "spring.quartz.auto-startup=false",
		"harbinger.inbox.enabled=false", "harbinger.public-url=https://harbinger.example.org",
		"harbinger.alertmanager.urls=http://127.0.0.1:9/am", "harbinger.alertmanager.interval=45s" })
@AutoConfigureMockMvc
@Import(E2eSecurity.class)
@ExtendWith(OutputCaptureExtension.class)
class AlertmanagerPushTests {

	private static HttpReceiver webhook;

	private static Alertmanager alertmanager;

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private AlertmanagerAlerts alerts;

	@Autowired
	private AlertRepository alertRepository;

	@Autowired
	private EngineHost engine;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Scheduler scheduler;

	@DynamicPropertySource
	static void files(DynamicPropertyRegistry registry) throws Exception {
		Path dir = Files.createTempDirectory("harbinger-alertmanager-test");
		registry.add("harbinger.mail.eml-dir", () -> dir.resolve("mail").toString());
		registry.add("harbinger.security.users-file", () -> dir.resolve("users.yml").toString());
	}

	@BeforeAll
	static void startAlertmanager() throws Exception {
		webhook = HttpReceiver.start();
		alertmanager = Alertmanager.start(webhook.url("/hook"));
	}

	@AfterAll
	static void stop() {
		if (alertmanager != null) {
			alertmanager.close();
		}
		if (webhook != null) {
			webhook.close();
		}
	}

	@Test
	void theDemosCriticalAlertsReachTheReceiverWithTheirLabelsAndARetractedOneArrivesResolved() throws Exception {
		this.engine.today();
		AlertmanagerPush push = push(alertmanager.url());

		assertThat(push.push()).as("Alertmanagers that took the alerts").isEqualTo(1);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(received("firing", "critical"))
				.extracting((alert) -> alert.path("labels").path("alertname").asString(),
						(alert) -> alert.path("labels").path("scope").asString(),
						(alert) -> alert.path("labels").path("country").asString())
				.containsExactlyInAnyOrder(tuple("attack-surge", "Afghanistan", "Afghanistan"),
						tuple("attack-surge", "Pakistan", "Pakistan"),
						tuple("cross-border-fire", "Uzbekistan", "Uzbekistan"),
						tuple("cross-border-fire", "Tajikistan", "Tajikistan"),
						tuple("sectarian-attack", "Afghanistan", "Afghanistan"),
						tuple("pak-afghan-border-clash", "Afghanistan", "Afghanistan")));
		Alert tajikistan = alert("cross-border-fire", "Tajikistan");
		JsonNode firing = received("firing", "critical").stream()
			.filter((alert) -> alert.path("labels").path("scope").asString().equals("Tajikistan"))
			.findFirst()
			.orElseThrow();
		assertThat(firing.path("annotations").path("summary").asString()).startsWith("CRITICAL: ")
			.endsWith(" - Tajikistan");
		assertThat(firing.path("annotations").path("description").asString())
			.isEqualTo(tajikistan.detail() + "\nCRITICAL because: " + tajikistan.severityReason());
		assertThat(firing.path("annotations").path("link").asString())
			.isEqualTo("https://harbinger.example.org/alerts/" + tajikistan.id());
		assertThat(firing.path("generatorURL").asString())
			.isEqualTo("https://harbinger.example.org/alerts/" + tajikistan.id());
		assertThat(Instant.parse(firing.path("startsAt").asString())).isBefore(Instant.now());

		this.mvc.perform(delete("/api/incidents/acled/TJK1001")).andExpect(status().isNoContent());
		this.engine.today();
		assertThat(alert("cross-border-fire", "Tajikistan").status()).isEqualTo(Alert.Status.RESOLVED);
		push.push();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(received("resolved", "critical"))
				.extracting((alert) -> alert.path("labels").path("alertname").asString(),
						(alert) -> alert.path("labels").path("scope").asString())
				.contains(tuple("cross-border-fire", "Tajikistan")));
		// Uzbekistan was CRITICAL because two countries were hit: now WARNING, a new
		// Alertmanager
		// alert, and its CRITICAL one ends, as Prometheus ends a series whose labels
		// changed.
		assertThat(alert("cross-border-fire", "Uzbekistan").severity()).isEqualTo(Severity.WARNING);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(received("resolved", "critical"))
				.extracting((alert) -> alert.path("labels").path("scope").asString())
				.contains("Uzbekistan");
			assertThat(received("firing", "warning"))
				.extracting((alert) -> alert.path("labels").path("scope").asString())
				.contains("Uzbekistan");
		});
		JsonNode resolved = received("resolved", "critical").stream()
			.filter((alert) -> alert.path("labels").path("scope").asString().equals("Tajikistan"))
			.findFirst()
			.orElseThrow();
		assertThat(Instant.parse(resolved.path("endsAt").asString()))
			.isAfter(Instant.parse(firing.path("startsAt").asString()))
			.isBeforeOrEqualTo(Instant.now());
	}

	@Test
	void anAlertAHarbingerSilenceMatchesIsSentAsEndedAndFiresAgainWhenTheSilenceEnds() throws Exception {
		Map<String, String> campaign = Map.of("alertname", "campaign-declared", "scope", "global", "severity",
				"warning");
		assertThat(firing(campaign)).as("campaign-declared global firing, with no country label").isTrue();

		String answer = this.mvc.perform(post("/api/silences").contentType(MediaType.APPLICATION_JSON).content("""
				{"indicator":"campaign-declared","scope":"global","duration":"1h","comment":"known campaign"}
				""")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long silence = this.json.readTree(answer).path("id").asLong();

		assertThat(firing(campaign)).as("silenced: sent as ended").isFalse();
		assertThat(this.alerts.current(Instant.now(), Duration.ofMinutes(15)))
			.filteredOn((alert) -> alert.labels().equals(campaign))
			.singleElement()
			.satisfies((alert) -> assertThat(alert.endsAt()).isNotNull());

		this.mvc.perform(delete("/api/silences/" + silence)).andExpect(status().isOk());
		assertThat(firing(campaign)).as("silence over: firing again").isTrue();
	}

	@Test
	void anAlertmanagerThatFailsIsLoggedOnceTriedEachRoundCountedAndNoticedWhenItWorksAgain(CapturedOutput output) {
		try (HttpReceiver failing = HttpReceiver.start().answer(500, 503, 500)) {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			AlertmanagerPush push = new AlertmanagerPush(properties(failing.url("/am")), this.alerts, registry);
			String name = failing.url("/am").toString();

			assertThat(List.of(push.push(), push.push(), push.push())).containsExactly(0, 0, 0);
			assertThat(registry.get("harbinger.alertmanager.failing").tag("alertmanager", name).gauge().value())
				.isEqualTo(1.0);
			assertThat(push.push()).isEqualTo(1);

			assertThat(failing.requests()).hasSize(4)
				.allSatisfy((request) -> assertThat(request.path()).isEqualTo("/am/api/v2/alerts"));
			assertThat(
					output.getOut().lines().filter((line) -> line.contains("Alertmanager " + name + " did not take")))
				.singleElement()
				.asString()
				.contains("answered 500: failing on purpose");
			assertThat(output.getOut()).contains("Alertmanager " + name + " takes alerts again");
			assertThat(registry.get("harbinger.alertmanager.pushes")
				.tags("alertmanager", name, "outcome", "failed")
				.counter()
				.count()).isEqualTo(3.0);
			assertThat(registry.get("harbinger.alertmanager.pushes")
				.tags("alertmanager", name, "outcome", "sent")
				.counter()
				.count()).isEqualTo(1.0);
			assertThat(registry.get("harbinger.alertmanager.failing").tag("alertmanager", name).gauge().value())
				.isEqualTo(0.0);
		}
	}

	@Test
	void aUserAndPasswordInTheUrlAreSentAsBasicAuthenticationAndNeverPrinted(CapturedOutput output) {
		try (HttpReceiver secured = HttpReceiver.start().answer(401)) {
			URI url = URI.create("http://pusher:s3cret%21@127.0.0.1:" + secured.url("/").getPort());
			AlertmanagerPush push = new AlertmanagerPush(properties(url), this.alerts, new SimpleMeterRegistry());

			push.push();

			assertThat(secured.requests()).singleElement()
				.satisfies((request) -> assertThat(request.headers().get("authorization"))
					.isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("pusher:s3cret!".getBytes())));
			assertThat(output.getOut()).contains("Alertmanager http://127.0.0.1:" + url.getPort() + " did not take")
				.doesNotContain("s3cret");
			assertThat(properties(url).toString()).doesNotContain("s3cret");
		}
	}

	@Test
	void withUrlsSetThePushIsAQuartzJobRepeatingEveryInterval() throws Exception {
		Trigger trigger = this.scheduler.getTrigger(TriggerKey.triggerKey("alertmanager-push", "alertmanager"));

		assertThat(trigger).isInstanceOfSatisfying(SimpleTrigger.class,
				(simple) -> assertThat(simple.getRepeatInterval()).isEqualTo(45_000));
	}

	private boolean firing(Map<String, String> labels) {
		return this.alerts.current(Instant.now(), Duration.ofMinutes(15))
			.stream()
			.anyMatch((alert) -> alert.labels().equals(labels) && alert.firing());
	}

	private AlertmanagerPush push(URI url) {
		return new AlertmanagerPush(properties(url), this.alerts, new SimpleMeterRegistry());
	}

	private static AlertmanagerProperties properties(URI url) {
		return new AlertmanagerProperties(List.of(url), Duration.ofSeconds(1), Duration.ofSeconds(5),
				Duration.ofMinutes(15));
	}

	private Alert alert(String indicator, String scope) {
		return this.alertRepository.find(new AlertRepository.Filter(null, indicator, scope, null))
			.stream()
			.filter((alert) -> alert.scope().equals(scope))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The alerts the webhook got so far with this status and severity, each
	 * notification's in turn.
	 */
	private List<JsonNode> received(String status, String severity) {
		List<JsonNode> alerts = new ArrayList<>();
		for (HttpReceiver.Request request : webhook.requests()) {
			for (JsonNode alert : this.json.readTree(request.body()).path("alerts")) {
				if (alert.path("status").asString().equals(status)
						&& alert.path("labels").path("severity").asString().equals(severity)) {
					alerts.add(alert);
				}
			}
		}
		return alerts;
	}

}
