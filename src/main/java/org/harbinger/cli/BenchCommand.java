package org.harbinger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.harbinger.engine.EngineHost;
import org.harbinger.ingest.ImportJob;
import org.harbinger.ingest.ImportReport;
import org.harbinger.ingest.ImportQueue;
import org.harbinger.incident.IncidentRepository;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench import}: generates (once) a synthetic ACLED file, times reading it with
 * the CSV reader alone, then imports it end to end (parse, validate, normalise, store in
 * a fresh H2 database, evaluate in the engine) with the clock on the file's last day, and
 * reports both rates, their ratio and the peak heap, sampled while each phase runs, and
 * the import's processor time by thread. {@code --warmup N} first imports an N-row file
 * of other incidents (other event ids) through the same service, as a service that has
 * imported before: the measured import then runs on compiled code, into a database and
 * engine already holding the warm-up's incidents. {@code --runs N} imports N files one
 * after the other, the same incidents under other event ids each time, and reports each
 * run and their median: single runs on a shared machine vary too much to judge a target
 * by one. {@code --database URL} imports into that empty database instead of a fresh H2
 * one (PostgreSQL, for production). {@code --timeline} prints, each second of each
 * measured import, the processors used and by which threads, which shows when the
 * compiler works and which thread bounds the rest.
 */
@Command(name = "bench", description = "Measure: import, surge, memory, peer, pages.",
		synopsisSubcommandLabel = "(import | surge | memory | peer | pages)")
final class BenchCommand {

	/** {@code bench import}: the options of one measurement. */
	@Command(name = "import",
			description = { "Measure the import: parse only, then end to end into a fresh H2 database,",
					"or the empty one at --database." },
			exitCodeListHeading = Cli.EXIT_CODES_HEADING,
			exitCodeList = { Cli.EXIT_OK, "2:the command line is wrong, or --database is not empty" })
	static final class Import implements Callable<Integer> {

		private final PrintStream out;

		private final PrintStream err;

		@Option(names = "--rows", paramLabel = "N", defaultValue = "1000000",
				description = "Rows (default: ${DEFAULT-VALUE}).")
		private long rows;

		@Option(names = "--years", paramLabel = "Y", defaultValue = "5",
				description = "Years (default: ${DEFAULT-VALUE}).")
		private int years;

		@Option(names = "--seed", paramLabel = "S", defaultValue = "1",
				description = "Seed (default: ${DEFAULT-VALUE}).")
		private long seed;

		@Option(names = "--dir", paramLabel = "DIR", defaultValue = "var/bench",
				description = "Where the generated files are kept (default: ${DEFAULT-VALUE}).")
		private Path dir;

		@Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
				description = "First import N rows of other incidents (default: ${DEFAULT-VALUE}).")
		private long warmup;

		@Option(names = "--runs", paramLabel = "N", defaultValue = "1",
				description = "Imports measured, each of new rows; their median (default: ${DEFAULT-VALUE}).")
		private int runs;

		@Option(names = "--database", paramLabel = "URL", description = "An empty database (JDBC URL) instead of H2.")
		private String database;

		@Option(names = "--timeline", description = "Print each second's processors used, by thread.")
		private boolean timeline;

		Import(PrintStream out, PrintStream err) {
			this.out = out;
			this.err = err;
		}

