package org.harbinger.digest;

import java.util.List;

import org.harbinger.system.PublicUrl;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The body a message is posted with when it does not go by email: Harbinger's own JSON
 * for a webhook, {@code {"text": ...}} in Slack's mrkdwn for Slack, an Adaptive Card for
 * Teams (docs/integrations.md has an example of each). Built once, when the message is
 * queued, so every attempt posts the same bytes.
 */
@Component
class ChannelBodies {

	/** The alerts a chat message lists; the rest are a link away. */
	static final int MAX_CHAT_LINES = 30;

	/** The longest plain text a chat message quotes (a rule-error notice). */
	private static final int MAX_CHAT_TEXT = 3000;

	// Harbinger's JSON is snake_case as its API is; written by hand so the shape is the
	// documented one.
	private final JsonMapper json = JsonMapper.builder().build();

	private final PublicUrl publicUrl;

	ChannelBodies(PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
	}

	String body(Delivery.Channel channel, String subscription, String messageId, Digest digest) {
		return switch (channel) {
			case WEBHOOK -> webhook(subscription, messageId, digest);
			case SLACK -> slack(digest);
			case TEAMS -> teams(digest);
			case EMAIL -> throw new IllegalArgumentException("email has no request body");
		};
	}

	private String webhook(String subscription, String messageId, Digest digest) {
		ObjectNode body = this.json.createObjectNode();
		body.put("id", messageId);
		body.put("type", digest.kind());
		body.put("subscription", subscription);
		body.put("subject", digest.subject());
		body.put("harbinger", this.publicUrl.get());
		ArrayNode alerts = body.putArray("alerts");
		for (Digest.Line line : digest.lines()) {
			ObjectNode alert = alerts.addObject();
			alert.put("alert_id", line.alertId());
			alert.put("indicator", line.indicator());
			alert.put("title", line.title());
			alert.put("scope", line.scope());
			alert.put("severity", line.severity().name());
			alert.put("change", line.change());
			alert.put("date", line.date().toString());
			alert.put("detail", line.detail());
			alert.put("link", line.link());
		}
		body.put("text", digest.text());
		return this.json.writeValueAsString(body);
	}

	private String slack(Digest digest) {
		StringBuilder text = new StringBuilder("*").append(slackEscape(digest.subject())).append("*\n");
		if (digest.lines().isEmpty()) {
			text.append("```").append(slackEscape(shorten(digest.text()))).append("```\n");
		}
		for (Digest.Line line : shown(digest)) {
			text.append(DigestView.mark(line.severity()))
				.append(" *")
				.append(line.severity())
				.append("* <")
				.append(line.link())
				.append('|')
				.append(slackEscape(line.title() + " - " + line.scope()).replace('|', '/'))
				.append(">: ")
				.append(slackEscape(line.change()))
				.append(". ")
				.append(slackEscape(String.valueOf(line.detail())))
				.append('\n');
		}
		more(digest, text);
		text.append('<').append(this.publicUrl.get()).append("|Open Harbinger>");
		ObjectNode body = this.json.createObjectNode();
		body.put("text", text.toString());
		return this.json.writeValueAsString(body);
	}

	private String teams(Digest digest) {
		ObjectNode message = this.json.createObjectNode();
		message.put("type", "message");
		ObjectNode attachment = message.putArray("attachments").addObject();
		attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
		ObjectNode card = attachment.putObject("content");
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("type", "AdaptiveCard");
		card.put("version", "1.4");
		ArrayNode blocks = card.putArray("body");
		textBlock(blocks, digest.subject()).put("weight", "Bolder").put("size", "Medium");
		if (digest.lines().isEmpty()) {
			textBlock(blocks, shorten(digest.text())).put("fontType", "Monospace");
		}
		for (Digest.Line line : shown(digest)) {
			textBlock(blocks, DigestView.mark(line.severity()) + " **" + line.severity() + "** [" + line.title() + " - "
					+ line.scope() + "](" + line.link() + "): " + line.change() + ". " + line.detail());
		}
		StringBuilder more = new StringBuilder();
		more(digest, more);
		if (!more.isEmpty()) {
			textBlock(blocks, more.toString().strip());
		}
		ObjectNode open = card.putArray("actions").addObject();
		open.put("type", "Action.OpenUrl");
		open.put("title", "Open Harbinger");
		open.put("url", this.publicUrl.get());
		return this.json.writeValueAsString(message);
	}

	private static ObjectNode textBlock(ArrayNode blocks, String text) {
		ObjectNode block = blocks.addObject();
		block.put("type", "TextBlock");
		block.put("text", text);
		block.put("wrap", true);
		return block;
	}

	private static List<Digest.Line> shown(Digest digest) {
		return digest.lines().subList(0, Math.min(MAX_CHAT_LINES, digest.lines().size()));
	}

	private static void more(Digest digest, StringBuilder text) {
		int more = digest.lines().size() - MAX_CHAT_LINES;
		if (more > 0) {
			text.append("... and ").append(more).append(" more in Harbinger\n");
		}
	}

	private static String shorten(String text) {
		return (text.length() > MAX_CHAT_TEXT) ? text.substring(0, MAX_CHAT_TEXT) + "\n..." : text;
	}

	/**
	 * Slack reads &, < and > as markup: escaped as its docs say, so incident text cannot
	 * make links.
	 */
	static String slackEscape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
