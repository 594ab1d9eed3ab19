package org.harbinger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.harbinger.bench.SyntheticAcled;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generate --rows N --years Y --out FILE [--seed S] [--start DATE]}: a synthetic
 * ACLED export for benchmarks and backtests, the same file for the same arguments.
 */
@Command(name = "generate", description = "Write a synthetic ACLED export (the same file for the same arguments).",
		exitCodeListHeading = Cli.EXIT_CODES_HEADING, exitCodeList = { Cli.EXIT_OK, Cli.EXIT_USAGE })
final class GenerateCommand implements Callable<Integer> {

	static final LocalDate DEFAULT_START = LocalDate.of(2019, 1, 1);

	private final PrintStream out;

	@Option(names = "--rows", paramLabel = "N", required = true, description = "Rows to write, at least 1.")
	private long rows;

	@Option(names = "--years", paramLabel = "Y", required = true, description = "Years the events span, 1 to 50.")
	private int years;

	@Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
	private Path file;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "1",
			description = "Random seed (default: ${DEFAULT-VALUE}).")
	private long seed;

	@Option(names = "--start", paramLabel = "DATE", defaultValue = "2019-01-01",
			description = "First event date (default: ${DEFAULT-VALUE}).")
	private LocalDate start;

	GenerateCommand(PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() {
		if (this.rows < 1 || this.years < 1 || this.years > 50) {
			throw new UsageException("--rows must be at least 1 and --years 1 to 50");
		}
		if (this.start.plusYears(this.years).isAfter(LocalDate.now().plusDays(1))) {
			throw new UsageException("--start " + this.start + " plus " + this.years + " years reaches past today; "
					+ "imports refuse events in the future");
		}
		long began = System.nanoTime();
		write(this.file, this.rows, this.years, this.seed, this.start, "");
		this.out.printf("Wrote %,d rows, %s to %s, to %s in %.1f s (seed %d)%n", this.rows, this.start,
				this.start.plusYears(this.years).minusDays(1), this.file, (System.nanoTime() - began) / 1e9, this.seed);
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

}
