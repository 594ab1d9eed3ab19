package org.harbinger.digest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import org.harbinger.E2eSecurity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mail that always arrives (issue 14), on the outbox's own sender thread as it runs in
 * the service: short SMTP timeouts and a back-off capped at 300 ms, so that a hung relay
 * and an outage "longer than every back-off step" take seconds. Its own context and SMTP
 * port, as its sender retries on its own; every test leaves nothing undelivered behind.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:mail-delivery;DB_CLOSE_DELAY=-1",
		"spring.quartz.scheduler-name=mail-delivery", "spring.quartz.auto-startup=false",
		"harbinger.demo.enabled=false", "harbinger.inbox.enabled=false", "harbinger.clock.fixed-date=2022-04-01",
		"harbinger.security.users-file=" + E2eSecurity.USERS_FILE, "harbinger.config-dir=src/test/resources/e2e",
		"spring.mail.host=127.0.0.1", "spring.mail.port=" + MailDeliveryTests.SMTP_PORT,
		"harbinger.mail.dispatch-interval=200ms", "harbinger.mail.connect-timeout=1s", "harbinger.mail.read-timeout=1s",
		"harbinger.mail.write-timeout=1s", "harbinger.mail.max-backoff=300ms" })
@AutoConfigureMockMvc
@Import(E2eSecurity.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MailDeliveryTests {

	static final int SMTP_PORT = 3225;

	private static final Duration SOON = Duration.ofSeconds(30);

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxSender sender;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void leaveNothingUndelivered() {
		// Until nothing is left: a message being sent now returns to PENDING after its
		// attempt.
		await().atMost(SOON).until(() -> {
			this.jdbc.sql("UPDATE outbox SET status = 'CANCELLED' WHERE status IN ('PENDING', 'FAILED')").update();
			return this.outbox.backlog().count() == 0;
		});
	}

	@Test
	void aRelayThatNeverAnswersCostsOneTimedOutAttemptAndLaterMailGoesOutOnceItIsFixed() throws Exception {
		smtp.stop();
		long first;
		long later;
		try (ServerSocket hung = new ServerSocket()) {
			// Accepts connections (the kernel does, from the backlog) and never says a
			// word.
			hung.setReuseAddress(true);
			hung.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), SMTP_PORT));
			first = enqueue("hung-1");
			await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
				OutboxMessage message = this.outbox.get(first);
				assertThat(message.status()).isEqualTo("PENDING");
				assertThat(message.attempts()).isPositive();
				assertThat(message.lastError()).containsIgnoringCase("timed out");
			});
			later = enqueue("hung-2");
			await().atMost(Duration.ofMinutes(1))
				.alias("the sender is not stuck on the first message")
				.untilAsserted(() -> assertThat(this.outbox.get(later).lastError()).containsIgnoringCase("timed out"));
		}
		smtp.start();

		await().atMost(SOON)
			.untilAsserted(() -> assertThat(List.of(this.outbox.get(first).status(), this.outbox.get(later).status()))
				.containsOnly("SENT"));
		assertThat(receivedIds()).containsExactlyInAnyOrder(this.outbox.get(first).messageId(),
				this.outbox.get(later).messageId());
	}

	@Test
	void anOutageLongerThanEveryBackoffStepDelaysMailButEveryMessageArrivesExactlyOnce() throws Exception {
		smtp.stop();
		List<Long> ids = List.of(enqueue("outage-1"), enqueue("outage-2"), enqueue("outage-3"));
		// Issue 14's 2-hour outage: more attempts than the old limit of 8, each one
		// refused.
		await().atMost(SOON).untilAsserted(() -> assertThat(ids).allSatisfy((id) -> {
			OutboxMessage message = this.outbox.get(id);
			assertThat(message.attempts()).isGreaterThan(8);
			assertThat(message.status()).isIn("PENDING", "SENDING");
			assertThat(message.lastError()).isNotBlank();
		}));

		smtp.start();

		await().atMost(SOON)
			.untilAsserted(() -> assertThat(ids)
				.allSatisfy((id) -> assertThat(this.outbox.get(id).status()).isEqualTo("SENT")));
		assertThat(receivedIds())
			.containsExactlyInAnyOrderElementsOf(ids.stream().map((id) -> this.outbox.get(id).messageId()).toList());
	}

	@Test
	void anAdministratorResendsAndCancelsThroughTheApiAndOnlyAnAdministratorMay() throws Exception {
		smtp.stop();
		long kept = enqueue("admin-kept");
		long cancelled = enqueue("admin-cancelled");
		long legacy = enqueue("admin-legacy");
		// FAILED for good, as a version before issue 14 left it: only an administrator
		// revives it.
		this.jdbc.sql("UPDATE outbox SET status = 'FAILED', attempts = 8 WHERE id = ?").param(legacy).update();
		holdBack();

		this.mvc.perform(post("/api/outbox/{id}/cancel", cancelled).with(user("analyst").roles("ANALYST")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/outbox/{id}/cancel", cancelled))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.admin_action").value("CANCEL"))
			.andExpect(jsonPath("$.admin_action_by").value("e2e"));
		this.mvc.perform(post("/api/outbox/{id}/cancel", cancelled)).andExpect(status().isConflict());
		this.mvc.perform(post("/api/outbox/{id}/resend", 999_999)).andExpect(status().isNotFound());

		smtp.start();
		this.mvc.perform(post("/api/outbox/resend-undelivered"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.resent").value(greaterThanOrEqualTo(1)));
		await().atMost(SOON)
			.untilAsserted(() -> assertThat(List.of(this.outbox.get(kept).status(), this.outbox.get(legacy).status()))
				.containsOnly("SENT"));
		assertThat(this.outbox.get(legacy).adminActionBy()).isEqualTo("e2e");
		Thread.sleep(1000);
		assertThat(this.outbox.get(cancelled).status()).as("a cancelled message is not retried").isEqualTo("CANCELLED");

		this.mvc.perform(post("/api/outbox/{id}/resend", cancelled))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.admin_action").value("RESEND"));
		await().atMost(SOON).until(() -> this.outbox.get(cancelled).status().equals("SENT"));
		this.mvc.perform(post("/api/outbox/{id}/resend", kept))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("delivered")));
		assertThat(receivedIds()).containsExactlyInAnyOrder(this.outbox.get(kept).messageId(),
				this.outbox.get(cancelled).messageId(), this.outbox.get(legacy).messageId());
	}

	@Test
	void theOutboxPageLetsAnAdministratorCancelAndResend() throws Exception {
		smtp.stop();
		long id = enqueue("page-cancel");
		holdBack();

		this.mvc.perform(post("/admin/outbox/{id}/cancel", id).with(user("analyst").roles("ANALYST")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/outbox/{id}/cancel", id)).andExpect(redirectedUrl("/outbox"));
		this.mvc.perform(get("/outbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CANCEL by e2e")))
			.andExpect(content().string(containsString("resend-" + id)));
		this.mvc.perform(get("/outbox").with(user("analyst").roles("ANALYST")))
			.andExpect(content().string(not(containsString("resend-" + id))));

		smtp.start();
		this.mvc.perform(post("/admin/outbox/{id}/resend", id)).andExpect(redirectedUrl("/outbox"));
		await().atMost(SOON).until(() -> this.outbox.get(id).status().equals("SENT"));
		this.mvc.perform(post("/admin/outbox/{id}/resend", id)).andExpect(redirectedUrl("/outbox"));
		this.mvc.perform(get("/outbox")).andExpect(content().string(containsString("SENT")));
		assertThat(receivedIds()).containsExactly(this.outbox.get(id).messageId());
	}

	@Test
	void healthIsDegradedWhileAMessageWaitsLongerThanTheLimitAndUpOnceItIsDelivered() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		smtp.stop();
		long id = enqueue("health");
		this.jdbc.sql("UPDATE outbox SET created_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(31))), id)
			.update();

		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("DEGRADED"))
			.andExpect(jsonPath("$.components.outbox.status").value("DEGRADED"))
			.andExpect(jsonPath("$.components.outbox.details.undelivered").value(1))
			.andExpect(jsonPath("$.components.outbox.details.oldest_undelivered_seconds")
				.value(greaterThanOrEqualTo(31 * 60)));
		this.mvc.perform(get("/actuator/health").with(anonymous()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.components").doesNotExist());

		smtp.start();
		await().atMost(SOON).until(() -> this.outbox.get(id).status().equals("SENT"));
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.outbox.status").value("UP"))
			.andExpect(jsonPath("$.components.outbox.details.undelivered").value(0));
	}

	private long enqueue(String name) {
		long id = this.outbox.enqueue(name, List.of(name + "@delivery.test"),
				new Digest("[Harbinger] " + name, "text", "<p>html</p>"));
		this.sender.wake();
		return id;
	}

	/**
	 * Puts every undelivered message's next attempt an hour away, so that none is being
	 * sent while a test acts.
	 */
	private void holdBack() {
		await().atMost(SOON).until(() -> {
			this.jdbc.sql("UPDATE outbox SET next_attempt_at = ? WHERE status = 'PENDING'")
				.param(Timestamp.from(Instant.now().plus(Duration.ofHours(1))))
				.update();
			return noneSending();
		});
	}

	private boolean noneSending() {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = 'SENDING'").query(Long.class).single() == 0;
	}

	private List<String> receivedIds() {
		return Arrays.stream(smtp.getReceivedMessages()).map((mail) -> {
			try {
				return mail.getMessageID();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
