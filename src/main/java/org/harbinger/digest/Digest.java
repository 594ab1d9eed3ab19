package org.harbinger.digest;

import java.util.Base64;
import java.util.List;

/** A rendered message, ready for the outbox: its HTML may show images inline by {@code cid:}. */
record Digest(String subject, String text, String html, List<InlineImage> images) {

	Digest {
		images = List.copyOf(images);
	}

	Digest(String subject, String text, String html) {
		this(subject, text, html, List.of());
	}

	/** An image the HTML references as {@code cid:<contentId>}. */
	record InlineImage(String contentId, String contentType, byte[] data) {

		String dataUri() {
			return "data:" + this.contentType + ";base64," + Base64.getEncoder().encodeToString(this.data);
		}

	}

	/** The HTML on its own, for a browser: each {@code cid:} image becomes a {@code data:} URI. */
	String standaloneHtml() {
		String html = this.html;
		for (InlineImage image : this.images) {
			html = html.replace("cid:" + image.contentId(), image.dataUri());
		}
		return html;
	}

}
