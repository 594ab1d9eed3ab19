package org.harbinger.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.harbinger.incident.IncidentService;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one import pipeline, whichever way a file came in: read a record at a time,
 * validate and normalise it, store good rows and refused ones in batches, one transaction
 * each, with the job's progress in the same transaction; the engine is told after each
 * commit. Reading and storing overlap on two threads. Memory stays flat: one batch being
 * read, at most {@value #BATCHES_AHEAD} read and waiting to be stored, one being stored,
 * and at most {@value #BATCHES_AHEAD} stored and waiting for the engine.
 */
@Component
class ImportPipeline {

	private static final Logger logger = LoggerFactory.getLogger(ImportPipeline.class);

	/** Batches stored but not yet evaluated before reading waits for the engine. */
	private static final int BATCHES_AHEAD = 2;

	private final IncidentFields fields;

	private final IncidentService incidents;

	private final ImportJobs jobs;

	private final TransactionTemplate transaction;

	private final IngestProperties properties;

	private final ExecutorService readers = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "harbinger-reader");
		thread.setDaemon(true);
		return thread;
	});

	ImportPipeline(IncidentFields fields, IncidentService incidents, ImportJobs jobs,
			PlatformTransactionManager transactions, IngestProperties properties) {
		this.fields = fields;
		this.incidents = incidents;
		this.jobs = jobs;
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
	}

	/**
	 * Imports the file of a job, from the start or, for a job a stop interrupted, after
	 * its last committed line. Returns the job as it ended.
	 */
	ImportJob run(long id, InputStream file, ImportQueue.Progress progress) {
		ImportJob job = this.jobs.find(id).orElseThrow();
		Integer resumeAfter = (job.status() == ImportJob.Status.RUNNING) ? job.committedLine() : null;
		Deque<CompletableFuture<Void>> evaluating = new ArrayDeque<>();
		CountingStream counted = new CountingStream(file);
		int line = 0;
		try (Reader in = new InputStreamReader(counted, StandardCharsets.UTF_8)) {
			RecordReader source;
			try {
				// What a pull spooled is ACLED's own rows, whatever their content looks
				// like.
				source = (job.origin() == ImportJob.Origin.ACLED)
						? RecordReader.openAcled(in, this.fields, this.properties.maxRecordChars())
						: RecordReader.open(in, job.fileName(), this.fields, this.properties.maxRecordChars());
			}
			catch (RecordReader.HeaderException ex) {
				this.transaction.executeWithoutResult((status) -> {
					this.jobs.reject(id, List.of(new ImportJobs.Rejected(1, ex.getMessage(), ex.raw())));
					this.jobs.progress(id, new ImportJobs.Progress(counted.count(), 1, 0, 0, 0, 0, 1));
				});
				this.jobs.finish(id, ImportJob.Status.FAILED, "line 1: " + ex.getMessage());
				return this.jobs.find(id).orElseThrow();
			}
			this.jobs.start(id, source.format().name(), source.header(), resumeAfter);
			BlockingQueue<Read> reads = new ArrayBlockingQueue<>(BATCHES_AHEAD);
			Future<?> reading = this.readers.submit(() -> read(source, resumeAfter, counted, reads));
			String broken = null;
			try {
				long rows = 0;
				for (Read read = reads.take(); true; read = reads.take()) {
					line = read.line();
					if (read.failure() != null) {
						throw read.failure();
					}
					rows += commit(id, source, read.batch(), read.bytesRead(), evaluating);
					progress.committed(read.bytesRead(), rows);
					if (read.last()) {
						broken = read.batch().broken;
						break;
					}
				}
			}
			finally {
				reading.cancel(true);
			}
			while (!evaluating.isEmpty()) {
				evaluating.poll().get();
			}
			if (broken != null) {
				this.jobs.finish(id, ImportJob.Status.FAILED, broken + ". What came before it is stored; fix the file "
						+ "and import it again (records already stored come back unchanged)");
			}
			else {
				this.jobs.finish(id, ImportJob.Status.DONE, null);
			}
		}
		catch (InterruptedException ex) {
			// A shutdown: the job stays RUNNING, so the next start resumes it after the
			// last committed batch.
			logger.info("Import {} stopped by a shutdown at line {}; it resumes on the next start", id, line);
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			logger.warn("Import {}: the engine failed to evaluate a batch; its incidents are stored", id,
					ex.getCause());
			this.jobs.finish(id, ImportJob.Status.DONE, "the engine failed on a batch (" + ex.getCause().getMessage()
					+ "); every row is stored, and the engine rebuilds from the database");
		}
		catch (IOException | RuntimeException ex) {
			int committed = this.jobs.find(id).map(ImportJob::committedLine).orElse(0);
			logger.warn("Import {} stopped at line {}", id, line, ex);
			this.jobs.finish(id, ImportJob.Status.FAILED,
					"stopped at line " + line + ": " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage()
							+ ". Lines up to " + committed
							+ " are stored, the rest are not: import the file again to finish (a row already stored is "
							+ "recognised, never doubled)");
		}
		return this.jobs.find(id).orElseThrow();
	}

	/**
	 * Reads and validates on a thread of its own while the import thread stores, handing
	 * over full batches through a short queue: the two halves overlap, and memory stays
	 * bounded.
	 */
	private void read(RecordReader source, Integer resumeAfter, CountingStream counted, BlockingQueue<Read> reads) {
		int line = 0;
		try {
			ImportBatch batch = new ImportBatch();
			for (RecordReader.Item item = source.next(); item != null; item = source.next()) {
				line = item.line();
				if (resumeAfter != null && line <= resumeAfter) {
					continue;
				}
				batch.add(item);
				if (batch.broken != null) {
					break;
				}
				if (batch.size() >= this.properties.batchSize()) {
					reads.put(new Read(batch, counted.count(), line, false, null));
					batch = new ImportBatch();
				}
			}
			reads.put(new Read(batch, counted.count(), line, true, null));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			reads.offer(new Read(null, 0, line, true, ex));
		}
	}

	/**
	 * What the reading thread hands over: a batch and how far the file is read, or why
	 * reading stopped.
	 */
	private record Read(ImportBatch batch, long bytesRead, int line, boolean last, RuntimeException failure) {
	}

	/**
	 * Stores one batch; when the database refuses it, each row alone, so one bad row
	 * cannot sink the others.
	 */
	private long commit(long id, RecordReader source, ImportBatch batch, long bytesRead,
			Deque<CompletableFuture<Void>> evaluating) throws InterruptedException, ExecutionException {
		if (Thread.currentThread().isInterrupted()) {
			throw new InterruptedException();
		}
		if (batch.size() == 0) {
			return 0;
		}
		try {
			evaluating.add(this.transaction.execute((status) -> store(id, source, batch, bytesRead)));
		}
		catch (DataAccessException ex) {
			logger.info("Import {}: the database refused a batch ({}); storing its rows one at a time", id,
					NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
			evaluating.add(storeOneByOne(id, source, batch, bytesRead));
		}
		while (evaluating.size() > BATCHES_AHEAD) {
			evaluating.poll().get();
		}
		return batch.size();
	}

	/**
	 * Stores a batch in the caller's transaction: rows, deletions, refusals and the job's
	 * progress together.
	 */
	private CompletableFuture<Void> store(long id, RecordReader source, ImportBatch batch, long bytesRead) {
		IncidentService.Outcome outcome = this.incidents.write(batch.rows,
				batch.deletions.stream().map(RecordReader.Deletion::key).toList(), id);
		List<ImportJobs.Rejected> rejected = new ArrayList<>(batch.refused);
		outcome.duplicates()
			.forEach((duplicate) -> rejected.add(new ImportJobs.Rejected(duplicate.row().line(),
					"event_id_cnty: '" + duplicate.row().incident().eventId() + "' of feed '"
							+ duplicate.row().incident().source() + "' is already "
							+ ((source.format() == RecordReader.Format.JSON) ? "element " : "on line ")
							+ duplicate.firstLine() + " of this file",
					batch.raws.get(duplicate.row().line()).get())));
		rejected.sort(Comparator.comparingInt(ImportJobs.Rejected::line));
		this.jobs.reject(id, rejected);
		this.jobs.progress(id, new ImportJobs.Progress(bytesRead, batch.committedLine, outcome.created(),
				outcome.amended(), outcome.unchanged(), outcome.deleted(), rejected.size()));
		return outcome.evaluated();
	}

	/**
	 * Stores each record of a refused batch in a transaction of its own, the refusals and
	 * the batch's last line last: a stop in between repeats rows already stored, which
	 * are then recognised as the same line of the same import, not as duplicates.
	 */
	private CompletableFuture<Void> storeOneByOne(long id, RecordReader source, ImportBatch batch, long bytesRead) {
		List<CompletableFuture<Void>> evaluated = new ArrayList<>();
		ImportBatch last = new ImportBatch();
		last.refused.addAll(batch.refused);
		last.committedLine = batch.committedLine;
		for (ImportBatch single : batch.singles()) {
			try {
				evaluated.add(this.transaction.execute((status) -> store(id, source, single, bytesRead)));
			}
			catch (DataAccessException ex) {
				last.refused.add(new ImportJobs.Rejected(single.lastLine,
						"the database refused it: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage(),
						single.raws.get(single.lastLine).get()));
			}
		}
		evaluated.add(this.transaction.execute((status) -> store(id, source, last, bytesRead)));
		return CompletableFuture.allOf(evaluated.toArray(CompletableFuture[]::new));
	}

	@PreDestroy
	void stop() {
		this.readers.shutdownNow();
	}

}
