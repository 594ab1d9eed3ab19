package org.harbinger.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.harbinger.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench pages} end to end on a small database: it fills it, calls every page and
 * API read of its list over HTTP as a signed-in client, previews thresholds, reloads the
 * rules while a page is called, and measures a filled database again with
 * {@code --reuse}, one part of it with {@code --only}. What is checked is that it reports
 * each of them with figures and no error; how fast they are is the command's to say, not
 * a test's.
 */
class PagesBenchTests {

	private static final List<String> READS = List.of("GET /", "GET /?status=ANY", "GET /api/alerts",
			"GET /api/alerts?status=ANY", "GET /alerts/{id}", "GET /api/alerts/{id}", "GET /incidents",
			"GET /incidents?country=", "GET /incidents?actor=", "GET /api/feeds/incidents.csv?country=",
			"GET /api/feeds/incidents.csv?actor=", "GET /imports", "GET /api/imports", "GET /outbox", "GET /api/outbox",
			"GET /rules", "GET /api/rules/status", "GET /admin/thresholds", "GET /api/thresholds",
			"GET /api/feeds/transitions.atom", "GET /map", "GET /api/incidents/map", "GET /trends");

	@Test
	void reportsEveryReadThePreviewAndTheReloadWithoutErrorsThenReusesTheFilledDatabase(@TempDir Path dir)
			throws Exception {
		String[] bench = { "bench", "pages", "--rows", "2000", "--years", "1", "--calls", "2", "--warmup", "0",
				"--slow-runs", "1", "--dir", dir.toString() };

		ChildJvm.Result filled = ChildJvm.run(List.of(), bench);

		assertThat(filled.status()).as(filled.output()).isZero();
		assertThat(filled.output()).contains("filled: 2,000 incidents stored, 0 refused");
		for (String read : READS) {
			// The path, then calls, errors, p50, p95, max and bytes.
			assertThat(filled.output()).as(read)
				.containsPattern(Pattern.compile("(?m)^" + Pattern.quote(read)
						+ "[^\\n]*? +2 +0 +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d +[\\d,]+$"));
		}
		assertThat(filled.output()).containsPattern("Threshold preview, 365 days, run 1: [\\d,]+ ms \\(HTTP 200\\)")
			.containsPattern("Hot reload of all rules, run 1: [\\d,]+ ms \\(HTTP 200\\); meanwhile GET / answered "
					+ "\\d+ times, 0 errors, median \\d+ ms, worst \\d+ ms");

		ChildJvm.Result reused = ChildJvm.run(List.of(), append(bench, "--reuse", "--only", "preview"));

		assertThat(reused.status()).as(reused.output()).isZero();
		assertThat(reused.output()).contains("reused: 2,000 incidents stored")
			.contains("Threshold preview, 365 days, run 1")
			.doesNotContain("filled:")
			.doesNotContain("GET /api/alerts")
			.doesNotContain("Hot reload");
	}

	private static String[] append(String[] args, String... more) {
		String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return all;
	}

}
