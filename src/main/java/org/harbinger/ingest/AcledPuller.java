package org.harbinger.ingest;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;

/**
 * Pulls from ACLED's API, one pull at a time. A pull is an import: it has an import job
 * (origin ACLED) from its start, downloads its pages into the spool folder
 * ({@link AcledDownload}), then hands the file to the one import pipeline, so validation,
 * the report, the quarantine, progress and restarts are those of any file. The cursor is
 * in the database ({@link AcledPulls}): it moves only when a pull's import is done, and a
 * pull a stop interrupted goes on from its next page (downloading) or its last committed
 * line (importing). A failed pull is on its import job and told as
 * {@link AcledPullFailed}.
 */
@Service
public class AcledPuller {

	private static final Logger logger = LoggerFactory.getLogger(AcledPuller.class);

	private final AcledProperties properties;

	private final AcledPulls pulls;

	private final ImportJobs jobs;

	private final ImportQueue imports;

	private final IngestProperties ingest;

	private final IncidentFields fields;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private final ExecutorService thread = Executors.newSingleThreadExecutor((task) -> {
		Thread pull = new Thread(task, "harbinger-acled");
		pull.setDaemon(true);
		return pull;
	});

	private final Map<Long, CompletableFuture<ImportReport>> waiting = new ConcurrentHashMap<>();

	/** The import job of the pull under way; null when none is. */
	private Long running;

	AcledPuller(AcledProperties properties, AcledPulls pulls, ImportJobs jobs, ImportQueue imports,
			IngestProperties ingest, IncidentFields fields, JsonMapper json, ApplicationEventPublisher events) {
		this.properties = properties;
		this.pulls = pulls;
		this.jobs = jobs;
		this.imports = imports;
		this.ingest = ingest;
		this.fields = fields;
		this.json = json;
		this.events = events;
	}

	/**
	 * A pull handed to the pull thread, or the one already under way
	 * ({@code alreadyRunning}).
	 */
	public record Started(long importId, boolean alreadyRunning, CompletableFuture<ImportReport> report) {
	}

	/**
	 * What a pull would store: rows read, valid and refused (the first reasons),
	 * deletions. Nothing is stored.
	 */
	public record DryRun(String asked, long rows, long valid, long deletions, long refused,
			List<ImportReport.LineError> errors) {
	}

	/** No credentials: a pull cannot be made. */
	public static final class NotConfiguredException extends RuntimeException {

		NotConfiguredException() {
			super("ACLED is not connected: set harbinger.acled.username and harbinger.acled.password "
					+ "(or ACLED_USERNAME and ACLED_PASSWORD)");
		}

	}

	public boolean configured() {
		return this.properties.configured();
	}

	/**
	 * Starts a pull: the changes since the cursor, or, with {@code since} or before any
	 * pull finished, the events dated from {@code since} (the setting, else a year ago)
	 * to today.
	 */
	public Started pull(LocalDate since) {
		return pull(this.properties, since);
	}

	synchronized Started pull(AcledProperties settings, LocalDate since) {
		if (!settings.configured()) {
			throw new NotConfiguredException();
		}
		if (this.running != null) {
			CompletableFuture<ImportReport> report = this.waiting.get(this.running);
			return new Started(this.running, true, (report != null) ? report : new CompletableFuture<>());
		}
		AcledPulls.Pull plan = plan(settings, since);
		Path spool = this.ingest.spoolDir().resolve("acled-" + UUID.randomUUID() + ".jsonl").toAbsolutePath();
		long importId = this.jobs.create(describe(plan), spool.toString(), ImportJob.Origin.ACLED, -1);
		this.pulls.create(importId, plan.kind(), plan.countries(), plan.since(), plan.until(), plan.fromTimestamp(),
				plan.fromDeleted());
		return submit(settings, this.pulls.byImport(importId).orElseThrow(), spool);
	}

	/**
	 * Downloads and validates what a pull would, storing nothing and leaving the cursor.
	 */
	public DryRun dryRun(LocalDate since) throws IOException, InterruptedException {
		return dryRun(this.properties, since);
	}

