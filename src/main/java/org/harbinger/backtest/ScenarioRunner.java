package org.harbinger.backtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.harbinger.engine.RuleBase;
import org.harbinger.engine.RuleMetadata;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.ingest.IncidentFields;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;

/**
 * Runs the scenario files in {@code rules/tests/}: each scenario is a small backtest
 * whose transitions of its indicator must equal the expected ones. Also checks that every
 * indicator has a file, and that the file shows what a rule author must show: firing,
 * silence just below each threshold, resolution, a late report, a duplicate report, and
 * escalation and baseline cover where the indicator has them.
 */
public final class ScenarioRunner {

	private static final List<String> ALWAYS = List.of("fires", "silent-below", "resolves", "late-report", "duplicate");

	private final RuleBase rules;

	private final ThresholdSet thresholds;

	private final IncidentFields fields;

	public ScenarioRunner(RuleBase rules, ThresholdSet thresholds, IncidentFields fields) {
		this.rules = rules;
		this.thresholds = thresholds;
		this.fields = fields;
	}

	/**
	 * One scenario's outcome; {@code diff} lines start with - (expected, missing) or +
	 * (actual, unexpected).
	 */
	public record Result(String file, String name, boolean passed, List<String> diff) {
	}

	/** Every scenario's result, and problems with the files themselves. */
	public record Outcome(List<Result> results, List<String> problems) {

		public boolean passed() {
			return this.problems.isEmpty() && this.results.stream().allMatch(Result::passed);
		}

	}

	/** The scenarios of every file, read and checked, without running them. */
	public List<Scenario> scenarios(Path testsDir, List<String> problems) {
		List<Scenario> scenarios = new ArrayList<>();
		Map<String, Set<String>> covered = new HashMap<>();
		for (EditableFiles.Text file : EditableFiles.list(testsDir, "rules/tests", "yaml")) {
			try {
				for (Scenario scenario : ScenarioFile.read(file, this.fields, this.rules.thresholdSchema())) {
					if (!this.rules.indicators().containsKey(scenario.indicator())) {
						problems
							.add(file.location() + ": no rule file declares indicator '" + scenario.indicator() + "'");
						break;
					}
					scenarios.add(scenario);
					covered.computeIfAbsent(scenario.indicator(), (id) -> new LinkedHashSet<>())
						.addAll(scenario.covers());
				}
			}
			catch (ConfigFileException ex) {
				problems.add(ex.getMessage());
			}
		}
		for (RuleMetadata indicator : this.rules.indicators().values()) {
			Set<String> kinds = covered.get(indicator.id());
			if (kinds == null) {
				problems.add("indicator '" + indicator.id() + "' has no scenarios: add "
						+ testsDir.resolve(indicator.id() + ".yaml"));
				continue;
			}
			List<String> needed = new ArrayList<>(ALWAYS);
			if (indicator.levels().size() > 1) {
				needed.add("escalates");
			}
			if (indicator.history()) {
				needed.add("baseline");
			}
			// The negative control for actor roles (docs/indicators.md, "Actor roles"):
			// the
			// same incidents with the indicator's group in the other role must leave it
			// silent.
			needed.add(indicator.controlKind());
			needed.removeAll(kinds);
			if (!needed.isEmpty()) {
				problems.add("indicator '" + indicator.id() + "': no scenario covers " + needed);
			}
		}
		return scenarios;
	}

	public Outcome runAll(Path testsDir) {
		List<String> problems = new ArrayList<>();
		List<Result> results = scenarios(testsDir, problems).stream().map(this::run).toList();
		return new Outcome(results, problems);
	}

	public Result run(Scenario scenario) {
		Map<String, Object> values = new HashMap<>(this.thresholds.values());
		values.putAll(scenario.thresholds());
		List<BacktestTransition> transitions = new Backtest(this.rules,
				ThresholdSet.of(values, this.rules.thresholdSchema()))
			.run(scenario.incidents(), scenario.from(), scenario.to());
		List<String> actual = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		int index = 0;
		for (BacktestTransition t : transitions) {
			if (!t.indicator().equals(scenario.indicator())) {
				continue;
			}
			Scenario.Expected shown = new Scenario.Expected(t.date(), t.scope(), t.severity().name(),
					t.transition().name(), t.evidence());
			boolean withEvidence = index < scenario.expected().size()
					&& scenario.expected().get(index).evidence() != null;
			actual.add(shown.line(withEvidence));
			index++;
		}
		scenario.expected().forEach((e) -> expected.add(e.line(true)));
		if (expected.equals(actual)) {
			return new Result(scenario.file(), scenario.name(), true, List.of());
		}
		List<String> diff = new ArrayList<>();
		expected.stream().filter((line) -> !actual.contains(line)).forEach((line) -> diff.add("- " + line));
		actual.stream().filter((line) -> !expected.contains(line)).forEach((line) -> diff.add("+ " + line));
		if (diff.isEmpty()) {
			diff.add("  the same transitions in another order; expected:");
			expected.forEach((line) -> diff.add("-   " + line));
			actual.forEach((line) -> diff.add("+   " + line));
		}
		return new Result(scenario.file(), scenario.name(), false, diff);
	}

}
