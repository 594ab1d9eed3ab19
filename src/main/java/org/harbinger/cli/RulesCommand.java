package org.harbinger.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.harbinger.backtest.ScenarioRunner;
import org.harbinger.engine.RuleBase;
import org.harbinger.engine.RuleCompileException;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.ingest.OfflineIngest;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.threshold.ThresholdsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rules check} and {@code rules test}: what a rule author or CI runs before
 * publishing a rule.
 */
@Command(name = "rules", description = "Check the rules and thresholds, or run their scenario tests.",
		synopsisSubcommandLabel = "(check | test)")
final class RulesCommand {

	private final PrintStream out;

	private final PrintStream err;

	RulesCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** {@code --rules DIR --thresholds FILE}: the files a rule command reads. */
	static final class RuleFiles {

		@Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
				description = "Folder of the *.drl files (default: ${DEFAULT-VALUE}).")
		private Path rules;

		@Option(names = "--thresholds", paramLabel = "FILE", defaultValue = "config/thresholds.yml",
				description = "The thresholds file (default: ${DEFAULT-VALUE}).")
		private Path thresholds;

		Loaded load(PrintStream err) {
			return RulesCommand.load(this.rules, this.thresholds, err);
		}

	}

	@Command(name = "check",
			description = "Compile the rules and check the thresholds; file:line:col: message per error.",
			exitCodeListHeading = Cli.EXIT_CODES_HEADING,
			exitCodeList = { Cli.EXIT_OK, "1:a rule does not compile or a threshold is refused", Cli.EXIT_USAGE })
	int check(@Mixin RuleFiles files) {
		Loaded loaded = files.load(this.err);
		if (loaded == null) {
			return 1;
		}
		this.out.println("OK: " + loaded.rules().indicators().size() + " indicators in " + files.rules + ", "
				+ loaded.thresholds().values().size() + " thresholds in " + files.thresholds);
		return 0;
	}

	@Command(name = "test", description = "Run the scenario tests in DIR/tests/*.yaml; a diff per failure.",
			exitCodeListHeading = Cli.EXIT_CODES_HEADING, exitCodeList = { "0:every scenario passed",
					"1:a scenario failed, or the rules or thresholds are refused", Cli.EXIT_USAGE })
	int test(@Mixin RuleFiles files) {
		Loaded loaded = files.load(this.err);
		if (loaded == null) {
			return 1;
		}
		Path config = (files.thresholds.getParent() != null) ? files.thresholds.getParent() : Path.of(".");
		ScenarioRunner.Outcome outcome = new ScenarioRunner(loaded.rules(), loaded.thresholds(),
				OfflineIngest.fields(config))
			.runAll(files.rules.resolve("tests"));
		for (ScenarioRunner.Result result : outcome.results()) {
			this.out.println((result.passed() ? "PASS " : "FAIL ") + result.file() + ": " + result.name());
			result.diff().forEach((line) -> this.out.println("    " + line));
		}
		outcome.problems().forEach((problem) -> this.err.println("PROBLEM " + problem));
		long failed = outcome.results().stream().filter((result) -> !result.passed()).count();
		this.out.println((outcome.results().size() - failed) + " passed, " + failed + " failed");
		return outcome.passed() ? 0 : 1;
	}

	/**
	 * The rules and the thresholds they declare, loaded and checked, or null after
	 * reporting why not.
	 */
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
			return new Loaded(rules, ThresholdsFile
				.read(EditableFiles.read(dir, "config", thresholds.getFileName().toString()), rules.thresholdSchema()));
		}
		catch (ConfigFileException ex) {
			ex.problems().forEach((problem) -> err.println(thresholds + ": " + problem));
			return null;
		}
	}

	/** Compiled rules with their checked thresholds. */
	record Loaded(RuleBase rules, ThresholdSet thresholds) {
	}

}
