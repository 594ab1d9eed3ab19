package org.harbinger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.harbinger.bench.Latencies;
import org.harbinger.bench.ServiceClient;
import org.harbinger.engine.EngineHost;
import org.harbinger.incident.IncidentRepository;
import org.harbinger.ingest.ImportJob;
import org.harbinger.ingest.ImportQueue;
import org.harbinger.ingest.ImportReport;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench pages}: how fast the pages and the API answer with many incidents stored.
 * It fills a database with generated incidents through the import (once: {@code --reuse}
 * measures a filled one again), starts the service on it with its web server on a
 * loopback port and the clock on the data's last day, signs in as a browser does (the
 * sign-in form, then the session cookie) and as an integration does (a bearer token), and
 * times each page and API read, one call at a time after a warm-up. Then a threshold
 * preview over 365 days ({@code --think}: the thresholds page opened that long before),
 * and a hot reload of every rule while a second client keeps opening the alerts page.
 */
@Command(name = "pages",
		description = { "Measure the pages and API with N incidents stored: p50/p95 of each read,",
				"a threshold preview over 365 days, a hot reload while the alerts page is called." },
		exitCodeListHeading = Cli.EXIT_CODES_HEADING,
		exitCodeList = { Cli.EXIT_OK, "1:a call answered with an error", Cli.EXIT_USAGE })
final class PagesBenchCommand implements Callable<Integer> {

	private static final Pattern ALERT_ID = Pattern.compile("\\{\"id\":(\\d+),\"indicator\"");

	/** The generated data's most and least common countries. */
	private static final List<String> COUNTRIES = List.of("Afghanistan", "Pakistan", "Iran", "Tajikistan", "India");

	/** Pieces of actor names, common and rare. */
	private static final List<String> ACTORS = List.of("taliban", "military", "police", "baloch", "resistance");

	private static final String PREVIEW = "{\"values\":{\"targeted-killings.min-count\":2},\"days\":365}";

	private final PrintStream out;

	private final PrintStream err;

	@Option(names = "--rows", paramLabel = "N", defaultValue = "1000000",
			description = "Incidents to store (default: ${DEFAULT-VALUE}).")
	private long rows;

	@Option(names = "--years", paramLabel = "Y", defaultValue = "5",
			description = "Years they span, from 2019-01-01; the clock is on the last day (default: ${DEFAULT-VALUE}).")
	private int years;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
	private long seed;

	@Option(names = "--dir", paramLabel = "DIR", defaultValue = "var/bench",
			description = "Where the generated file and the H2 database are kept (default: ${DEFAULT-VALUE}).")
	private Path dir;

	@Option(names = "--database", paramLabel = "URL",
			description = "A database (JDBC URL) instead of the H2 file under --dir; PostgreSQL for a jdbc:postgresql: URL.")
	private String database;

	@Option(names = "--reuse", description = "Measure the incidents the database holds instead of asking for it empty.")
	private boolean reuse;

	@Option(names = "--calls", paramLabel = "N", defaultValue = "30",
			description = "Measured calls per endpoint (default: ${DEFAULT-VALUE}).")
	private int calls;

