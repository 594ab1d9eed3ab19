package org.harbinger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.harbinger.backtest.Backtest;
import org.harbinger.backtest.BacktestTransition;
import org.harbinger.backtest.CompactIncidents;
import org.harbinger.bench.PeerComparison;
import org.harbinger.bench.PeerQueries;
import org.harbinger.bench.PeerReplay;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentRepository;
import org.harbinger.ingest.ImportJob;
import org.harbinger.ingest.ImportQueue;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench peer}: the engine against a peer design that re-queries the database for
 * each rule's windows on every simulated day, as ElastAlert does ({@link PeerReplay}).
 * Per history length, a generated history is imported into a fresh H2 database through
 * the service's import, then replayed day by day twice: by the engine's backtest, over
 * the incidents read back from that database, and by the peer, over the database itself.
 * Both are timed, their transitions compared for every indicator the peer covers, and a
 * difference fails the command.
 */
@Command(name = "peer",
		description = { "Time the engine's backtest against a peer that re-queries each rule's windows every day,",
				"over generated histories of 1, 3 and 10 years; compare their transitions." },
		exitCodeListHeading = Cli.EXIT_CODES_HEADING,
		exitCodeList = { Cli.EXIT_OK,
				"1:the rules or thresholds are refused, or the peer's transitions differ from the engine's",
				Cli.EXIT_USAGE })
final class PeerBenchCommand implements Callable<Integer> {

	private final PrintStream out;

	private final PrintStream err;

	@Option(names = "--years", paramLabel = "Y", split = ",", defaultValue = "1,3,10",
			description = "History lengths, one run each (default: ${DEFAULT-VALUE}).")
	private List<Integer> years;

	@Option(names = "--rows-per-year", paramLabel = "N", defaultValue = "100000",
			description = "Generated incidents a year (default: ${DEFAULT-VALUE}).")
	private long rowsPerYear;

	@Option(names = "--days", paramLabel = "N", defaultValue = "0",
			description = { "Replay only the last N days of each history, what comes before them as history;",
					"0 for all (default: ${DEFAULT-VALUE})." })
	private int days;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
	private long seed;

	@Option(names = "--dir", paramLabel = "DIR", defaultValue = "var/bench",
			description = "Where the generated files are kept (default: ${DEFAULT-VALUE}).")
	private Path dir;

	@Option(names = "--incidents", paramLabel = "FILE",
			description = "Replay this ACLED or Harbinger file over its own span instead of generated histories.")
	private Path incidents;

	@Option(names = "--differences", paramLabel = "N", defaultValue = "20",
			description = "Differing transitions listed per run (default: ${DEFAULT-VALUE}).")
	private int listed;

	@Mixin
	private RulesCommand.RuleFiles ruleFiles;

	PeerBenchCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** One history's figures. */
	private record Run(String history, long rows, long days, Spent engine, Spent peer, int differences) {

	}

	/**
	 * Wall and processor seconds of one side (the process's processor time: H2 included).
	 */
	private record Spent(double wall, double cpu) {

		static Spent since(long wallStart, long cpuStart) {
			return new Spent((System.nanoTime() - wallStart) / 1e9, (ProcessorUse.cpuNanos() - cpuStart) / 1e9);
		}

	}

	@Override
	public Integer call() throws IOException {
		if (this.years.stream().anyMatch((y) -> y < 1 || y > 50) || this.rowsPerYear < 1 || this.days < 0) {
			throw new UsageException("--years must be 1 to 50, --rows-per-year at least 1 and --days at least 0");
		}
		RulesCommand.Loaded loaded = this.ruleFiles.load(this.err);
		if (loaded == null) {
			return 1;
		}
		PeerReplay peer = new PeerReplay(loaded.thresholds().values());
		Set<String> engineIndicators = new TreeSet<>(loaded.rules().indicators().keySet());
		Set<String> covered = new TreeSet<>(peer.indicators());
		covered.retainAll(engineIndicators);
		Set<String> left = new TreeSet<>(engineIndicators);
		left.removeAll(covered);
		this.out.printf("The peer covers %d of the engine's %d indicators: %s%n", covered.size(),
				engineIndicators.size(), String.join(", ", covered));
		left.forEach((id) -> this.out.printf("Not covered: %s (no peer rule written for it)%n", id));
		this.out.printf("JVM max heap %,d MB, %d processors%n", Runtime.getRuntime().maxMemory() >> 20,
				Runtime.getRuntime().availableProcessors());
		Files.createDirectories(this.dir);
		List<Run> runs = new ArrayList<>();
		if (this.incidents != null) {
			if (!Files.isRegularFile(this.incidents)) {
				this.err.println(this.incidents + ": no such file");
				return 1;
			}
			runs.add(run(this.incidents.getFileName().toString(), this.incidents, loaded, peer, covered));
		}
		else {
			for (int length : this.years) {
				Path file = generated(length);
				runs.add(run(length + ((length == 1) ? " year" : " years"), file, loaded, peer, covered));
			}
		}
		table(runs);
		return runs.stream().allMatch((run) -> run.differences() == 0) ? 0 : 1;
	}

