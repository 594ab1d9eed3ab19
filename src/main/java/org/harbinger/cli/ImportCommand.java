package org.harbinger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.harbinger.ingest.ImportJob;
import org.harbinger.ingest.ImportReport;
import org.harbinger.ingest.ImportQueue;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code import FILE...}: imports files into the service's database through the same
 * pipeline as an upload, with a progress bar on a terminal and a summary per file. The
 * exit status is 0 when every row landed, 1 when a file failed or rows were refused.
 */
@Command(name = "import", description = "Import ACLED or Harbinger CSV or JSON files into the service's database.",
		footer = "%nStop the service first on H2, which one process opens at a time.",
		exitCodeListHeading = Cli.EXIT_CODES_HEADING,
		exitCodeList = { "0:every row of every file landed", "1:a file failed or rows were refused", Cli.EXIT_USAGE })
final class ImportCommand implements Callable<Integer> {

	private final PrintStream out;

	private final PrintStream err;

	@Parameters(paramLabel = "FILE", arity = "1..*", description = "The files, imported one after the other.")
	private List<Path> files;

	ImportCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() {
		for (Path file : this.files) {
			if (!Files.isRegularFile(file)) {
				throw new UsageException("no file " + file);
			}
		}
		int status = 0;
		try (ConfigurableApplicationContext context = ServiceContext.start("import", Map.of())) {
			ImportQueue imports = context.getBean(ImportQueue.class);
			for (Path path : this.files) {
				ProgressBar bar = ProgressBar.on(this.err, path.getFileName().toString(), size(path));
				ImportReport report = imports.importFile(path, ImportJob.Origin.CLI, bar);
				bar.done();
				summarise(report, this.out);
				if (!report.status().equals("DONE") || report.rejected() > 0) {
					status = 1;
				}
			}
		}
		return status;
	}

	static void summarise(ImportReport report, PrintStream out) {
		out.printf("%s: %s, %d rows stored (%d new, %d amended, %d unchanged), %d deleted, %d refused (import %d)%n",
				report.file(), report.status(), report.accepted(), report.created(), report.amended(),
				report.unchanged(), report.deleted(), report.rejected(), report.id());
		if (report.beyondClock() > 0) {
			out.printf("  %d dated after the event-time clock (%s): stored, judged when the clock reaches their day%n",
					report.beyondClock(), report.clock());
		}
		if (report.message() != null) {
			out.println("  " + report.message());
		}
		// A JSON file's reasons name the element and its line themselves.
		boolean json = "JSON".equals(report.format()) || "ACLED_API".equals(report.format());
		report.errors()
			.forEach((error) -> out
				.println(json ? "  " + error.reason() : "  line " + error.line() + ": " + error.reason()));
		if (report.rejected() > report.errors().size()) {
			out.printf("  ... and %d more: GET /api/imports/%d/rejected.%s%n",
					report.rejected() - report.errors().size(), report.id(), json ? "json" : "csv");
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

	/** A one-line progress bar on standard error, drawn only on a terminal. */
	static final class ProgressBar implements ImportQueue.Progress {

		private final PrintStream err;

		private final String name;

		private final long size;

		private final long started = System.nanoTime();

		private final boolean drawing;

		private ProgressBar(PrintStream err, String name, long size, boolean drawing) {
			this.err = err;
			this.name = name;
			this.size = size;
			this.drawing = drawing;
		}

		static ProgressBar on(PrintStream err, String name, long size) {
			return new ProgressBar(err, name, size, System.console() != null);
		}

		@Override
		public void committed(long bytesRead, long rows) {
			if (!this.drawing) {
				return;
			}
			int percent = (this.size > 0) ? (int) Math.min(100, 100 * bytesRead / this.size) : 100;
			double seconds = Math.max(1e-9, (System.nanoTime() - this.started) / 1e9);
			this.err.printf("\r%s [%-30s] %3d%% %,d rows %,.0f rows/s", this.name, "#".repeat(percent * 30 / 100),
					percent, rows, rows / seconds);
			this.err.flush();
		}

		void done() {
			if (this.drawing) {
				this.err.println();
			}
		}

	}

}
