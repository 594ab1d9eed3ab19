package org.harbinger.digest;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.harbinger.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/architecture.md, decision 6: an SMTP outage delays mail but never loses or
 * duplicates it.
 */
@EndToEndTest
class OutboxTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxDispatcher dispatcher;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anSmtpOutageDelaysTheDigestAndItIsSentOnceWhenTheServerIsBack() throws Exception {
		smtp.stop();
		long id = this.outbox.enqueue("outage-test", List.of("desk@analysis.test"),
				new Digest("[Harbinger] outage test", "text", "<p>html</p>"));

		this.dispatcher.dispatchDue();

		OutboxMessage failed = this.outbox.get(id);
		assertThat(failed.status()).isEqualTo("PENDING");
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.lastError()).isNotBlank();
		this.dispatcher.dispatchDue();
		assertThat(this.outbox.get(id).attempts()).as("not retried before its back-off").isEqualTo(1);

		smtp.start();
		this.jdbc.sql("UPDATE outbox SET next_attempt_at = created_at WHERE id = ?").param(id).update();
		this.dispatcher.dispatchDue();
		this.dispatcher.dispatchDue();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getMessageID()).isEqualTo(failed.messageId());
		assertThat(this.outbox.get(id).status()).isEqualTo("SENT");
		assertThat(this.outbox.get(id).deliveredTo()).isEqualTo("smtp");
	}

	@Test
	void backsOffExponentiallyUpToTheCapAndKeepsRetryingAtIt() {
		Duration hour = Duration.ofHours(1);
		assertThat(OutboxDispatcher.backoff(1, hour)).isEqualTo(Duration.ofMinutes(1));
		assertThat(OutboxDispatcher.backoff(3, hour)).isEqualTo(Duration.ofMinutes(4));
		assertThat(OutboxDispatcher.backoff(7, hour)).isEqualTo(hour);
		assertThat(OutboxDispatcher.backoff(1000, hour)).as("no attempt is the last").isEqualTo(hour);
		assertThat(OutboxDispatcher.backoff(2, Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(200));
	}

}
