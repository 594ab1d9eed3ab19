package org.harbinger.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import org.harbinger.engine.EngineHost;
import org.harbinger.incident.IncidentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs imports one at a time on one thread, whichever way the file came in (upload,
 * command line, inbox, demo): the engine is single-threaded, so parallel imports would
 * only queue there. On start-up, imports that a stop interrupted go on after their last
 * committed batch when their file is still there, and are marked failed, saying how far
 * they got, when not.
 */
@Service
public class ImportQueue {

	private static final Logger logger = LoggerFactory.getLogger(ImportQueue.class);

	/** How many refused lines a report lists; the rest are in the quarantine. */
	static final int REPORTED_ERRORS = 100;

	private final ExecutorService thread = Executors.newSingleThreadExecutor((task) -> {
		Thread importThread = new Thread(task, "harbinger-import");
		importThread.setDaemon(true);
		return importThread;
	});

	private final ImportPipeline importer;

	private final ImportJobs jobs;

	private final IngestProperties properties;

	private final ApplicationEventPublisher events;

	private final IncidentRepository incidents;

	private final EngineHost engine;

	ImportQueue(ImportPipeline importer, ImportJobs jobs, IngestProperties properties, ApplicationEventPublisher events,
			IncidentRepository incidents, EngineHost engine) {
		this.importer = importer;
		this.incidents = incidents;
		this.engine = engine;
		this.jobs = jobs;
		this.properties = properties;
		this.events = events;
	}

	/** Hears how far an import has gone, after each committed batch. */
	public interface Progress {

		Progress NONE = (bytes, rows) -> {
		};

		void committed(long bytesRead, long rows);

	}

	/** Imports a file and waits for the end; the report lists the first refused lines. */
	public ImportReport importFile(Path file, ImportJob.Origin origin, Progress progress) {
		long id = this.jobs.create(file.getFileName().toString(), file.toAbsolutePath().toString(), origin, size(file));
		return run(id, () -> open(file), progress).join();
	}

	/** Imports a stream that is not a file of its own, such as a resource in the jar. */
	ImportReport importStream(String name, InputStream content, ImportJob.Origin origin) {
		long id = this.jobs.create(name, name, origin, 0);
		return run(id, () -> content, Progress.NONE).join();
	}

