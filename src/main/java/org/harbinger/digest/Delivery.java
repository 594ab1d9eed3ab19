package org.harbinger.digest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a subscription's messages go: email to its recipients (the default), or one HTTP
 * POST to {@code url}: a {@code webhook} (Harbinger's JSON, signed with {@code secret}),
 * or a {@code slack} or {@code teams} incoming webhook (their own message shapes).
 * Slack's and Teams' URLs carry their token, so they are secrets too: {@link #toString()}
 * and {@link #target()} never show them, nor the webhook's secret.
 */
public record Delivery(Channel channel, URI url, String secret) {

	/** Shown instead of a secret value in the API, the pages and the audit. */
	public static final String HIDDEN = "(hidden)";

	public static final Delivery EMAIL = new Delivery(Channel.EMAIL, null, null);

	/** How a message travels. */
	public enum Channel {

		EMAIL, WEBHOOK, SLACK, TEAMS;

		/**
		 * As written in subscriptions.yml: {@code email}, {@code webhook}, {@code slack},
		 * {@code teams}.
		 */
		public String word() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * Whether the URL itself is the credential (an incoming webhook's token is in its
		 * path).
		 */
		boolean urlIsSecret() {
			return this == SLACK || this == TEAMS;
		}

	}

	/**
	 * Where the messages go, as the outbox and its page may show it: never a token or
	 * secret.
	 */
	String target() {
		if (this.channel == Channel.EMAIL) {
			return "email";
		}
		String shown = this.channel.urlIsSecret() ? this.url.getScheme() + "://" + this.url.getHost() + "/" + HIDDEN
				: this.url.getScheme() + "://" + this.url.getAuthority().replaceAll("^.*@", "") + this.url.getPath();
		return this.channel.word() + " " + shown;
	}

	/**
	 * Whether a field of a subscription as written holds a credential, never shown: its
	 * {@code secret}, and the {@code url} of a Slack or Teams subscription.
	 */
	static boolean isSecret(Map<String, ?> written, String field) {
		if (field.equals("secret")) {
			return true;
		}
		Object channel = written.get("channel");
		return field.equals("url") && channel != null
				&& List.of("slack", "teams").contains(String.valueOf(channel).strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * The subscription's fields as written, each credential replaced by {@link #HIDDEN}.
	 */
	static Map<String, Object> hideSecrets(Map<String, Object> written) {
		Map<String, Object> shown = new LinkedHashMap<>();
		written
			.forEach((field, value) -> shown.put(field, (value != null && isSecret(written, field)) ? HIDDEN : value));
		return shown;
	}

	@Override
	public String toString() {
		return (this.channel == Channel.EMAIL) ? "Delivery[email]"
				: "Delivery[" + target() + ((this.secret != null) ? ", secret " + HIDDEN : "") + "]";
	}

}
