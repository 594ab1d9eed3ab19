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
import java.util.Set;

import org.harbinger.backtest.Backtest;
import org.harbinger.backtest.BacktestReport;
import org.harbinger.backtest.BacktestTransition;
import org.harbinger.backtest.CompactIncidents;
import org.harbinger.bench.PeakHeap;
import org.harbinger.incident.Incident;
import org.harbinger.ingest.OfflineIngest;

/** {@code backtest}: what a rule would have said over history, and when. */
final class BacktestCommand {

	private BacktestCommand() {
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		Options options = new Options(args, Set.of("incidents", "from", "to", "rules", "thresholds", "format", "config"));
		Path file = Path.of(options.required("incidents"));
		LocalDate from = options.date("from");
		LocalDate to = options.date("to");
		String format = options.get("format", "json");
		if (!Set.of("json", "text", "html").contains(format)) {
			throw new UsageException("--format '" + format + "' is not json, text or html");
		}
		if (to.isBefore(from)) {
			throw new UsageException("--to " + to + " is before --from " + from);
		}
		if (!Files.isRegularFile(file)) {
			err.println(file + ": no such file");
			return 1;
		}
		RulesCommand.Loaded loaded = RulesCommand.load(options.path("rules", "rules"),
				options.path("thresholds", "config/thresholds.yml"), err);
		if (loaded == null) {
			return 1;
		}
		List<Incident> incidents = new ArrayList<>();
		CompactIncidents compact = new CompactIncidents(incidents::add);
		OfflineIngest.Read imported;
		// A decoder that replaces bad bytes, so invalid UTF-8 is refused by line, not by file.
		try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
			imported = OfflineIngest.read(in, OfflineIngest.fields(options.path("config", "config")), compact);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long started = System.nanoTime();
		List<BacktestTransition> transitions = new Backtest(loaded.rules(), loaded.thresholds()).run(incidents, from, to);
		double seconds = (System.nanoTime() - started) / 1e9;
		err.printf("Replayed %d incidents, %s to %s, in %.1f s (%.0f incidents/s); peak heap %d MB%n", incidents.size(),
				from, to, seconds, incidents.size() / seconds, PeakHeap.megabytes());
		BacktestReport report = new BacktestReport(imported, from, to, transitions);
		out.print(switch (format) {
			case "text" -> report.text();
			case "html" -> report.html();
			default -> report.json() + "\n";
		});
		return 0;
	}

}
