package org.harbinger.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.harbinger.backtest.ScenarioRunner;
import org.harbinger.engine.RuleBase;
import org.harbinger.engine.RuleCompileException;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.ingest.OfflineIngest;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.threshold.ThresholdsFile;

/** {@code rules check}: what a rule author or CI runs before publishing a rule. */
final class RulesCommand {

	private RulesCommand() {
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0) {
			throw new UsageException("rules needs a subcommand: check or test");
		}
		Options options = new Options(Arrays.copyOfRange(args, 1, args.length), Set.of("rules", "thresholds"));
		Path rulesDir = options.path("rules", "rules");
		Path thresholds = options.path("thresholds", "config/thresholds.yml");
		return switch (args[0]) {
			case "check" -> check(rulesDir, thresholds, out, err);
			case "test" -> test(rulesDir, thresholds, out, err);
			default -> throw new UsageException("Unknown rules subcommand '" + args[0] + "'");
		};
	}

	/** The rules and the thresholds they declare, loaded and checked, or null after reporting why not. */
	static Loaded load(Path rulesDir, Path thresholds, PrintStream err) {
		RuleBase rules;
		try {
			rules = RuleBase.compile(EditableFiles.list(rulesDir, "rules", "drl"));
		}
		catch (RuleCompileException ex) {
			ex.errors().forEach(err::println);
			return null;
		}
		try {
			Path dir = (thresholds.getParent() != null) ? thresholds.getParent() : Path.of(".");
			return new Loaded(rules, ThresholdsFile.read(
					EditableFiles.read(dir, "config", thresholds.getFileName().toString()), rules.thresholdSchema()));
		}
		catch (ConfigFileException ex) {
			ex.problems().forEach((problem) -> err.println(thresholds + ": " + problem));
			return null;
		}
	}

	/** Compiled rules with their checked thresholds. */
	record Loaded(RuleBase rules, ThresholdSet thresholds) {
	}

	private static int test(Path rulesDir, Path thresholds, PrintStream out, PrintStream err) {
		Loaded loaded = load(rulesDir, thresholds, err);
		if (loaded == null) {
			return 1;
		}
		Path config = (thresholds.getParent() != null) ? thresholds.getParent() : Path.of(".");
		ScenarioRunner.Outcome outcome = new ScenarioRunner(loaded.rules(), loaded.thresholds(),
				OfflineIngest.fields(config))
			.runAll(rulesDir.resolve("tests"));
		for (ScenarioRunner.Result result : outcome.results()) {
			out.println((result.passed() ? "PASS " : "FAIL ") + result.file() + ": " + result.name());
			result.diff().forEach((line) -> out.println("    " + line));
		}
		outcome.problems().forEach((problem) -> err.println("PROBLEM " + problem));
		long failed = outcome.results().stream().filter((result) -> !result.passed()).count();
		out.println((outcome.results().size() - failed) + " passed, " + failed + " failed");
		return outcome.passed() ? 0 : 1;
	}

	private static int check(Path rulesDir, Path thresholds, PrintStream out, PrintStream err) {
		Loaded loaded = load(rulesDir, thresholds, err);
		if (loaded == null) {
			return 1;
		}
		out.println("OK: " + loaded.rules().indicators().size() + " indicators in " + rulesDir + ", "
				+ loaded.thresholds().values().size() + " thresholds in " + thresholds);
		return 0;
	}

}