	@Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
			description = "Unmeasured calls per endpoint first (default: ${DEFAULT-VALUE}).")
	private int warmup;

	@Option(names = "--slow-runs", paramLabel = "N", defaultValue = "3",
			description = "Threshold previews and hot reloads measured (default: ${DEFAULT-VALUE}).")
	private int slowRuns;

	@Option(names = "--think", paramLabel = "S", defaultValue = "0",
			description = { "Open the thresholds page for 365 days S seconds before the first preview, as an",
					"administrator choosing values does (default: ${DEFAULT-VALUE}: ask at once)." })
	private int think;

	/** The parts of a run, each measured on its own when named. */
	enum Part {

		reads, preview, reload

	}

	@Option(names = "--only", paramLabel = "PART", split = ",",
			description = "Measure only these parts: reads, preview, reload (default: all three).")
	private Set<Part> only = EnumSet.allOf(Part.class);

	PagesBenchCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() throws IOException {
		if (this.rows < 1 || this.years < 1 || this.calls < 1 || this.warmup < 0 || this.slowRuns < 1
				|| this.think < 0) {
			throw new UsageException(
					"--rows, --years, --calls and --slow-runs must be at least 1, --warmup and --think 0 or more");
		}
		Files.createDirectories(this.dir);
		LocalDate last = GenerateCommand.DEFAULT_START.plusYears(this.years).minusDays(1);
		String url = (this.database != null) ? this.database : "jdbc:h2:file:"
				+ this.dir.resolve("pages-" + this.rows + "-" + this.years + "y-seed" + this.seed).toAbsolutePath();
		Path users = Files.createTempDirectory(this.dir, "pages-users");
		String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url);
		if (url.startsWith("jdbc:postgresql:")) {
			properties.put("spring.profiles.active", "postgres");
		}
		properties.put("harbinger.clock.fixed-date", last.toString());
		properties.put("server.address", "127.0.0.1");
		properties.put("server.port", "0");
		// A user of its own, made for the run: the users of config/ are not touched.
		properties.put("harbinger.security.users-file", users.resolve("users.yml").toAbsolutePath());
		properties.put("HARBINGER_ADMIN_PASSWORD", password);
		try (ConfigurableApplicationContext context = ServiceContext.start("bench pages", properties,
				WebApplicationType.SERVLET)) {
			// Each reload's split between compiling and seeding, on standard error.
			CliLogging.information("org.harbinger.engine.RuleReloader");
			long stored = context.getBean(IncidentRepository.class).count();
			if (stored == 0) {
				fill(context.getBean(ImportQueue.class), url);
			}
			else if (this.reuse) {
				this.out.printf("Database: %s, reused: %,d incidents stored%n", url, stored);
			}
			else {
				throw new UsageException("the database holds " + stored
						+ " incidents: --reuse measures them as they are, or give an empty one");
			}
			this.out.printf("Engine:   %,d incidents held, clock on %s; JVM max heap %,d MB, %d processors%n",
					context.getBean(EngineHost.class).heldIncidents(), last, Runtime.getRuntime().maxMemory() >> 20,
					Runtime.getRuntime().availableProcessors());
			ServiceClient client = new ServiceClient(
					URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")));
			client.signIn("admin", password, "bench-pages", "ANALYST", "RULE_AUTHOR", "ADMIN");
			return measure(client, last) ? 0 : 1;
		}
		finally {
			try (Stream<Path> files = Files.walk(users)) {
				for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	private void fill(ImportQueue imports, String url) throws IOException {
		Path file = BenchCommand.generated(this.dir, this.rows, this.years, this.seed, "", this.err);
		long began = System.nanoTime();
		ImportReport report = imports.importFile(file, ImportJob.Origin.CLI,
				ImportCommand.ProgressBar.on(this.err, file.getFileName().toString(), Files.size(file)));
		double seconds = (System.nanoTime() - began) / 1e9;
		this.out.printf("Database: %s, filled: %,d incidents stored, %,d refused in %.1f s (%,.0f rows/s)%n", url,
				report.accepted(), report.rejected(), seconds, (report.accepted() + report.rejected()) / seconds);
	}

	/** Times every read, then the preview and the reload; false if any call failed. */
	private boolean measure(ServiceClient client, LocalDate last) {
		String recent = "from=" + last.minusDays(29);
		List<Long> alertIds = alertIds(client.get("/api/alerts?status=ANY"));
		this.out.printf("Calls:    %d warm-up and %d measured per endpoint, one at a time; %,d alerts stored%n%n",
				this.warmup, this.calls, alertIds.size());
		if (this.only.contains(Part.reads)) {
			this.out.printf("%-64s %5s %6s %8s %8s %8s %10s%n", "endpoint", "calls", "errors", "p50 ms", "p95 ms",
					"max ms", "bytes");
		}
		List<Latencies.Timed> timed = new ArrayList<>();
		Map<String, Supplier<ServiceClient.Answer>> reads = new LinkedHashMap<>();
		reads.put("GET /", () -> client.page("/"));
		reads.put("GET /?status=ANY", () -> client.page("/?status=ANY"));
		reads.put("GET /api/alerts", () -> client.get("/api/alerts"));
		reads.put("GET /api/alerts?status=ANY", () -> client.get("/api/alerts?status=ANY"));
		if (!alertIds.isEmpty()) {
			AtomicInteger next = new AtomicInteger();
			List<Long> some = alertIds.subList(0, Math.min(30, alertIds.size()));
			reads.put("GET /alerts/{id} (" + some.size() + " alerts in turn)",
					() -> client.page("/alerts/" + some.get(next.getAndIncrement() % some.size())));
			reads.put("GET /api/alerts/{id} (the same)",
					() -> client.get("/api/alerts/" + some.get(next.getAndIncrement() % some.size())));
		}
		reads.put("GET /incidents", () -> client.page("/incidents"));
		// Searches vary, as analysts' do: H2 answers a query repeated unchanged from the
		// result it kept.
		reads.put("GET /incidents?country= (5 countries in turn, last 90 d)",
				inTurn(COUNTRIES, (country) -> client.page("/incidents?country=" + country)));
		reads.put("GET /incidents?actor= (5 actor texts in turn, last 90 d)",
				inTurn(ACTORS, (actor) -> client.page("/incidents?actor=" + actor)));
		reads.put("GET /api/feeds/incidents.csv?country=&" + recent + " (30 d)", inTurn(COUNTRIES,
				(country) -> client.get("/api/feeds/incidents.csv?country=" + country + "&" + recent)));
		reads.put("GET /api/feeds/incidents.csv?actor=&" + recent + " (30 d)",
				inTurn(ACTORS, (actor) -> client.get("/api/feeds/incidents.csv?actor=" + actor + "&" + recent)));
		reads.put("GET /imports", () -> client.page("/imports"));
		reads.put("GET /api/imports", () -> client.get("/api/imports"));
		reads.put("GET /outbox", () -> client.page("/outbox"));
		reads.put("GET /api/outbox", () -> client.get("/api/outbox"));
		reads.put("GET /rules", () -> client.page("/rules"));
		reads.put("GET /api/rules/status", () -> client.get("/api/rules/status"));
		reads.put("GET /api/thresholds", () -> client.get("/api/thresholds"));
		reads.put("GET /api/feeds/transitions.atom", () -> client.get("/api/feeds/transitions.atom"));
		reads.put("GET /map", () -> client.page("/map"));
		reads.put("GET /api/incidents/map", () -> client.get("/api/incidents/map"));
		reads.put("GET /trends", () -> client.page("/trends"));
		// Last: opening it starts the run its preview period compares with, in the
		// background, which the reads after it would share the processors with.
		reads.put("GET /admin/thresholds", () -> client.page("/admin/thresholds"));
		if (!this.only.contains(Part.reads)) {
			reads.clear();
		}
		for (Map.Entry<String, Supplier<ServiceClient.Answer>> read : reads.entrySet()) {
			Latencies.Timed result = Latencies.time(read.getKey(), read.getValue(), this.warmup, this.calls);
			timed.add(result);
			this.out.printf("%-64s %5d %6d %8.1f %8.1f %8.1f %,10d%s%n", result.name(), result.calls(), result.errors(),
					result.p50(), result.p95(), result.max(), result.bytes(),
					(result.firstError() != null) ? "  first error: " + result.firstError() : "");
		}
		boolean ok = timed.stream().allMatch((result) -> result.errors() == 0);
		this.out.println();
		if (this.only.contains(Part.preview) && this.think > 0) {
			ok &= client.page("/admin/thresholds?days=365").ok();
			this.out.printf("Thresholds page opened for 365 days, %d s before the first preview%n", this.think);
			try {
				Thread.sleep(this.think * 1000L);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		for (int run = 1; this.only.contains(Part.preview) && run <= this.slowRuns; run++) {
			ServiceClient.Answer preview = client.post("/api/thresholds/preview", PREVIEW);
			ok &= preview.ok();
			this.out.printf("Threshold preview, 365 days, run %d: %,.0f ms (HTTP %d)%n", run, preview.millis(),
					preview.status());
		}
		for (int run = 1; this.only.contains(Part.reload) && run <= this.slowRuns; run++) {
			Latencies.During reload = Latencies.during(() -> client.post("/api/rules/reload", null),
					() -> client.page("/"));
			ok &= reload.answer().ok() && reload.probeErrors() == 0;
			this.out.printf(
					"Hot reload of all rules, run %d: %,.0f ms (HTTP %d); meanwhile GET / answered %d times, "
							+ "%d errors, median %.0f ms, worst %.0f ms%n",
					run, reload.answer().millis(), reload.answer().status(), reload.probes(), reload.probeErrors(),
					reload.probeP50(), reload.probeWorst());
		}
		return ok;
	}

	/** Calls with each value in turn, one per call. */
	private static Supplier<ServiceClient.Answer> inTurn(List<String> values,
			Function<String, ServiceClient.Answer> call) {
		AtomicInteger next = new AtomicInteger();
		return () -> call.apply(values.get(next.getAndIncrement() % values.size()));
	}

	private static List<Long> alertIds(ServiceClient.Answer alerts) {
		List<Long> ids = new ArrayList<>();
		Matcher id = ALERT_ID.matcher(alerts.text());
		while (id.find()) {
			ids.add(Long.parseLong(id.group(1)));
		}
		return ids;
	}

}
