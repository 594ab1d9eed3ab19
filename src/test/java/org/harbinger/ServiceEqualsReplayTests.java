package org.harbinger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.harbinger.alert.AlertRepository;
import org.harbinger.backtest.Backtest;
import org.harbinger.backtest.BacktestTransition;
import org.harbinger.engine.EngineHost;
import org.harbinger.engine.RuleBase;
import org.harbinger.engine.RuleChanges;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.incident.IncidentKey;
import org.harbinger.incident.IncidentService;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.YamlEdit;
import org.harbinger.threshold.ThresholdsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential test on the running service (docs/architecture.md, "One truth"): a
 * seeded random stream goes in as it would live (reports through the incident service
 * into the database, the clock job's moves, a hand edit of the thresholds file, a rule
 * reload), the service is stopped and started again on its database file at random steps,
 * and the transitions it recorded are the backtest's of the same stream, one for one.
 * {@code engine.LiveEqualsReplayTests} runs the engine alone on more seeds and longer
 * streams. Any size:
 * {@code ./mvnw test -Dtest=ServiceEqualsReplayTests -Dharbinger.differential.service-days=365}.
 */
class ServiceEqualsReplayTests {

	private static final int DAYS = Integer.getInteger("harbinger.differential.service-days", 60);

	@TempDir
	Path dir;

	@Test
	void aServiceRestartedAtRandomStepsRecordsTheBacktestsTransitions() throws Exception {
		RuleBase rules = RuleBase.compile(EditableFiles.list(Path.of("rules"), "rules", "drl"));
		ThresholdSet shipped = ThresholdsFile.read(EditableFiles.read(Path.of("config"), "config", "thresholds.yml"),
				rules.thresholdSchema());
		IncidentStream stream = IncidentStream.generate(11, DAYS, 5000, shipped, rules);
		List<String> replayed = new Backtest(rules, shipped).replay(stream.start(), stream.steps())
			.stream()
			.map(ServiceEqualsReplayTests::line)
			.toList();

		LocalDate today = stream.start();
		ConfigurableApplicationContext service = start(today);
		try {
			for (int index = 0; index < stream.steps().size(); index++) {
				Backtest.Step step = stream.steps().get(index);
				if (stream.restarts().contains(index)) {
					service.close();
					service = start(today);
				}
				if (step.thresholds() != null) {
					editThresholds(step.thresholds());
					service.getBean(RuleChanges.class).applyThresholds(step.thresholds());
				}
				if (step.rules() != null) {
					service.getBean(RuleChanges.class).reload();
				}
				if (!step.day().equals(today)) {
					today = step.day();
					service.getBean(EngineHost.class).advanceTo(today).join();
				}
				IncidentService incidents = service.getBean(IncidentService.class);
				if (!step.upserts().isEmpty()) {
					incidents.record(step.upserts());
				}
				step.deletions().forEach((IncidentKey key) -> incidents.delete(key));
				service.getBean(EngineHost.class).today();
			}
			List<String> recorded = service.getBean(AlertRepository.class)
				.transitionsAfter(0)
				.stream()
				.map((t) -> String.join(" ", t.date().toString(), t.indicator(), t.scope(), t.severity().name(),
						t.kind().name(), String.join(",", t.evidence()), Objects.toString(t.detail())))
				.toList();
			System.out.printf("%d steps, %d restarts, %d transitions%n", stream.steps().size(),
					stream.restarts().size(), recorded.size());
			assertThat(replayed).as("the backtest finds alerts to compare").isNotEmpty();
			assertThat(recorded).containsExactlyElementsOf(replayed);
		}
		finally {
			service.close();
		}
	}

	private static String line(BacktestTransition t) {
		return String.join(" ", t.date().toString(), t.indicator(), t.scope(), t.severity().name(),
				t.transition().name(), String.join(",", t.evidence()), Objects.toString(t.detail()));
	}

	/** As an administrator edits the file by hand: the values the step puts in force. */
	private void editThresholds(ThresholdSet next) throws Exception {
		Path file = TestServices.config(this.dir).resolve("thresholds.yml");
		YamlEdit edit = new YamlEdit(Files.readString(file));
		for (Map.Entry<String, Object> value : next.values().entrySet()) {
			String[] key = value.getKey().split("\\.", 2);
			edit = edit.set(List.of(key[0], key[1]), value.getValue());
		}
		Files.writeString(file, edit.text());
	}

	private ConfigurableApplicationContext start(LocalDate clock) throws Exception {
		return TestServices.onH2File(this.dir, "differential", clock);
	}

}
