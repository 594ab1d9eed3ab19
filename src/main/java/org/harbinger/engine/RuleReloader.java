package org.harbinger.engine;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Hot reload (docs/architecture.md, decision 4) of rules/*.drl and config/thresholds.yml,
 * watched together because the rules declare which thresholds exist. Compiling happens
 * here, off the engine thread; only a rule base that compiled, whose thresholds fit it
 * and whose session seeded cleanly is swapped in. Anything refused leaves the running
 * rules and values in force and is kept as the status. Also the one place where the
 * values in force are known and changed, whether from the file or from an administrator's
 * API.
 */
final class RuleReloader implements RulesInForce, RuleChanges, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RuleReloader.class);

	private static final Pattern PROBLEM_LINE = Pattern.compile("^line (\\d+): (.*)$", Pattern.DOTALL);

	private final EngineHost engine;

	private final Path rulesDir;

	private final ThresholdSource thresholdSource;

	private final ApplicationEventPublisher events;

	/**
	 * One change at a time (a reload, a threshold edit, a look at the files), held while
	 * it compiles and the engine seeds. Readers ({@link #now()}, {@link #status()}) take
	 * only this object's monitor, which a change holds just to set its fields: pages that
	 * show the rules answer throughout a reload instead of waiting for it.
	 */
	private final Object changing = new Object();

	private ScheduledExecutorService watch;

	private RuleBase rules;

	private ThresholdSet thresholds;

	private Instant loadedAt;

	private boolean refused;

	private RulesStatus.Refusal lastRefusal;

	/**
	 * What was refused: the rule files' version with the thresholds file's hash, so
	 * neither is retried unchanged.
	 */
	private String refusedKey;

	private String thresholdsHash;

	private Instant thresholdsAppliedAt;

	private Instant thresholdsRefusedAt;

	private List<String> thresholdProblems = List.of();

	RuleReloader(EngineHost engine, RuleBase rules, ThresholdSet thresholds, Path rulesDir,
			ThresholdSource thresholdSource, ApplicationEventPublisher events) {
		this.engine = engine;
		this.rules = rules;
		this.thresholds = thresholds;
		this.rulesDir = rulesDir;
		this.thresholdSource = thresholdSource;
		this.events = events;
		this.loadedAt = Instant.now();
		this.thresholdsAppliedAt = this.loadedAt;
		this.thresholdsHash = hash(thresholdSource.current());
	}

	@Override
	public synchronized InForce now() {
		return new InForce(this.rules, this.thresholds);
	}

	@Override
	public synchronized RulesStatus status() {
		List<RulesStatus.RuleFile> files = this.rules.files()
			.entrySet()
			.stream()
			.map((file) -> new RulesStatus.RuleFile(file.getKey(), file.getValue().id(), file.getValue().title(),
					file.getValue().status(), file.getValue().levels(), file.getValue().role().label(),
					file.getValue().group()))
			.toList();
		RulesStatus.ThresholdsStatus thresholdsStatus = new RulesStatus.ThresholdsStatus(
				this.thresholdProblems.isEmpty() ? RulesStatus.State.OK : RulesStatus.State.ERROR,
				this.thresholdSource.current().location(), this.thresholdsAppliedAt, this.thresholdsRefusedAt,
				this.thresholdProblems);
		return new RulesStatus(this.refused ? RulesStatus.State.ERROR : RulesStatus.State.OK, this.rules.version(),
				this.loadedAt, files, this.lastRefusal, thresholdsStatus);
	}

	@Override
	public RulesStatus reload() {
		synchronized (this.changing) {
			attemptRules(EditableFiles.list(this.rulesDir, "rules", "drl"), this.thresholdSource.current());
		}
		return status();
	}

	@Override
	public boolean applyThresholds(ThresholdSet next) {
		synchronized (this.changing) {
			if (!next.values().keySet().equals(this.rules.thresholdSchema().keySet())) {
				throw new IllegalArgumentException("The thresholds do not match the keys the rules in force declare");
			}
			if (next.values().equals(this.thresholds.values())) {
				return false;
			}
			ThresholdSet before = this.thresholds;
			this.engine.useThresholds(next).join();
			synchronized (this) {
				this.thresholds = next;
				this.thresholdsAppliedAt = Instant.now();
			}
			logger.info("Thresholds changed: {}", differences(before.values(), next.values()));
			publish(new ThresholdsChanged(before.values(), next.values()));
			return true;
		}
	}

	/** Looks at the files once more (after they settled) and loads what changed. */
	void check() {
		synchronized (this.changing) {
			List<EditableFiles.Text> files = EditableFiles.list(this.rulesDir, "rules", "drl");
			EditableFiles.Text thresholdsFile = this.thresholdSource.current();
			String version = RuleBase.version(files);
			if (!version.equals(this.rules.version())) {
				if (!key(version, thresholdsFile).equals(this.refusedKey) && attemptRules(files, thresholdsFile)) {
					return;
				}
			}
			else if (this.refused) {
				logger.info("The rule files are back to version {}, which is in force", version);
				synchronized (this) {
					this.refused = false;
					this.refusedKey = null;
				}
			}
			// Values edited while the rule files are refused still apply, against the
			// rules in force.
			String hash = hash(thresholdsFile);
			if (!hash.equals(this.thresholdsHash)) {
				this.thresholdsHash = hash;
				attemptThresholds(thresholdsFile);
			}
		}
	}

	/** Starts watching the files; see {@link ReloadProperties}. */
	synchronized void watch(ReloadProperties properties) {
		FileWatch files = new FileWatch(this::fingerprint, properties.quietPeriod());
		this.watch = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "harbinger-rules-watch");
			thread.setDaemon(true);
			return thread;
		});
		long interval = properties.pollInterval().toMillis();
		this.watch.scheduleWithFixedDelay(() -> {
			try {
				if (files.settled(System.currentTimeMillis())) {
					check();
				}
			}
			catch (RuntimeException ex) {
				// A failed look must not end the watch: the next poll tries again.
				logger.warn("Could not check the rule and threshold files: {}", ex.toString());
			}
		}, interval, interval, TimeUnit.MILLISECONDS);
		logger.info("Watching {}/*.drl and {} for changes", this.rulesDir, this.thresholdSource.current().location());
	}

	@Override
	public void close() {
		ScheduledExecutorService running;
		synchronized (this) {
			running = this.watch;
		}
		if (running != null) {
			running.shutdownNow();
		}
	}

	/** True when the files are in force now. */
	private boolean attemptRules(List<EditableFiles.Text> files, EditableFiles.Text thresholdsFile) {
		String version = RuleBase.version(files);
		RuleBase next;
		ThresholdSet nextThresholds;
		long started = System.nanoTime();
		long compiled;
		try {
			if (files.isEmpty()) {
				throw new RuleCompileException(List.of(new RuleError(this.rulesDir.toString(), 0, 0,
						"no rule files; refusing to unload every indicator")));
			}
			next = RuleBase.compile(files);
			nextThresholds = thresholdsFor(next, thresholdsFile);
			compiled = System.nanoTime();
			this.engine.useRules(next, nextThresholds).join();
		}
		catch (RuleCompileException ex) {
			refuse(version, key(version, thresholdsFile), ex.errors());
			return false;
		}
		catch (CompletionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			refuse(version, key(version, thresholdsFile), List.of(new RuleError(this.rulesDir.toString(), 0, 0,
					"the rules compiled but failed when run, so they were not swapped in: " + cause.getMessage())));
			return false;
		}
		ThresholdSet before = this.thresholds;
		synchronized (this) {
			this.rules = next;
			this.thresholds = nextThresholds;
			this.loadedAt = Instant.now();
			this.refused = false;
			this.refusedKey = null;
			this.thresholdsHash = hash(thresholdsFile);
			this.thresholdProblems = List.of();
		}
		// Where a reload's time goes (docs/performance.md, "Pages at a million
		// incidents").
		logger.info("Rules version {} in force: {} files, compiled in {} ms, session seeded in {} ms", version,
				files.size(), (compiled - started) / 1_000_000, (System.nanoTime() - compiled) / 1_000_000);
		publish(new RulesReloaded(version, files.size(), this.loadedAt));
		if (!before.values().equals(nextThresholds.values())) {
			this.thresholdsAppliedAt = this.loadedAt;
			publish(new ThresholdsChanged(before.values(), nextThresholds.values()));
		}
		return true;
	}

	/**
	 * The thresholds file read against new rules: a misfit refuses the rules, placed in
	 * the thresholds file.
	 */
	private ThresholdSet thresholdsFor(RuleBase next, EditableFiles.Text file) {
		try {
			return this.thresholdSource.parse(file, next.thresholdSchema());
		}
		catch (ConfigFileException ex) {
			throw new RuleCompileException(ex.problems().stream().map((problem) -> {
				Matcher placed = PROBLEM_LINE.matcher(problem);
				return placed.matches()
						? new RuleError(file.location(), Integer.parseInt(placed.group(1)), 0, placed.group(2))
						: new RuleError(file.location(), 0, 0, problem);
			}).toList());
		}
	}

	private void refuse(String version, String key, List<RuleError> errors) {
		// The same errors again (another save, a forced reload) are not news to the
		// authors.
		boolean repeated = this.refused && this.lastRefusal.errors().equals(errors);
		synchronized (this) {
			this.refused = true;
			this.refusedKey = key;
			this.lastRefusal = new RulesStatus.Refusal(Instant.now(), version, errors);
		}
		logger.error("Rules refused; version {} stays in force:\n  {}", this.rules.version(),
				errors.stream().map(RuleError::toString).collect(Collectors.joining("\n  ")));
		if (!repeated) {
			publish(new RulesRejected(version, this.rules.version(), errors, this.lastRefusal.at()));
		}
	}

	private void attemptThresholds(EditableFiles.Text file) {
		ThresholdSet next;
		try {
			next = this.thresholdSource.parse(file, this.rules.thresholdSchema());
		}
		catch (ConfigFileException ex) {
			synchronized (this) {
				this.thresholdProblems = ex.problems();
				this.thresholdsRefusedAt = Instant.now();
			}
			logger.warn("{}; the values in force stay", ex.getMessage());
			return;
		}
		synchronized (this) {
			this.thresholdProblems = List.of();
		}
		applyThresholds(next);
	}

	private void publish(Object event) {
		try {
			this.events.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// A listener's failure (say, the outbox) must not undo a reload that
			// happened.
			logger.warn("A listener failed on {}: {}", event.getClass().getSimpleName(), ex.toString());
		}
	}

	private String fingerprint() {
		try {
			List<EditableFiles.Text> files = new ArrayList<>(EditableFiles.list(this.rulesDir, "rules", "drl"));
			files.add(this.thresholdSource.current());
			return RuleBase.version(files);
		}
		catch (UncheckedIOException ex) {
			// Caught mid-save (listed, then gone): unique, so the change is not settled
			// yet.
			return "unreadable " + System.nanoTime();
		}
	}

	private static String key(String version, EditableFiles.Text thresholdsFile) {
		return version + "/" + hash(thresholdsFile);
	}

	private static String hash(EditableFiles.Text file) {
		return RuleBase.version(List.of(file));
	}

	private static String differences(Map<String, Object> before, Map<String, Object> after) {
		TreeSet<String> keys = new TreeSet<>(before.keySet());
		keys.addAll(after.keySet());
		return keys.stream()
			.filter((key) -> !Objects.equals(before.get(key), after.get(key)))
			.map((key) -> key + " " + before.get(key) + " -> " + after.get(key))
			.collect(Collectors.joining(", "));
	}

}
