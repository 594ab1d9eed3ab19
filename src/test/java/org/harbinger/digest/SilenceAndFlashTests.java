package org.harbinger.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.harbinger.EndToEndTest;
import org.harbinger.engine.EngineHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbinger.digest.DeskIncidents.attack;
import static org.harbinger.digest.DeskIncidents.record;
import static org.harbinger.digest.DeskIncidents.subscription;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Silences mute notifications, not alerts, and say so when they end (issue 5); flash
 * notices send a CRITICAL at once and the digest marks it as already sent (issue 6).
 */
@EndToEndTest
class SilenceAndFlashTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private EngineHost engine;

	@Autowired
	private Digests digests;

	@Autowired
	private FlashNotices flash;

	@Autowired
	private SilenceExpiryNotices expiries;

	@Autowired
	private OutboxDispatcher dispatcher;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aSilencedAlertStaysOpenButLeavesTheDigestWhichNotesItAndItsEndIsNoticedOnce() throws Exception {
		Subscription desk = subscription("silentia", false, "Silentia", "Loudland");
		this.digests.run(desk);
		long silence = createSilence("""
				{"indicator":"external-operations","scope":"Silentia","duration":"2h",
				 "comment":"Duplicate feed from the Silentia desk, being checked"}
				""");
		record(this.mvc, this.engine, attack("SIL-1", "Silentia", 0), attack("LOUD-1", "Loudland", 0));

		this.mvc.perform(get("/api/alerts").param("indicator", "external-operations").param("scope", "Silentia"))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].status").value("OPEN"));
		this.digests.run(desk).orElseThrow();
		this.dispatcher.dispatchDue();

		MimeMessage digest = Mails.to(smtp, "silentia@digest.test").get(0);
		assertThat(digest.getSubject()).isEqualTo("[Harbinger] 1 new WARNING, 1 silenced - Loudland - 7 May 2022");
		for (String body : Mails.texts(digest).values()) {
			assertThat(body)
				.contains("LOUD-1", "/alerts/" + alertId("Loudland"), "1 transition silenced", "Silence #" + silence,
						"indicator=external-operations, scope=Silentia and below",
						"Duplicate feed from the Silentia desk")
				.doesNotContain("SIL-1", "/alerts/" + alertId("Silentia"));
		}

		this.mvc.perform(delete("/api/silences/" + silence))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("EXPIRED"));
		this.mvc.perform(get("/api/silences").param("state", "EXPIRED"))
			.andExpect(jsonPath("$[*].id", hasItem((int) silence)));
		this.expiries.run(List.of(desk), Instant.now());
		this.expiries.run(List.of(desk), Instant.now());
		this.dispatcher.dispatchDue();

		List<MimeMessage> notices = noticesOf(silence, "silentia@digest.test");
		assertThat(notices).hasSize(1);
		assertThat(subject(notices.get(0))).contains("1 alert still open under it");
		assertThat(Mails.texts(notices.get(0)).get("text/plain")).contains("ISKP operations abroad - Silentia",
				"/alerts/" + alertId("Silentia"));
		this.mvc.perform(get("/api/alerts").param("indicator", "external-operations").param("scope", "Silentia"))
			.andExpect(jsonPath("$[0].status").value("OPEN"));
	}

	@Test
	void aSilenceThatRunsOutIsNoticedOnceToTheSubscriptionsItConcerns() throws Exception {
		Subscription concerned = subscription("quietshire", false, "Quietshire");
		Subscription elsewhere = subscription("elsewhere", false, "Elsewhere");
		long silence = createSilence("""
				{"indicator":"*","scope":"Quietshire/North","duration":"1h","comment":"road works"}
				""");
		Instant later = Instant.now().plus(Duration.ofHours(2));

		this.expiries.run(List.of(concerned, elsewhere), later);
		this.expiries.run(List.of(concerned, elsewhere), later);
		this.dispatcher.dispatchDue();

		assertThat(noticesOf(silence, "quietshire@digest.test")).extracting(SilenceAndFlashTests::subject)
			.containsExactly("[Harbinger] Silence #" + silence
					+ " ended - 0 alerts still open under it - indicator=*, scope=Quietshire/North and below");
		assertThat(noticesOf(silence, "elsewhere@digest.test")).isEmpty();
	}

	@Test
	void aFlashSubscriptionGetsACriticalAtOnceAndItsDigestMarksItAlreadySent() throws Exception {
		Subscription desk = subscription("flashland", true, "Flashland", "Flashmoor");
		this.digests.run(desk);
		this.flash.run(desk);
		record(this.mvc, this.engine, attack("FLASH-1", "Flashland", 15), attack("FLASH-2", "Flashmoor", 0));

		assertThat(this.flash.run(desk)).isPresent();
		assertThat(this.flash.run(desk)).as("each CRITICAL is flashed once").isEmpty();
		this.dispatcher.dispatchDue();

		List<MimeMessage> received = Mails.to(smtp, "flashland@digest.test");
		assertThat(received).extracting(SilenceAndFlashTests::subject)
			.containsExactly("[Harbinger] FLASH: 1 new CRITICAL - Flashland - 7 May 2022");
		assertThat(Mails.texts(received.get(0)).get("text/plain")).contains("FLASH-1").doesNotContain("FLASH-2");

		this.digests.run(desk).orElseThrow();
		this.dispatcher.dispatchDue();

		MimeMessage digest = Mails.to(smtp, "flashland@digest.test").get(1);
		assertThat(subject(digest))
			.isEqualTo("[Harbinger] 1 new CRITICAL, 1 new WARNING - Flashland, Flashmoor - 7 May 2022");
		Map<String, String> texts = Mails.texts(digest);
		assertThat(texts.get("text/plain")).containsSubsequence("#1 ISKP operations abroad - Flashland",
				"CRITICAL, new on 2022-05-07 (already sent ", "FLASH-1", "#2 ISKP operations abroad - Flashmoor",
				"WARNING, new on 2022-05-07");
		assertThat(texts.get("text/plain")).containsOnlyOnce("already sent");
		assertThat(texts.get("text/html")).containsOnlyOnce("already sent");
	}

	@Test
	void flashNoticesAreLookedForEveryHalfMinute() {
		assertThat(this.jdbc.sql("SELECT REPEAT_INTERVAL FROM QRTZ_SIMPLE_TRIGGERS WHERE TRIGGER_NAME = 'notices'")
			.query(Long.class)
			.single()).isLessThanOrEqualTo(30_000L);
	}

	@Test
	void aSilenceNeedsAReasonAnEndAndAMatcherAndCanBeExtended() throws Exception {
		this.mvc.perform(post("/api/silences").contentType(MediaType.APPLICATION_JSON).content("{\"scope\":\"~(\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field",
					org.hamcrest.Matchers.containsInAnyOrder("scope", "ends_at", "comment")));
		this.mvc
			.perform(post("/api/silences").contentType(MediaType.APPLICATION_JSON)
				.content("{\"duration\":\"1h\",\"comment\":\"everything\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message")
				.value(org.hamcrest.Matchers.startsWith("a silence of every indicator")));
		long id = createSilence("""
				{"scope":"Extendia/Kunar","starts_at":"2100-01-01T00:00:00Z","ends_at":"2100-01-02T00:00:00Z",
				 "comment":"planned maintenance of the Kunar feed"}
				""");
		this.mvc.perform(get("/api/silences").param("state", "PENDING"))
			.andExpect(jsonPath("$[*].id", hasItem((int) id)));
		this.mvc.perform(get("/api/silences").param("state", "ACTIVE"))
			.andExpect(jsonPath("$[*].id", not(hasItem((int) id))));

		this.mvc
			.perform(put("/api/silences/" + id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"ends_at\":\"2100-01-05T00:00:00Z\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ends_at").value("2100-01-05T00:00:00Z"))
			.andExpect(jsonPath("$.indicator").value("*"))
			.andExpect(jsonPath("$.author").isNotEmpty());
		this.mvc.perform(delete("/api/silences/" + id)).andExpect(jsonPath("$.state").value("EXPIRED"));
		this.mvc
			.perform(put("/api/silences/" + id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"ends_at\":\"2100-01-06T00:00:00Z\"}"))
			.andExpect(status().isConflict());
		this.mvc.perform(delete("/api/silences/999999")).andExpect(status().isNotFound());
	}

	private long createSilence(String body) throws Exception {
		String created = this.mvc.perform(post("/api/silences").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").exists())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode silence = this.json.readTree(created);
		return silence.get("id").asLong();
	}

	/** Filtered by silence too: other tests' silences may end meanwhile. */
	private static List<MimeMessage> noticesOf(long silence, String recipient) {
		return Mails.to(smtp, recipient)
			.stream()
			.filter((mail) -> subject(mail).startsWith("[Harbinger] Silence #" + silence + " ended"))
			.toList();
	}

	private long alertId(String scope) {
		return this.jdbc.sql("SELECT id FROM alert WHERE indicator = 'external-operations' AND scope = ?")
			.param(scope)
			.query(Long.class)
			.single();
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
