package org.harbinger.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.harbinger.backtest.Backtest;
import org.harbinger.backtest.BacktestReport;
import org.harbinger.backtest.BacktestTransition;
import org.harbinger.backtest.CompactIncidents;
import org.harbinger.bench.PeakHeap;
import org.harbinger.incident.Incident;
import org.harbinger.ingest.OfflineIngest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backtest}: what a rule would have said over history, and when. */
@Command(name = "backtest", description = "Replay a CSV day by day and report every transition the rules make.",
		exitCodeListHeading = Cli.EXIT_CODES_HEADING,
		exitCodeList = { Cli.EXIT_OK, "1:the file is missing, or the rules or thresholds are refused", Cli.EXIT_USAGE })
final class BacktestCommand implements Callable<Integer> {

	/** The report's formats. */
	enum Format {

		json, text, html

	}

	private final PrintStream out;

	private final PrintStream err;

	@Option(names = "--incidents", paramLabel = "FILE", required = true,
			description = "ACLED or Harbinger CSV or JSON.")
	private Path file;

	@Option(names = "--from", paramLabel = "DATE", required = true,
			description = "First day replayed, e.g. 2022-01-01.")
	private LocalDate from;

	@Option(names = "--to", paramLabel = "DATE", required = true, description = "Last day replayed.")
	private LocalDate to;

	@Mixin
	private RulesCommand.RuleFiles ruleFiles;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
			description = "json, text or html (default: ${DEFAULT-VALUE}).")
	private Format format;

	@Option(names = "--config", paramLabel = "DIR", defaultValue = "config",
			description = "Folder of actors.yml (default: ${DEFAULT-VALUE}).")
	private Path config;

	BacktestCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() {
		if (this.to.isBefore(this.from)) {
			throw new UsageException("--to " + this.to + " is before --from " + this.from);
		}
		if (!Files.isRegularFile(this.file)) {
			this.err.println(this.file + ": no such file");
			return 1;
		}
		RulesCommand.Loaded loaded = this.ruleFiles.load(this.err);
		if (loaded == null) {
			return 1;
		}
		List<Incident> incidents = new ArrayList<>();
		CompactIncidents compact = new CompactIncidents(incidents::add);
		OfflineIngest.Read imported;
		// A decoder that replaces bad bytes, so invalid UTF-8 is refused by line, not by
		// file.
		try (Reader in = new BufferedReader(
				new InputStreamReader(Files.newInputStream(this.file), StandardCharsets.UTF_8))) {
			imported = OfflineIngest.read(in, OfflineIngest.fields(this.config), compact);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long started = System.nanoTime();
		List<BacktestTransition> transitions = new Backtest(loaded.rules(), loaded.thresholds()).run(incidents,
				this.from, this.to);
		double seconds = (System.nanoTime() - started) / 1e9;
		this.err.printf("Replayed %d incidents, %s to %s, in %.1f s (%.0f incidents/s); peak heap %d MB%n",
				incidents.size(), this.from, this.to, seconds, incidents.size() / seconds, PeakHeap.megabytes());
		BacktestReport report = new BacktestReport(imported, this.from, this.to, transitions);
		this.out.print(switch (this.format) {
			case text -> report.text();
			case html -> report.html();
			case json -> report.json() + "\n";
		});
		return 0;
	}

}
