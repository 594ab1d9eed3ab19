package org.harbinger.digest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.harbinger.EndToEndTest;
import org.harbinger.HttpReceiver;
import org.harbinger.engine.EngineHost;
import org.harbinger.engine.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.harbinger.digest.DeskIncidents.attack;
import static org.harbinger.digest.DeskIncidents.record;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 17, item 3: a subscription that delivers to a webhook, Slack or Teams, through
 * the same outbox as email: signed JSON with an idempotency key, retried after a failure
 * and delivered once, and each chat's own message shape. The receivers are JDK
 * HttpServers on loopback.
 */
@EndToEndTest
class WebhookDeliveryTests {

	private static final String SECRET = "a-long-webhook-secret-for-tests";

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<HttpReceiver> receivers = new ArrayList<>();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private EngineHost engine;

	@Autowired
	private Subscriptions subscriptions;

	@Autowired
	private Digests digests;

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxDispatcher dispatcher;

	@Autowired
	private JdbcClient jdbc;

	private List<Subscription> before;

	@AfterEach
	void restore() {
		if (this.before != null) {
			this.subscriptions.replace(this.before);
		}
		this.receivers.forEach(HttpReceiver::close);
	}

	@Test
	void aWebhookGetsTheDigestAsJsonSignedOverItsTimestampAndBodyWithTheMessageIdAsIdempotencyKey() throws Exception {
		HttpReceiver receiver = receiver();
		Subscription hook = inForce("hookland-hook",
				new Delivery(Delivery.Channel.WEBHOOK, receiver.url("/harbinger"), SECRET), "Hookland");
		this.digests.run(hook);
		record(this.mvc, this.engine, attack("HOOK-1", "Hookland", 12));

		long id = this.digests.run(hook).orElseThrow();
		this.dispatcher.dispatchDue();

		OutboxMessage sent = this.outbox.get(id);
		assertThat(sent.status()).isEqualTo("SENT");
		assertThat(sent.recipients()).containsExactly("webhook " + receiver.url("/harbinger"));
		HttpReceiver.Request request = receiver.requests().get(0);
		assertThat(receiver.requests()).hasSize(1);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.headers()).containsEntry("content-type", "application/json")
			.containsEntry("idempotency-key", sent.messageId());
		String timestamp = request.headers().get("x-harbinger-timestamp");
		assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), within(60L));
		assertThat(request.headers().get("x-harbinger-signature"))
			.isEqualTo("sha256=" + hmacSha256(SECRET, timestamp + "." + request.body()));
		JsonNode body = this.json.readTree(request.body());
		assertThat(body.path("id").asString()).isEqualTo(sent.messageId());
		assertThat(body.path("type").asString()).isEqualTo("digest");
		assertThat(body.path("subscription").asString()).isEqualTo("hookland-hook");
		assertThat(body.path("subject").asString()).isEqualTo(sent.subject());
		JsonNode alert = body.path("alerts").get(0);
		assertThat(alert.path("indicator").asString()).isEqualTo("external-operations");
		assertThat(alert.path("scope").asString()).isEqualTo("Hookland");
		assertThat(alert.path("severity").asString()).isEqualTo("CRITICAL");
		assertThat(alert.path("change").asString()).isEqualTo("new");
		assertThat(alert.path("link").asString()).endsWith("/alerts/" + alert.path("alert_id").asLong());
		assertThat(body.path("text").asString()).contains("HOOK-1");
		assertThat(this.mvc.perform(get("/api/outbox")).andReturn().getResponse().getContentAsString())
			.contains("webhook " + receiver.url("/harbinger"))
			.doesNotContain(SECRET);
	}

	@Test
	void aWebhookAnswering500IsRetriedOnceAndDeliveredOnceWithTheSameKeyAndBody() throws Exception {
		HttpReceiver receiver = receiver().answer(500);
		Subscription hook = inForce("retryland-hook",
				new Delivery(Delivery.Channel.WEBHOOK, receiver.url("/hook"), SECRET), "Retryland");
		this.digests.run(hook);
		record(this.mvc, this.engine, attack("RETRY-1", "Retryland", 0));
		long id = this.digests.run(hook).orElseThrow();

		this.dispatcher.dispatchDue();

		OutboxMessage failed = this.outbox.get(id);
		assertThat(failed.status()).isEqualTo("PENDING");
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.lastError()).isEqualTo("webhook answered 500: failing on purpose: 500");
		this.jdbc.sql("UPDATE outbox SET next_attempt_at = created_at WHERE id = ?").param(id).update();
		this.dispatcher.dispatchDue();
		this.dispatcher.dispatchDue();

		assertThat(this.outbox.get(id).status()).isEqualTo("SENT");
		assertThat(this.outbox.get(id).attempts()).isEqualTo(2);
		assertThat(receiver.requests()).hasSize(2);
		assertThat(receiver.requests()).extracting((request) -> request.headers().get("idempotency-key"))
			.containsOnly(failed.messageId());
		assertThat(receiver.requests()).extracting(HttpReceiver.Request::body).containsOnly(failed.json());
	}

	@Test
	void slackGetsMrkdwnTextAndTeamsAnAdaptiveCardNeitherSignedNorShowingItsUrl() throws Exception {
		HttpReceiver receiver = receiver();
		Subscription slack = new Subscription("chatland-slack", List.of(), "0 0 7 * * ?", ZoneId.of("UTC"),
				Severity.INFO, List.of(), List.of("Chatland"), false, false,
				new Delivery(Delivery.Channel.SLACK, receiver.url("/services/T000/B000/slack-token"), null));
		Subscription teams = new Subscription("chatland-teams", List.of(), "0 0 7 * * ?", ZoneId.of("UTC"),
				Severity.INFO, List.of(), List.of("Chatland"), false, false,
				new Delivery(Delivery.Channel.TEAMS, receiver.url("/workflows/teams-token"), null));
		inForce(slack, teams);
		this.digests.run(slack);
		this.digests.run(teams);
		record(this.mvc, this.engine, attack("CHAT-1", "Chatland", 12));
		long slackId = this.digests.run(slack).orElseThrow();
		long teamsId = this.digests.run(teams).orElseThrow();

		this.dispatcher.dispatchDue();

		assertThat(receiver.requests()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.headers()).doesNotContainKey("x-harbinger-signature"));
		JsonNode slackBody = body(receiver, "/services/T000/B000/slack-token");
		assertThat(slackBody.propertyNames()).containsExactly("text");
		String alertLink = this.outbox.get(slackId)
			.text()
			.lines()
			.filter((line) -> line.contains("/alerts/"))
			.findFirst()
			.orElseThrow()
			.replaceAll(".*(http\\S*/alerts/\\d+).*", "$1");
		assertThat(slackBody.path("text").asString()).startsWith("*[Harbinger] 1 new CRITICAL - Chatland - ")
			.contains("\u25B2 *CRITICAL* <" + alertLink + "|ISKP operations abroad - Chatland>: new. ")
			.endsWith("|Open Harbinger>");
		JsonNode teamsBody = body(receiver, "/workflows/teams-token");
		assertThat(teamsBody.path("type").asString()).isEqualTo("message");
		JsonNode attachment = teamsBody.path("attachments").get(0);
		assertThat(attachment.path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		JsonNode card = attachment.path("content");
		assertThat(card.path("type").asString()).isEqualTo("AdaptiveCard");
		assertThat(card.path("version").asString()).isEqualTo("1.4");
		assertThat(card.path("body").get(0).path("text").asString()).isEqualTo(this.outbox.get(teamsId).subject());
		assertThat(card.path("body").get(1).path("text").asString())
			.startsWith("\u25B2 **CRITICAL** [ISKP operations abroad - Chatland](" + alertLink + "): new. ");
		assertThat(card.path("actions").get(0).path("type").asString()).isEqualTo("Action.OpenUrl");
		assertThat(this.outbox.get(slackId).recipients()).containsExactly("slack http://127.0.0.1/(hidden)");
		assertThat(this.outbox.get(teamsId).deliveredTo()).isEqualTo("teams http://127.0.0.1/(hidden)");
	}

	private HttpReceiver receiver() {
		HttpReceiver receiver = HttpReceiver.start();
		this.receivers.add(receiver);
		return receiver;
	}

	private Subscription inForce(String name, Delivery delivery, String scope) {
		Subscription subscription = new Subscription(name, List.of(), "0 0 7 * * ?", ZoneId.of("UTC"), Severity.INFO,
				List.of(), List.of(scope), false, false, delivery);
		inForce(subscription);
		return subscription;
	}

	/**
	 * The sender reads a subscription's url and secret from those in force when it posts.
	 */
	private void inForce(Subscription... added) {
		this.before = this.subscriptions.all();
		List<Subscription> next = new ArrayList<>(this.before);
		next.addAll(List.of(added));
		this.subscriptions.replace(next);
	}

	private JsonNode body(HttpReceiver receiver, String path) {
		return this.json.readTree(receiver.requests()
			.stream()
			.filter((request) -> request.path().equals(path))
			.findFirst()
			.orElseThrow()
			.body());
	}

	private static String hmacSha256(String secret, String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

}
