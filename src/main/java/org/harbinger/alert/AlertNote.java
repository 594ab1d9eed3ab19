package org.harbinger.alert;

import java.time.Instant;

/**
 * What an analyst said about an alert, and who and when: an acknowledgement, or a comment
 * with its text.
 */
public record AlertNote(long id, long alertId, Kind kind, String author, String text, Instant createdAt) {

	/** An acknowledgement carries no text; a comment always does. */
	public enum Kind {

		ACKNOWLEDGED, COMMENT

	}

}