		@Override
		public Integer call() {
			if (this.runs < 1) {
				throw new UsageException("--runs must be at least 1");
			}
			return run(this.rows, this.years, this.seed, this.warmup, this.runs, this.dir, this.database,
					this.timeline ? this.out : null, this.out, this.err);
		}

	}

	BenchCommand() {
	}

	private static int run(long rows, int years, long seed, long warmup, int runs, Path dir, String database,
			PrintStream timeline, PrintStream out, PrintStream err) {
		LocalDate start = GenerateCommand.DEFAULT_START;
		LocalDate last = start.plusYears(years).minusDays(1);
		try {
			Files.createDirectories(dir);
			Path file = generated(dir, rows, years, seed, "", err);
			out.printf("File: %s, %,d rows, %,d MB; JVM max heap %,d MB, %d processors%n", file, rows,
					Files.size(file) >> 20, Runtime.getRuntime().maxMemory() >> 20,
					Runtime.getRuntime().availableProcessors());

			ProcessorUse.HeapSampler parseHeap = ProcessorUse.HeapSampler.start();
			long began = System.nanoTime();
			long records = ImportQueue.parse(file);
			double parseSeconds = (System.nanoTime() - began) / 1e9;
			long parsePeak = parseHeap.stop();
			double parseRate = records / parseSeconds;
			out.printf("Parse only:  %,d records in %.1f s = %,.0f rows/s, peak heap %,d MB%n", records, parseSeconds,
					parseRate, parsePeak >> 20);

			Path warmupFile = (warmup > 0) ? generated(dir, warmup, years, seed + 1, "W", err) : null;
			// Every run imports the same incidents under other event ids: new rows each
			// time, equal work.
			List<Path> files = new ArrayList<>(List.of(file));
			for (int run = 2; run <= runs; run++) {
				files.add(generated(dir, rows, years, seed, "R" + run, err));
			}
			List<Double> rates = new ArrayList<>();
			importInto(dir, database, warmupFile, files, last, err, out, timeline, (context, run, measured) -> {
				double importRate = measured.rows() / measured.seconds();
				rates.add(importRate);
				out.printf(
						"End to end:  %s%,d rows stored, %,d refused in %.1f s = %,.0f rows/s, peak heap %,d MB "
								+ "(%,d incidents in the engine's window up to %s)%n",
						(runs > 1) ? "run " + run + ": " : "", measured.report().accepted(),
						measured.report().rejected(), measured.seconds(), importRate, measured.peakHeap() >> 20,
						context.getBean(EngineHost.class).heldIncidents(), last);
				out.printf(
						"CPU:         %.1f s of processor time during the import (%.0f%% of one core over its wall time)%n",
						measured.cpu(), 100 * measured.cpu() / measured.seconds());
				out.println("             by thread: " + measured.threads());
			});
			double importRate = median(rates);
			if (runs > 1) {
				DoubleSummaryStatistics spread = rates.stream().mapToDouble(Double::doubleValue).summaryStatistics();
				out.printf("Median:      %,.0f rows/s over %d runs (%,.0f to %,.0f)%n", importRate, runs,
						spread.getMin(), spread.getMax());
			}
			out.printf("Ratio:       end to end runs at %.0f%% of the parse-only rate (%.1fx slower)%n",
					100 * importRate / parseRate, parseRate / importRate);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return 0;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/** The synthetic file of these arguments, generated the first time. */
	static Path generated(Path dir, long rows, int years, long seed, String idPrefix, PrintStream err)
			throws IOException {
		Path file = dir.resolve(idPrefix + "acled-" + rows + "-" + years + "y-seed" + seed + ".csv");
		if (!Files.exists(file)) {
			err.println("Generating " + file + " ...");
			GenerateCommand.write(file, rows, years, seed, GenerateCommand.DEFAULT_START, idPrefix);
		}
		return file;
	}

	/**
	 * One import's figures: wall and processor seconds, peak heap, and processor time by
	 * thread.
	 */
	private record Measured(ImportReport report, double seconds, double cpu, long peakHeap, String threads) {

		long rows() {
			return this.report.accepted() + this.report.rejected();
		}

	}

	/** Hears an import's figures while its context is still open. */
	private interface Result {

		void accept(ConfigurableApplicationContext context, int run, Measured measured);

	}

	/**
	 * Imports the files end to end, one after the other, with the clock on the files'
	 * last day, after the warm-up file when there is one: into a fresh H2 file database,
	 * removed after, or into the empty database at {@code url} (PostgreSQL with the
	 * postgres profile).
	 */
	private static void importInto(Path dir, String url, Path warmupFile, List<Path> files, LocalDate last,
			PrintStream err, PrintStream out, PrintStream timeline, Result result) throws IOException {
		Path h2 = dir.resolve("db-" + System.currentTimeMillis());
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", (url != null) ? url : "jdbc:h2:file:" + h2.toAbsolutePath());
		properties.put("harbinger.clock.fixed-date", last.toString());
		if (url != null && url.startsWith("jdbc:postgresql:")) {
			properties.put("spring.profiles.active", "postgres");
		}
		try (ConfigurableApplicationContext context = ServiceContext.start("bench import", properties)) {
			if (context.getBean(IncidentRepository.class).count() > 0) {
				throw new UsageException("--database must be an empty database: the benchmark imports new incidents");
			}
			ImportQueue imports = context.getBean(ImportQueue.class);
			if (warmupFile != null) {
				Measured warmup = measure(imports, warmupFile, err, null);
				out.printf("Warm-up:     %,d rows of other incidents in %.1f s (%.1f s of processor time)%n",
						warmup.rows(), warmup.seconds(), warmup.cpu());
			}
			for (int run = 1; run <= files.size(); run++) {
				result.accept(context, run, measure(imports, files.get(run - 1), err, timeline));
			}
		}
		finally {
			delete(dir, h2.getFileName().toString());
		}
	}

	/**
	 * Imports the file and measures it; with a timeline, also prints each second's
	 * processor time by thread there.
	 */
	private static Measured measure(ImportQueue imports, Path file, PrintStream err, PrintStream timeline)
			throws IOException {
		ProcessorUse.HeapSampler heap = ProcessorUse.HeapSampler.start();
		Map<String, Double> threadsBefore = ProcessorUse.threadSeconds();
		long cpuBefore = ProcessorUse.cpuNanos();
		long began = System.nanoTime();
		Thread seconds = null;
		if (timeline != null) {
			seconds = new Thread(() -> ProcessorUse.timeline(timeline, began), "bench-timeline");
			seconds.setDaemon(true);
			seconds.start();
		}
		ImportReport report = imports.importFile(file, ImportJob.Origin.CLI,
				ImportCommand.ProgressBar.on(err, file.getFileName().toString(), Files.size(file)));
		double wall = (System.nanoTime() - began) / 1e9;
		if (seconds != null) {
			seconds.interrupt();
			try {
				// Its last line before the figures, not among them.
				seconds.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return new Measured(report, wall, (ProcessorUse.cpuNanos() - cpuBefore) / 1e9, heap.stop(),
				ProcessorUse.busiest(threadsBefore, ProcessorUse.threadSeconds(), 0.5));
	}

	private static void delete(Path dir, String prefix) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter((path) -> path.getFileName().toString().startsWith(prefix)).toList()) {
				Files.delete(file);
			}
		}
	}

}
