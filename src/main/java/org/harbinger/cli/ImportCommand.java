package org.harbinger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.harbinger.ingest.ImportJob;
import org.harbinger.ingest.ImportReport;
import org.harbinger.ingest.ImportQueue;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import FILE...}: imports files into the service's database through the same
 * pipeline as an upload, with a progress bar on a terminal and a summary per file. The
 * exit status is 0 when every row landed, 1 when a file failed or rows were refused.
 */
final class ImportCommand {

	private ImportCommand() {
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> files = new Options(args, Set.of()).arguments();
		if (files.isEmpty()) {
			throw new UsageException("import needs at least one file");
		}
		for (String file : files) {
			if (!Files.isRegularFile(Path.of(file))) {
				throw new UsageException("no file " + file);
			}
		}
		int status = 0;
		try (ConfigurableApplicationContext context = ServiceContext.start(Map.of())) {
			ImportQueue imports = context.getBean(ImportQueue.class);
			for (String file : files) {
				Path path = Path.of(file);
				ProgressBar bar = ProgressBar.on(err, path.getFileName().toString(), size(path));
				ImportReport report = imports.importFile(path, ImportJob.Origin.CLI, bar);
				bar.done();
				summarise(report, out);
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
		if (report.message() != null) {
			out.println("  " + report.message());
		}
		// A JSON file's reasons name the element and its line themselves.
		boolean json = "JSON".equals(report.format());
		report.errors()
			.forEach((error) -> out.println(json ? "  " + error.reason() : "  line " + error.line() + ": " + error.reason()));
		if (report.rejected() > report.errors().size()) {
			out.printf("  ... and %d more: GET /api/imports/%d/rejected.%s%n",
					report.rejected() - report.errors().size(), report.id(),
					json ? "json" : "csv");
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
			this.err.printf("\r%s [%-30s] %3d%% %,d rows %,.0f rows/s", this.name, "#".repeat(percent * 30 / 100), percent,
					rows, rows / seconds);
			this.err.flush();
		}

		void done() {
			if (this.drawing) {
				this.err.println();
			}
		}

	}

}
