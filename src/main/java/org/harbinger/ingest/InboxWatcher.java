package org.harbinger.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Watches the inbox folder ({@code harbinger.inbox.dir}): a file that has settled moves to
 * {@code processing/} and is imported through the same pipeline as an upload; then it moves
 * to {@code processed/} (the whole file was read, refused rows and all) or {@code failed/},
 * with {@code NAME.report.json} beside it and, when rows were refused,
 * {@code NAME.rejected.csv} (or {@code .json}) to fix and drop in the inbox again. A folder on this machine, so
 * a local scheduler rather than Quartz, whose jobs may run on any instance of a cluster.
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
			for (Path file : files(inbox)) {
				if (Files.getLastModifiedTime(file).toInstant().isAfter(settled)) {
					continue;
				}
				Path taken = Files.move(file, processing.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
				this.imports.importFile(taken, ImportJob.Origin.INBOX, ImportQueue.Progress.NONE);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Files a stop left in processing/ before their import was registered go back to the inbox. */
	private void returnStranded(Path inbox, Path processing) throws IOException {
		Set<String> claimed = this.jobs.unfinished().stream().map(ImportJob::path).collect(Collectors.toSet());
		for (Path file : files(processing)) {
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
		Path folder = Files.createDirectories(inbox.resolve((job.status() == ImportJob.Status.DONE) ? "processed" : "failed"));
		String name = file.getFileName().toString();
		if (Files.exists(folder.resolve(name))) {
			name = job.id() + "-" + name;
		}
		if (Files.exists(file)) {
			Files.move(file, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
		}
		this.json.writerWithDefaultPrettyPrinter()
			.writeValue(folder.resolve(name + ".report.json").toFile(), this.imports.report(job));
		if (job.rejected() > 0) {
			try (Writer out = Files.newBufferedWriter(folder.resolve(name + (ImportQueue.json(job) ? ".rejected.json" : ".rejected.csv")), StandardCharsets.UTF_8)) {
				this.imports.writeRejected(job, out);
			}
		}
		logger.info("Inbox file {}: {}, {} rows stored, {} refused", name, job.status(), job.accepted(), job.rejected());
	}

	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> listing = Files.list(folder)) {
			return listing.filter(Files::isRegularFile)
				.filter((path) -> !path.getFileName().toString().startsWith("."))
				.filter((path) -> !path.getFileName().toString().endsWith(".part")
						&& !path.getFileName().toString().endsWith(".tmp"))
				.sorted()
				.toList();
		}
	}

}
