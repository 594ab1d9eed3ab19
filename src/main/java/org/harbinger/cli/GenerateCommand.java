package org.harbinger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import org.harbinger.bench.SyntheticAcled;

/**
 * {@code generate --rows N --years Y --out FILE [--seed S] [--start DATE]}: a synthetic
 * ACLED export for benchmarks and backtests, the same file for the same arguments.
 */
final class GenerateCommand {

	static final LocalDate DEFAULT_START = LocalDate.of(2019, 1, 1);

	private GenerateCommand() {
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		Options options = new Options(args, Set.of("rows", "years", "out", "seed", "start"));
		long rows = number(options, "rows", null);
		int years = (int) number(options, "years", null);
		long seed = number(options, "seed", "1");
		LocalDate start = options.get("start", null) != null ? options.date("start") : DEFAULT_START;
		if (rows < 1 || years < 1 || years > 50) {
			throw new UsageException("--rows must be at least 1 and --years 1 to 50");
		}
		if (start.plusYears(years).isAfter(LocalDate.now().plusDays(1))) {
			throw new UsageException("--start " + start + " plus " + years + " years reaches past today; "
					+ "imports refuse events in the future");
		}
		Path file = Path.of(options.required("out"));
		long began = System.nanoTime();
		write(file, rows, years, seed, start, "");
		out.printf("Wrote %,d rows, %s to %s, to %s in %.1f s (seed %d)%n", rows, start, start.plusYears(years).minusDays(1),
				file, (System.nanoTime() - began) / 1e9, seed);
		return 0;
	}

	static void write(Path file, long rows, int years, long seed, LocalDate start, String idPrefix) {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			new SyntheticAcled(seed, start, years).idPrefix(idPrefix).write(writer, rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static long number(Options options, String name, String fallback) {
		String value = (fallback != null) ? options.get(name, fallback) : options.required(name);
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + " '" + value + "' is not a whole number");
		}
	}

}
