package org.harbinger.ingest;

import java.time.Instant;

/**
 * One import of one file, as it runs and after: where the file came from, how far the
 * committed batches reach, and what they did. {@code committedLine} is the last line
 * whose outcome (stored or refused) is committed; after a restart the import goes on from
 * there.
 */
public record ImportJob(long id, String fileName, String path, Origin origin, long fileSize, String format,
		String header, Status status, long bytesRead, int committedLine, long created, long amended, long unchanged,
		long deleted, long rejected, Integer resumedAtLine, String message, Instant createdAt, Instant finishedAt) {

	/** How the file came in; ACLED: the pages a pull downloaded from ACLED's API. */
	public enum Origin {

		UPLOAD, CLI, INBOX, DEMO, ACLED

	}

	/**
	 * QUEUED until it starts; DONE when the whole file was read, even with refused rows;
	 * FAILED otherwise.
	 */
	public enum Status {

		QUEUED, RUNNING, DONE, FAILED

	}

	/** Rows stored or confirmed: new, amended, and re-sent unchanged. */
	public long accepted() {
		return this.created + this.amended + this.unchanged;
	}

	public boolean finished() {
		return this.status == Status.DONE || this.status == Status.FAILED;
	}

}
