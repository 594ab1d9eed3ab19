package org.harbinger.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Watches the inbox folder ({@code harbinger.inbox.dir}): a file that has settled moves
 * to {@code processing/} and is imported through the same pipeline as an upload; then it
 * moves to {@code processed/} (the whole file was read, refused rows and all) or
 * {@code failed/}, with {@code NAME.report.json} beside it and, when rows were refused,
 * {@code NAME.rejected.csv} (or {@code .json}) to fix and drop in the inbox again. A
 * folder on this machine, so a local scheduler rather than Quartz, whose jobs may run on
 * any instance of a cluster.
 */
@Component
class InboxWatcher {

	private static final Logger logger = LoggerFactory.getLogger(InboxWatcher.class);

	static final String PROCESSING = "processing";

	private final InboxProperties properties;

	private final ImportQueue imports;

	private final ImportJobs jobs;

	private final JsonMapper json;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "harbinger-inbox");
		thread.setDaemon(true);
		return thread;
	});

	InboxWatcher(InboxProperties properties, ImportQueue imports, ImportJobs jobs, JsonMapper json) {
		this.properties = properties;
		this.imports = imports;
		this.jobs = jobs;
		this.json = json;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.properties.enabled()) {
			return;
		}
		logger.info("Watching {} for files to import", this.properties.dir().toAbsolutePath());
		this.timer.scheduleWithFixedDelay(() -> {
			try {
				poll(this.properties.dir());
			}
			catch (RuntimeException ex) {
				logger.warn("Inbox {}: {}", this.properties.dir(), ex.getMessage(), ex);
			}
		}, 0, this.properties.poll().toMillis(), TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	void stop() {
		this.timer.shutdownNow();
	}

	/** Imports every settled file in the folder, one after the other. */
	void poll(Path inbox) {
		try {
			Path processing = Files.createDirectories(inbox.resolve(PROCESSING));
			returnStranded(inbox, processing);
			Instant settled = Instant.now().minus(this.properties.settle());
			for (Path file : InboxFiles.entries(inbox)) {
				try {
					take(inbox, processing, file, settled);
				}
				catch (IOException ex) {
					// One entry that cannot be handled (it vanished, a folder is not
					// writable) stops no other.
					logger.warn("Inbox file {}: {}", file.getFileName(), ex.toString());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Imports a settled file, or files an entry that may not be imported in failed/. */
	private void take(Path inbox, Path processing, Path file, Instant settled) throws IOException {
		String refusal = InboxFiles.refusal(inbox, file);
		if (refusal != null) {
			refuse(inbox, file, refusal);
			return;
		}
		if (Files.getLastModifiedTime(file).toInstant().isAfter(settled)) {
			return;
		}
		Path taken = Files.move(file, processing.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
		this.imports.importFile(taken, ImportJob.Origin.INBOX, ImportQueue.Progress.NONE);
	}

	/**
	 * Files a stop left in processing/ before their import was registered go back to the
	 * inbox.
	 */
	private void returnStranded(Path inbox, Path processing) throws IOException {
		Set<String> claimed = this.jobs.unfinished().stream().map(ImportJob::path).collect(Collectors.toSet());
		for (Path file : InboxFiles.entries(processing)) {
			if (!claimed.contains(file.toAbsolutePath().toString())) {
				Files.move(file, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
			}
		}
	}

	/** Files the inbox brought in go to processed/ or failed/, with their report. */
	@EventListener
	void finished(ImportFinished finished) throws IOException {
		ImportJob job = finished.job();
		if (job.origin() != ImportJob.Origin.INBOX) {
			return;
		}
		Path file = Path.of(job.path());
		Path inbox = file.getParent().getParent();
		Path folder = Files
			.createDirectories(inbox.resolve((job.status() == ImportJob.Status.DONE) ? "processed" : "failed"));
		String name = InboxFiles.filedName(file, folder, job.id());
		if (Files.exists(file)) {
			Files.move(file, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
		}
		writeReport(folder, name, job);
		if (job.rejected() > 0) {
			try (Writer out = Files.newBufferedWriter(
					folder.resolve(name + (ImportQueue.json(job) ? ".rejected.json" : ".rejected.csv")),
					StandardCharsets.UTF_8)) {
				this.imports.writeRejected(job, out);
			}
		}
		logger.info("Inbox file {}: {}, {} rows stored, {} refused", name, job.status(), job.accepted(),
				job.rejected());
	}

	/**
	 * Files an entry that may not be imported in failed/, under a name that can be
	 * written, with its reason in the report and in the imports list (a failed import of
	 * no rows), so it is seen and never taken again.
	 */
	private void refuse(Path inbox, Path file, String reason) throws IOException {
		Path failed = Files.createDirectories(inbox.resolve("failed"));
		String shown = file.getFileName().toString();
		long id = this.jobs.create(shown, file.toAbsolutePath().toString(), ImportJob.Origin.INBOX, 0);
		String name = InboxFiles.filedName(file, failed, id);
		Files.move(file, failed.resolve(name), StandardCopyOption.ATOMIC_MOVE);
		this.jobs.finish(id, ImportJob.Status.FAILED, reason);
		writeReport(failed, name, this.jobs.find(id).orElseThrow());
		logger.warn("Inbox file {} {}; moved to {}", shown, reason, failed.resolve(name));
	}

	private void writeReport(Path folder, String name, ImportJob job) {
		this.json.writerWithDefaultPrettyPrinter()
			.writeValue(folder.resolve(name + ".report.json").toFile(), this.imports.report(job));
	}

}