	DryRun dryRun(AcledProperties settings, LocalDate since) throws IOException, InterruptedException {
		if (!settings.configured()) {
			throw new NotConfiguredException();
		}
		AcledPulls.Pull plan = plan(settings, since);
		Path spool = Files.createTempFile("acled-dry-run-", ".jsonl");
		try {
			new AcledDownload(new AcledClient(settings, this.http, this.json), this.json, settings.pageSize()).run(plan,
					spool, AcledDownload.Checkpoint.NONE);
			long rows = 0, valid = 0, deletions = 0;
			List<ImportReport.LineError> errors = new ArrayList<>();
			try (Reader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
				RecordReader reader = RecordReader.openAcled(in, this.fields, this.ingest.maxRecordChars());
				for (RecordReader.Item item = reader.next(); item != null; item = reader.next()) {
					rows++;
					if (item instanceof RecordReader.Good) {
						valid++;
					}
					else if (item instanceof RecordReader.Deletion) {
						deletions++;
					}
					else {
						errors
							.add(new ImportReport.LineError(item.line(), (item instanceof RecordReader.Refused refused)
									? refused.reason() : ((RecordReader.Broken) item).reason()));
					}
				}
			}
			return new DryRun(describe(plan), rows, valid, deletions, errors.size(),
					errors.subList(0, Math.min(errors.size(), ImportQueue.REPORTED_ERRORS)));
		}
		finally {
			Files.deleteIfExists(spool);
		}
	}

	/** What the next pull asks for, as a pull that has not started. */
	private AcledPulls.Pull plan(AcledProperties settings, LocalDate since) {
		Optional<AcledPulls.Cursor> cursor = this.pulls.cursor();
		if (since == null && cursor.isPresent()) {
			long overlap = settings.overlap().toSeconds();
			return new AcledPulls.Pull(0, 0, AcledPulls.Kind.CHANGES, AcledPulls.Status.DOWNLOADING,
					settings.countries(), null, null, cursor.get().timestamp() - overlap,
					cursor.get().deleted() - overlap, AcledPulls.Phase.EVENTS, 1, 0, 0, null, null);
		}
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate from = (since != null) ? since : (settings.since() != null) ? settings.since() : today.minusYears(1);
		return new AcledPulls.Pull(0, 0, cursor.isPresent() ? AcledPulls.Kind.RELOAD : AcledPulls.Kind.FIRST,
				AcledPulls.Status.DOWNLOADING, settings.countries(), from, today, null,
				from.toEpochSecond(LocalTime.MIN, ZoneOffset.UTC), AcledPulls.Phase.EVENTS, 1, 0, 0, null, null);
	}

	private static String describe(AcledPulls.Pull plan) {
		String where = plan.countries().isEmpty() ? "every country" : String.join(", ", plan.countries());
		String what = (plan.fromTimestamp() != null) ? "changes since " + Instant.ofEpochSecond(plan.fromTimestamp())
				: "events " + plan.since() + " to " + plan.until();
		String name = "ACLED " + what + ", " + where;
		return (name.length() <= 900) ? name : name.substring(0, 899) + "…";
	}

	private Started submit(AcledProperties settings, AcledPulls.Pull pull, Path spool) {
		this.running = pull.importId();
		CompletableFuture<ImportReport> report = new CompletableFuture<>();
		this.waiting.put(pull.importId(), report);
		this.thread.execute(() -> download(settings, pull, spool));
		return new Started(pull.importId(), false, report);
	}

