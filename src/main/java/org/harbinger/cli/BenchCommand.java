package org.harbinger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.harbinger.engine.Engine;
import org.harbinger.incident.ImportJob;
import org.harbinger.incident.ImportReport;
import org.harbinger.incident.Imports;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bench import}: generates (once) a synthetic ACLED file, times reading it with the
 * CSV reader alone, then imports it end to end (parse, validate, normalise, store in a fresh
 * H2 database, evaluate in the engine) with the clock on the file's last day, and reports
 * both rates, their ratio and the peak heap, sampled while each phase runs.
 */
final class BenchCommand {

	private BenchCommand() {
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || !args[0].equals("import")) {
			throw new UsageException("bench needs what to measure: import");
		}
		Options options = new Options(Arrays.copyOfRange(args, 1, args.length), Set.of("rows", "years", "seed", "dir"));
		long rows = GenerateCommand.number(options, "rows", "1000000");
		int years = (int) GenerateCommand.number(options, "years", "5");
		long seed = GenerateCommand.number(options, "seed", "1");
		Path dir = options.path("dir", "var/bench");
		LocalDate start = GenerateCommand.DEFAULT_START;
		LocalDate last = start.plusYears(years).minusDays(1);
		try {
			Files.createDirectories(dir);
			Path file = dir.resolve("acled-" + rows + "-" + years + "y-seed" + seed + ".csv");
			if (!Files.exists(file)) {
				err.println("Generating " + file + " ...");
				GenerateCommand.write(file, rows, years, seed, start);
			}
			out.printf("File: %s, %,d rows, %,d MB; JVM max heap %,d MB, %d processors%n", file, rows,
					Files.size(file) >> 20, Runtime.getRuntime().maxMemory() >> 20,
					Runtime.getRuntime().availableProcessors());

			HeapSampler parseHeap = HeapSampler.start();
			long began = System.nanoTime();
			long records = Imports.parse(file);
			double parseSeconds = (System.nanoTime() - began) / 1e9;
			long parsePeak = parseHeap.stop();
			double parseRate = records / parseSeconds;
			out.printf("Parse only:  %,d records in %.1f s = %,.0f rows/s, peak heap %,d MB%n", records, parseSeconds,
					parseRate, parsePeak >> 20);

			Path database = dir.resolve("db-" + System.currentTimeMillis());
			try (ConfigurableApplicationContext context = ServiceContext.start(
					Map.of("spring.datasource.url", "jdbc:h2:file:" + database.toAbsolutePath(),
							"harbinger.clock.fixed-date", last.toString()))) {
				Imports imports = context.getBean(Imports.class);
				HeapSampler importHeap = HeapSampler.start();
				began = System.nanoTime();
				ImportReport report = imports.importFile(file, ImportJob.Origin.CLI,
						ImportCommand.ProgressBar.on(err, file.getFileName().toString(), Files.size(file)));
				double importSeconds = (System.nanoTime() - began) / 1e9;
				long importPeak = importHeap.stop();
				double importRate = (report.accepted() + report.rejected()) / importSeconds;
				out.printf("End to end:  %,d rows stored, %,d refused in %.1f s = %,.0f rows/s, peak heap %,d MB "
						+ "(%,d incidents in the engine's window up to %s)%n", report.accepted(), report.rejected(),
						importSeconds, importRate, importPeak >> 20, context.getBean(Engine.class).heldIncidents(), last);
				out.printf("Ratio:       end to end runs at %.0f%% of the parse-only rate (%.1fx slower)%n",
						100 * importRate / parseRate, parseRate / importRate);
			}
			finally {
				delete(dir, database.getFileName().toString());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return 0;
	}

	private static void delete(Path dir, String prefix) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter((path) -> path.getFileName().toString().startsWith(prefix)).toList()) {
				Files.delete(file);
			}
		}
	}

	/** Samples the heap in use every 10 ms on a daemon thread: the peak a phase reached. */
	private static final class HeapSampler {

		private final AtomicLong peak = new AtomicLong();

		private volatile boolean running = true;

		private final Thread thread = new Thread(this::sample, "heap-sampler");

		static HeapSampler start() {
			System.gc();
			HeapSampler sampler = new HeapSampler();
			sampler.thread.setDaemon(true);
			sampler.thread.start();
			return sampler;
		}

		private void sample() {
			Runtime runtime = Runtime.getRuntime();
			while (this.running) {
				this.peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		long stop() {
			this.running = false;
			return this.peak.get();
		}

	}

}
