package org.harbinger.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import did, as the API, the inbox's report file and the command line show it:
 * counts, progress, and the refused lines with their reasons (the first
 * {@code errors.size()} of {@code rejected}; all of them, with the raw rows, from
 * {@code /api/imports/{id}/rejected}). {@code beyondClock} of the rows stored are dated
 * after the event-time clock {@code clock}: stored and held, judged when the clock
 * reaches their day.
 */
public record ImportReport(long id, String file, String origin, String format, String status, int percent,
		long bytesRead, long fileSize, int committedLine, long accepted, long created, long amended, long unchanged,
		long deleted, long rejected, long beyondClock, LocalDate clock, Integer resumedAtLine, String message,
		List<LineError> errors) {

	/** One refused line. */
	public record LineError(int line, String reason) {
	}

	static ImportReport of(ImportJob job, List<ImportJobs.Rejected> rejected, long beyondClock, LocalDate clock) {
		int percent = job.finished() && job.status() == ImportJob.Status.DONE ? 100
				: (job.fileSize() > 0) ? (int) Math.min(99, 100 * job.bytesRead() / job.fileSize()) : 0;
		return new ImportReport(job.id(), job.fileName(), job.origin().name(), job.format(), job.status().name(),
				percent, job.bytesRead(), job.fileSize(), job.committedLine(), job.accepted(), job.created(),
				job.amended(), job.unchanged(), job.deleted(), job.rejected(), beyondClock, clock, job.resumedAtLine(),
				job.message(), rejected.stream().map((row) -> new LineError(row.line(), row.reason())).toList());
	}

}