	private void download(AcledProperties settings, AcledPulls.Pull pull, Path spool) {
		long id = pull.importId();
		try {
			Files.createDirectories(spool.getParent());
			AcledPulls.Pull from = (pull.spoolBytes() > 0 && !Files.exists(spool)) ? restart(pull) : pull;
			long rows = new AcledDownload(new AcledClient(settings, this.http, this.json), this.json,
					settings.pageSize())
				.run(from, spool, (phase, nextPage, bytes, read, maxTimestamp, maxDeleted) -> {
					this.pulls.downloaded(pull.id(), phase, nextPage, bytes, read, maxTimestamp, maxDeleted);
					this.jobs.note(id, "downloading from ACLED: " + read + " rows so far, next "
							+ phase.name().toLowerCase() + " page " + nextPage);
				});
			this.pulls.status(pull.id(), AcledPulls.Status.IMPORTING);
			this.jobs.sized(id, Files.size(spool), "downloaded " + rows + " rows from ACLED");
			finished(id, this.imports.importSpooled(id, spool).report().join());
		}
		catch (InterruptedException ex) {
			// A shutdown: the pull stays DOWNLOADING, and the next start goes on from its
			// next page.
			logger.info("ACLED pull {} stopped by a shutdown; it goes on at the next start", id);
			Thread.currentThread().interrupt();
		}
		catch (IOException | RuntimeException ex) {
			String why = NestedExceptionUtils.getMostSpecificCause(ex).getMessage();
			logger.warn("ACLED pull {} failed: {}", id, why);
			this.jobs.finish(id, ImportJob.Status.FAILED, "the pull from ACLED failed: " + why
					+ ". Nothing of this pull is stored; the next pull asks again from the same point");
			ImportJob job = this.jobs.find(id).orElseThrow();
			this.events.publishEvent(new ImportFinished(job));
			ImportQueue.delete(spool);
			finished(id, this.imports.report(job));
		}
	}

	/** A pull whose spool file is gone starts its download again. */
	private static AcledPulls.Pull restart(AcledPulls.Pull pull) {
		return new AcledPulls.Pull(pull.id(), pull.importId(), pull.kind(), pull.status(), pull.countries(),
				pull.since(), pull.until(), pull.fromTimestamp(), pull.fromDeleted(), AcledPulls.Phase.EVENTS, 1, 0, 0,
				null, null);
	}

	private void finished(long id, ImportReport report) {
		CompletableFuture<ImportReport> waiter = this.waiting.remove(id);
		if (waiter != null) {
			waiter.complete(report);
		}
	}

	/**
	 * A pull's import ended (at once, or after a restart resumed it): the pull is DONE
	 * and moves the cursor, or FAILED and is told.
	 */
	@EventListener
	void on(ImportFinished finished) {
		ImportJob job = finished.job();
		if (job.origin() != ImportJob.Origin.ACLED) {
			return;
		}
		this.pulls.byImport(job.id()).ifPresent((pull) -> {
			boolean done = job.status() == ImportJob.Status.DONE;
			this.pulls.finish(pull.id(), done ? AcledPulls.Status.DONE : AcledPulls.Status.FAILED,
					Instant.now().getEpochSecond());
			if (!done) {
				this.events.publishEvent(new AcledPullFailed(job.id(), job.message(), Instant.now()));
			}
		});
		synchronized (this) {
			if (this.running != null && this.running == job.id()) {
				this.running = null;
			}
		}
	}

	/** After a stop: pulls that were downloading go on from their next page. */
	@EventListener(ApplicationReadyEvent.class)
	void resumeDownloads() {
		if (this.ingest.resumeOnStart()) {
			resume(this.properties);
		}
	}

	synchronized void resume(AcledProperties settings) {
		for (AcledPulls.Pull pull : this.pulls.downloading()) {
			ImportJob job = this.jobs.find(pull.importId()).orElseThrow();
			if (job.finished() || this.running != null || !settings.configured()) {
				if (!job.finished()) {
					this.jobs.finish(job.id(), ImportJob.Status.FAILED, (this.running != null)
							? "interrupted by a stop while downloading, and another pull is under way: the next pull asks again"
							: "interrupted by a stop while downloading, and ACLED's credentials are no longer set");
				}
				this.on(new ImportFinished(this.jobs.find(job.id()).orElseThrow()));
				continue;
			}
			logger.info("Resuming ACLED pull {} at {} page {}", job.id(), pull.phase().name().toLowerCase(),
					pull.nextPage());
			submit(settings, pull, Path.of(job.path()));
		}
	}

	/**
	 * The connector as the imports view shows it: whether it is connected, the latest
	 * pull's import ({@code null} before the first) and what the next pull asks for.
	 */
	public record Status(boolean configured, ImportReport latest, String next) {
	}

	public Status status() {
		ImportReport latest = this.pulls.latest()
			.flatMap((pull) -> this.jobs.find(pull.importId()))
			.map(this.imports::summary)
			.orElse(null);
		return new Status(configured(), latest, configured() ? describe(plan(this.properties, null)) : null);
	}

	@PreDestroy
	void stop() {
		this.thread.shutdownNow();
	}

}
