package org.harbinger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.harbinger.bench.SyntheticAcled;
import org.harbinger.engine.AlertKey;
import org.harbinger.engine.Engine;
import org.harbinger.engine.IncidentHistory;
import org.harbinger.engine.Signal;
import org.harbinger.engine.SignalChange;
import org.harbinger.engine.SignalSink;
import org.harbinger.incident.Incident;
import org.harbinger.ingest.IncidentFields;
import org.harbinger.ingest.OfflineIngest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench memory}: the heap the engine's session holds per 100,000 incidents. A
 * generated year of incidents is the history the engine seeds from, read from its file
 * each time it is asked (as the service reads its database), so the heap measured after a
 * full collection, before and after the seeding, is the session's own: facts, window
 * buckets, memory.
 */
@Command(name = "memory", description = "Measure the heap the engine's session holds per 100,000 incidents.",
		exitCodeListHeading = Cli.EXIT_CODES_HEADING,
		exitCodeList = { Cli.EXIT_OK, "1:the rules or thresholds are refused", Cli.EXIT_USAGE })
final class MemoryBenchCommand implements Callable<Integer> {

	private static final LocalDate START = LocalDate.of(2023, 1, 1);

	private final PrintStream out;

	private final PrintStream err;

	@Option(names = "--rows", paramLabel = "N", defaultValue = "100000",
			description = "Incidents (default: ${DEFAULT-VALUE}).")
	private int rows;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
	private long seed;

	@Option(names = "--dir", paramLabel = "DIR", defaultValue = "var/bench",
			description = "Where the generated file is kept (default: ${DEFAULT-VALUE}).")
	private Path dir;

	@Option(names = "--config", paramLabel = "DIR", defaultValue = "config",
			description = "The config folder whose actors.yml and sources.yml normalise the rows (default: ${DEFAULT-VALUE}).")
	private Path config;

	@Option(names = "--histogram", paramLabel = "N", defaultValue = "0",
			description = "Also print the N classes whose live heap grew most (default: ${DEFAULT-VALUE}).")
	private int histogram;

	@Mixin
	private RulesCommand.RuleFiles ruleFiles;

	MemoryBenchCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() throws IOException {
		if (this.rows < 1) {
			throw new UsageException("--rows must be at least 1");
		}
		if (this.histogram < 0) {
			throw new UsageException("--histogram must be at least 0");
		}
		RulesCommand.Loaded loaded = this.ruleFiles.load(this.err);
		if (loaded == null) {
			return 1;
		}
		Path file = this.dir.resolve("acled-" + this.rows + "-1y-seed" + this.seed + ".csv");
		if (!Files.exists(file)) {
			Files.createDirectories(this.dir);
			try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				new SyntheticAcled(this.seed, START, 1).write(writer, this.rows);
			}
		}
		FileHistory history = new FileHistory(file, OfflineIngest.fields(this.config));
		HeapHistogram classesBefore = (this.histogram > 0) ? HeapHistogram.take() : null;
		long before = heapAfterCollection();
		try (Engine engine = Engine.start(loaded.rules(), loaded.thresholds(), START.plusYears(1).minusDays(1), history,
				new NoSink())) {
			long after = heapAfterCollection();
			int held = engine.heldIncidents();
			double megabytes = (after - before) / 1048576.0;
			this.out.printf("File: %s, %,d rows; JVM max heap %,d MB%n", file, this.rows,
					Runtime.getRuntime().maxMemory() >> 20);
			this.out.printf("Engine: %,d incidents held, %.0f MB of heap = %.0f MB per 100,000 incidents%n", held,
					megabytes, (held > 0) ? megabytes * 100_000 / held : 0);
			if (classesBefore != null) {
				printGrowth(HeapHistogram.take().largestGrowthSince(classesBefore, this.histogram), held);
			}
		}
		return 0;
	}

	private void printGrowth(List<HeapHistogram.Growth> growth, int held) {
		this.out.printf("%12s %12s %10s  %s%n", "instances", "MB", "B/incident", "class (live heap growth)");
		for (HeapHistogram.Growth row : growth) {
			this.out.printf("%,12d %12.1f %10.0f  %s%n", row.instances(), row.bytes() / 1048576.0,
					(held > 0) ? (double) row.bytes() / held : 0, row.className());
		}
	}

	/**
	 * Heap in use once a full collection ran (twice: the first may leave finalisable
	 * objects).
	 */
	private static long heapAfterCollection() {
		var memory = ManagementFactory.getMemoryMXBean();
		memory.gc();
		memory.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

	/**
	 * The history as the file holds it, parsed again at each request: nothing kept on the
	 * heap.
	 */
	private record FileHistory(Path file, IncidentFields fields) implements IncidentHistory {

		@Override
		public Optional<LocalDate> firstEventDate() {
			return Optional.of(START);
		}

		@Override
		public void forEachSince(LocalDate from, Consumer<Incident> action) {
			try (Reader reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
				OfflineIngest.read(reader, this.fields, (incident) -> {
					if (!incident.eventDate().isBefore(from)) {
						action.accept(incident);
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** The alerts are not what is measured: nothing is open, and changes are dropped. */
	private static final class NoSink implements SignalSink {

		@Override
		public Map<AlertKey, Signal> openSignals() {
			return Map.of();
		}

		@Override
		public void apply(LocalDate today, List<SignalChange> changes) {
		}

	}

}
