package org.harbinger.digest;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

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

		/**
		 * The part's file name: the Content-ID before its {@code @} (the composer makes it
		 * {@code attack-surge-AF.png}), with the extension of its type when it has none (rows
		 * queued by an older version: {@code trend-12}).
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

	/** The HTML on its own, for a browser: each {@code cid:} image becomes a {@code data:} URI. */
	String standaloneHtml() {
		String html = this.html;
		for (InlineImage image : this.images) {
			html = html.replace("cid:" + image.contentId(), image.dataUri());
		}
		return html;
	}

}