	/**
	 * Reads every record of a file with the CSV reader and nothing else: what parsing
	 * alone costs, the baseline of the import benchmark. Returns the number of records.
	 */
	public static long parse(Path file) throws IOException {
		try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
			CsvReader csv = new CsvReader(in, Integer.MAX_VALUE);
			long records = 0;
			while (csv.next() != null) {
				records++;
			}
			return records;
		}
	}

	/**
	 * Keeps an upload in the spool folder, so that a restart can resume it, and imports
	 * it.
	 */
	Submitted upload(String name, InputStream content) throws IOException {
		Files.createDirectories(this.properties.spoolDir());
		Path spooled = Files.createTempFile(this.properties.spoolDir(), "upload-", ".csv");
		try {
			Files.copy(content, spooled, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			delete(spooled);
			throw ex;
		}
		long id = this.jobs.create(name, spooled.toAbsolutePath().toString(), ImportJob.Origin.UPLOAD, size(spooled));
		return new Submitted(id, run(id, () -> open(spooled), Progress.NONE));
	}

	/**
	 * Imports a file already spooled for a job created for it (a pull's downloaded
	 * pages).
	 */
	Submitted importSpooled(long id, Path file) {
		return new Submitted(id, run(id, () -> open(file), Progress.NONE));
	}

	/** An import handed to the import thread. */
	record Submitted(long id, CompletableFuture<ImportReport> report) {
	}

	/**
	 * The refused records as they were, the file to fix and import again: a CSV file's
	 * rows under its header, a JSON file's elements in an array.
	 */
	void writeRejected(ImportJob job, Writer out) throws IOException {
		boolean json = json(job);
		if (json) {
			out.write('[');
		}
		else if (job.header() != null) {
			out.write(job.header());
			out.write('\n');
		}
		boolean[] first = { true };
		try {
			this.jobs.forEachRejected(job.id(), (row) -> {
				try {
					if (json) {
						out.write(first[0] ? "\n" : ",\n");
					}
					out.write(row.raw());
					if (!json) {
						out.write('\n');
					}
					first[0] = false;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		if (json) {
			out.write("\n]\n");
		}
		out.flush();
	}

	/** Whether the job read a JSON file, whose refused records are JSON elements. */
	static boolean json(ImportJob job) {
		return RecordReader.Format.JSON.name().equals(job.format())
				|| RecordReader.Format.ACLED_API.name().equals(job.format());
	}

	ImportReport report(ImportJob job) {
		return report(job, this.jobs.rejected(job.id(), REPORTED_ERRORS));
	}

	/** The report without its refused lines, for the list of imports. */
	ImportReport summary(ImportJob job) {
		return report(job, List.of());
	}

	private ImportReport report(ImportJob job, List<ImportJobs.Rejected> rejected) {
		LocalDate clock = this.engine.currentDay();
		return ImportReport.of(job, rejected, this.incidents.countImportedAfter(job.id(), clock), clock);
	}

	@EventListener(ApplicationReadyEvent.class)
	void resumeInterrupted() {
		if (!this.properties.resumeOnStart()) {
			return;
		}
		for (ImportJob job : this.jobs.unfinished()) {
			if (job.origin() == ImportJob.Origin.ACLED && job.fileSize() < 0) {
				// Still downloading its pages: the connector goes on with that
				// (AcledPuller).
				continue;
			}
			Path file = Path.of(job.path());
			if (Files.isRegularFile(file) && size(file) == job.fileSize()) {
				logger.info("Resuming import {} of {} after line {}", job.id(), job.fileName(), job.committedLine());
				run(job.id(), () -> open(file), Progress.NONE);
			}
			else {
				this.jobs.finish(job.id(), ImportJob.Status.FAILED,
						"interrupted by a stop after line " + job.committedLine() + ", and the file is no longer at "
								+ job.path() + " as it was: lines up to " + job.committedLine()
								+ " are stored, the rest are not; import the file again to finish");
				this.events.publishEvent(new ImportFinished(this.jobs.find(job.id()).orElseThrow()));
			}
		}
	}

	/**
	 * Interrupts a running import between two batches; it stays RUNNING and resumes on
	 * the next start.
	 */
	@PreDestroy
	void shutdown() throws InterruptedException {
		this.thread.shutdownNow();
		this.thread.awaitTermination(30, TimeUnit.SECONDS);
	}

	private CompletableFuture<ImportReport> run(long id, Supplier<InputStream> file, Progress progress) {
		return CompletableFuture.supplyAsync(() -> {
			ImportJob job;
			try (InputStream in = file.get()) {
				job = this.importer.run(id, in, progress);
			}
			catch (IOException | UncheckedIOException ex) {
				this.jobs.finish(id, ImportJob.Status.FAILED, "cannot read the file: " + ex.getMessage());
				job = this.jobs.find(id).orElseThrow();
			}
			if ((job.origin() == ImportJob.Origin.UPLOAD || job.origin() == ImportJob.Origin.ACLED) && job.finished()) {
				delete(Path.of(job.path()));
			}
			this.events.publishEvent(new ImportFinished(job));
			return report(job);
		}, this.thread);
	}

	private static InputStream open(Path file) {
		try {
			return Files.newInputStream(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes a spooled upload or ACLED download; one left behind is logged, not fatal.
	 */
	static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Cannot remove the spooled file {}: {}", file, ex.getMessage());
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<ImportJob> recent() {
		return this.jobs.recent(50);
	}

	/**
	 * The latest imports, newest first, as their reports without the refused lines: the
	 * dashboard's imports view.
	 */
	public List<ImportReport> recentReports() {
		return recent().stream().map(this::summary).toList();
	}

}
