package org.harbinger.digest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Posts an outbox message that does not go by email to its subscription's url, read when
 * it is sent (so a rotated secret or a moved receiver takes effect at the next attempt).
 * Every request carries {@code Idempotency-Key} (the message's Message-ID, the same on
 * every attempt); a webhook's also {@code X-Harbinger-Timestamp} and
 * {@code X-Harbinger-Signature:
 * sha256=<hex>}, the HMAC-SHA256 of {@code <timestamp>.<body>} under its secret. A 2xx
 * answer delivers it; anything else is an attempt that failed, retried by the outbox's
 * back-off. Errors never quote the url (Slack's and Teams' carry their token) nor the
 * secret.
 */
@Component
class WebhookSender {

	static final String SIGNATURE = "X-Harbinger-Signature";

	static final String TIMESTAMP = "X-Harbinger-Timestamp";

	/** The longest piece of a receiver's answer kept as the error. */
	private static final int QUOTED = 200;

	private final Subscriptions subscriptions;

	private final MailProperties properties;

	private final HttpClient http;

	WebhookSender(Subscriptions subscriptions, MailProperties properties) {
		this.subscriptions = subscriptions;
		this.properties = properties;
		this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
	}

	/** Posts the message; returns where it went, as the outbox may show it. */
	String deliver(OutboxMessage message) throws IOException, InterruptedException {
		Subscription subscription = this.subscriptions.find(message.subscription())
			.orElseThrow(() -> new IOException("subscription '" + message.subscription()
					+ "' no longer exists: add it back, or cancel the message"));
		Delivery delivery = subscription.delivery();
		if (delivery.channel() != message.channel()) {
			throw new IOException(
					"subscription '" + message.subscription() + "' now delivers by " + delivery.channel().word()
							+ ", this message was made for " + message.channel().word() + ": cancel it");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(delivery.url())
			.timeout(this.properties.readTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Harbinger")
			.header("Idempotency-Key", message.messageId())
			.POST(HttpRequest.BodyPublishers.ofString(message.json(), StandardCharsets.UTF_8));
		if (delivery.channel() == Delivery.Channel.WEBHOOK) {
			String timestamp = String.valueOf(Instant.now().getEpochSecond());
			request.header(TIMESTAMP, timestamp)
				.header(SIGNATURE, "sha256=" + sign(delivery.secret(), timestamp, message.json()));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			String answer = response.body().strip();
			throw new IOException(delivery.channel().word() + " answered " + response.statusCode()
					+ (answer.isEmpty() ? "" : ": " + answer.substring(0, Math.min(QUOTED, answer.length()))));
		}
		return delivery.target();
	}

	/** HMAC-SHA256 of {@code timestamp.body} under the secret, in lower-case hex. */
	static String sign(String secret, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
		}
	}

}
