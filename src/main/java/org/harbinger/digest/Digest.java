package org.harbinger.digest;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.harbinger.engine.Severity;

/**
 * A rendered message, ready for the outbox: its HTML may show images inline by
 * {@code cid:}. {@code kind} ({@code digest}, {@code flash}, {@code silence-expired},
 * {@code rule-errors}, {@code acled-pull-failed}) and {@code lines} (one per alert) are
 * what a webhook's JSON and a chat message are built from (docs/integrations.md).
 */
record Digest(String subject, String text, String html, List<InlineImage> images, String kind, List<Line> lines) {

	Digest {
		images = List.copyOf(images);
		lines = List.copyOf(lines);
	}

	Digest(String subject, String text, String html, List<InlineImage> images) {
		this(subject, text, html, images, "notice", List.of());
	}

	Digest(String subject, String text, String html) {
		this(subject, text, html, List.of());
	}

	/** The same message, saying what it is and which alerts it is about. */
	Digest as(String kind, List<Line> lines) {
		return new Digest(this.subject, this.text, this.html, this.images, kind, lines);
	}

	/**
	 * One alert in a message: its step ({@code new}, {@code escalated from WARNING},
	 * {@code still open}) and its page.
	 */
	record Line(long alertId, String indicator, String title, String scope, Severity severity, String change,
			LocalDate date, String detail, String link) {
	}

	/** An image the HTML references as {@code cid:<contentId>}. */
	record InlineImage(String contentId, String contentType, byte[] data) {

		/**
		 * The part's file name: the Content-ID before its {@code @} (the composer makes
		 * it {@code attack-surge-AF.png}), with the extension of its type when it has
		 * none (rows queued by an older version: {@code trend-12}).
		 */
		String fileName() {
			String name = this.contentId.contains("@") ? this.contentId.substring(0, this.contentId.indexOf('@'))
					: this.contentId;
			String extension = "." + this.contentType.substring(this.contentType.indexOf('/') + 1);
			return name.toLowerCase(Locale.ROOT).endsWith(extension) ? name : name + extension;
		}

		String dataUri() {
			return "data:" + this.contentType + ";base64," + Base64.getEncoder().encodeToString(this.data);
		}

	}

	/**
	 * The HTML on its own, for a browser: each {@code cid:} image becomes a {@code data:}
	 * URI.
	 */
	String standaloneHtml() {
		String html = this.html;
		for (InlineImage image : this.images) {
			html = html.replace("cid:" + image.contentId(), image.dataUri());
		}
		return html;
	}

}