	/**
	 * One history, replayed from its first event day to its last (or --days): import,
	 * both replays, the comparison.
	 */
	private Run run(String history, Path file, RulesCommand.Loaded loaded, PeerReplay peer, Set<String> covered)
			throws IOException {
		Path h2 = this.dir.resolve("peer-db-" + System.currentTimeMillis());
		Map<String, Object> properties = Map.of("spring.datasource.url", "jdbc:h2:file:" + h2.toAbsolutePath());
		try (ConfigurableApplicationContext context = ServiceContext.start("bench peer", properties)) {
			context.getBean(ImportQueue.class)
				.importFile(file, ImportJob.Origin.CLI,
						ImportCommand.ProgressBar.on(this.err, file.getFileName().toString(), Files.size(file)));
			List<Incident> incidents = new ArrayList<>();
			context.getBean(IncidentRepository.class)
				.forEachSince(LocalDate.EPOCH, new CompactIncidents(incidents::add));
			if (incidents.isEmpty()) {
				throw new UsageException(file + " holds no incident to replay");
			}
			LocalDate first = incidents.get(0).eventDate();
			LocalDate to = incidents.get(incidents.size() - 1).eventDate();
			LocalDate from = (this.days > 0 && to.minusDays(this.days - 1L).isAfter(first))
					? to.minusDays(this.days - 1L) : first;

			long began = System.nanoTime();
			long cpu = ProcessorUse.cpuNanos();
			List<BacktestTransition> engine = new Backtest(loaded.rules(), loaded.thresholds()).run(incidents, from,
					to);
			Spent engineSpent = Spent.since(began, cpu);

			PeerQueries queries = new PeerQueries(context.getBean(JdbcTemplate.class));
			began = System.nanoTime();
			cpu = ProcessorUse.cpuNanos();
			PeerReplay.Result result = peer.run(queries, from, to);
			Spent peerSpent = Spent.since(began, cpu);

			long simulated = to.toEpochDay() - from.toEpochDay() + 1;
			List<String> differences = PeerComparison.differences(engine, result.transitions(), covered);
			Map<String, Integer> made = PeerComparison.countByIndicator(engine);
			this.out.printf("%s, %,d incidents from %s, replayed %s to %s (%,d days):%n", history, incidents.size(),
					first, from, to, simulated);
			this.out.printf("  engine %.1f s wall, %.1f s processor (%.2f ms a day), all %d indicators%n",
					engineSpent.wall(), engineSpent.cpu(), engineSpent.cpu() * 1000 / simulated,
					loaded.rules().indicators().size());
			this.out.printf("  peer   %.1f s wall, %.1f s processor (%.2f ms a day), %,d queries returning %,d rows%n",
					peerSpent.wall(), peerSpent.cpu(), peerSpent.cpu() * 1000 / simulated, result.queries(),
					result.rows());
			this.out.printf("  the engine is %.1fx faster by wall time, %.1fx by processor time%n",
					peerSpent.wall() / engineSpent.wall(), peerSpent.cpu() / engineSpent.cpu());
			this.out.println("  per indicator: transitions the engine made / the peer's seconds");
			result.secondsByIndicator()
				.forEach((id, seconds) -> this.out.printf("    %-26s %6d %8.1f s%n", id, made.getOrDefault(id, 0),
						seconds));
			long compared = engine.stream().filter((t) -> covered.contains(t.indicator())).count();
			this.out.printf("  %,d transitions of %d indicators compared: %s%n", compared, covered.size(),
					differences.isEmpty() ? "the same" : differences.size() + " differ");
			differences.stream().limit(this.listed).forEach((line) -> this.out.println("    " + line));
			return new Run(history, incidents.size(), simulated, engineSpent, peerSpent, differences.size());
		}
		finally {
			delete(h2.getFileName().toString());
		}
	}

	/**
	 * The generated history of that many years, written the first time: it starts on 1
	 * January of the year that makes it end before this one, since an import refuses
	 * events in the future.
	 */
	private Path generated(int length) {
		long rows = this.rowsPerYear * length;
		LocalDate start = LocalDate.of(LocalDate.now().getYear() - length, 1, 1);
		Path file = this.dir.resolve("acled-" + rows + "-" + length + "y-seed" + this.seed + "-" + start + ".csv");
		if (!Files.exists(file)) {
			this.err.println("Generating " + file + " ...");
			GenerateCommand.write(file, rows, length, this.seed, start, "");
		}
		return file;
	}

	/** The runs side by side, and how each side's time grows with the history. */
	private void table(List<Run> runs) {
		this.out.println();
		this.out.println("| history | incidents | days replayed | engine (wall, processor) | peer (wall, processor) "
				+ "| engine faster by (wall, processor) | differences |");
		this.out.println("|---|---|---|---|---|---|---|");
		runs.forEach((r) -> this.out.printf(
				"| %s | %,d | %,d | %.1f s, %.1f s | %.1f s, %.1f s | %.1fx, %.1fx | %d |%n", r.history(), r.rows(),
				r.days(), r.engine().wall(), r.engine().cpu(), r.peer().wall(), r.peer().cpu(),
				r.peer().wall() / r.engine().wall(), r.peer().cpu() / r.engine().cpu(), r.differences()));
		Run first = runs.get(0);
		for (Run run : runs.subList(1, runs.size())) {
			this.out.printf(
					"From %s to %s (%.1fx the incidents, %.1fx the days): engine %.1fx the processor time, peer %.1fx%n",
					first.history(), run.history(), (double) run.rows() / first.rows(),
					(double) run.days() / first.days(), run.engine().cpu() / first.engine().cpu(),
					run.peer().cpu() / first.peer().cpu());
		}
	}

	private void delete(String prefix) throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			for (Path file : files.filter((path) -> path.getFileName().toString().startsWith(prefix)).toList()) {
				Files.delete(file);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

}
