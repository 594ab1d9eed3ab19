package org.harbinger.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.harbinger.TestIncidents;
import org.harbinger.incident.IncidentKey;
import org.harbinger.system.EditableFiles;
import org.harbinger.threshold.ThresholdsFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hot reload against a folder of its own: cross-border-fire in force, rocket-fire
 * (src/test/resources/reload) added, broken, fixed and deleted, thresholds edited.
 */
class RuleReloaderTests {

	private static final LocalDate TAKHAR = LocalDate.of(2022, 5, 7);

	private static final String THRESHOLDS = """
			cross-border-fire:
			  window-days: 30
			  critical-distinct-countries: 2
			  critical-count: 3
			  neighbours: [Uzbekistan, Tajikistan, Turkmenistan, Iran, Pakistan, China]
			  min-grade: C3
			""";

	/**
	 * A rule that remembers every country it saw, after the incident is gone; %s: the
	 * declare's metadata.
	 */
	private static final String REMEMBERED = """
			/*
			 * id: remembered
			 * title: Countries once hit (memory test)
			 * status: experimental
			 * role: any
			 */
			package org.harbinger.rules.remembered;

			import java.util.List;

			import org.harbinger.engine.IncidentFact;
			import org.harbinger.engine.IndicatorHit;
			import org.harbinger.engine.Severity;

			declare Hit
			    %s
			    country : String @key
			end

			rule "RememberHit"
			when
			    IncidentFact( $country : country )
			    not Hit( country == $country )
			then
			    insert( new Hit( $country ) );
			end

			rule "Remembered"
			when
			    Hit( $country : country )
			then
			    insertLogical( new IndicatorHit( "remembered", $country, Severity.INFO, List.of(), "once hit" ) );
			end
			""";

	@TempDir
	Path root;

	private Path rules;

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private EngineHarness harness;

	private RuleReloader reloader;

	@BeforeEach
	void start() throws Exception {
		this.rules = Files.createDirectory(this.root.resolve("rules"));
		Files.copy(Path.of("rules/cross-border-fire.drl"), this.rules.resolve("cross-border-fire.drl"));
		Files.writeString(this.root.resolve("thresholds.yml"), THRESHOLDS);
		ThresholdSource source = new ThresholdSource() {
			@Override
			public EditableFiles.Text current() {
				return EditableFiles.read(RuleReloaderTests.this.root, "config", "thresholds.yml");
			}

			@Override
			public ThresholdSet parse(EditableFiles.Text file, Map<String, ThresholdType> schema) {
				return ThresholdsFile.read(file, schema);
			}
		};
		RuleBase initial = RuleBase.compile(EditableFiles.list(this.rules, "rules", "drl"));
		ThresholdSet thresholds = source.parse(source.current(), initial.thresholdSchema());
		this.harness = EngineHarness.start(TAKHAR, initial, thresholds);
		this.reloader = new RuleReloader(this.harness.host(initial, thresholds), initial, thresholds, this.rules,
				source, this.events::add);
		this.harness.record(TestIncidents.rocketsFromAfghanistan("UZB2001", LocalDate.of(2022, 4, 18), "Uzbekistan"));
	}

	@AfterEach
	void stop() {
		this.reloader.close();
		this.harness.close();
	}

	@Test
	void aSyntaxErrorIsRefusedWithFileLineAndColumnAndTheRunningRulesKeepFiring() throws Exception {
		String version = this.reloader.status().version();
		String broken = rocketFire().replace("Today( $today : day )", "Today( $today : day");
		Files.writeString(this.rules.resolve("rocket-fire.drl"), broken);

		this.reloader.check();

		RulesStatus status = this.reloader.status();
		assertThat(status.state()).isEqualTo(RulesStatus.State.ERROR);
		assertThat(status.version()).as("the old rules stay in force").isEqualTo(version);
		assertThat(status.lastRefusal().errors()).singleElement().satisfies((error) -> {
			assertThat(error.file()).isEqualTo(this.rules.resolve("rocket-fire.drl").toString());
			assertThat(error.line()).isEqualTo(lineOf(broken, "Today( $today : day") + 1);
			assertThat(error.column()).isPositive();
		});
		assertThat(this.events).singleElement().isInstanceOf(RulesRejected.class);

		this.harness.record(TestIncidents.rocketsFromAfghanistan("TJK1001", TAKHAR, "Tajikistan"));
		assertThat(this.harness.transitions()).containsExactly("2022-05-07 cross-border-fire Uzbekistan WARNING FIRED",
				"2022-05-07 cross-border-fire Tajikistan CRITICAL FIRED",
				"2022-05-07 cross-border-fire Uzbekistan CRITICAL ESCALATED");

		this.reloader.check();
		assertThat(this.reloader.reload().state()).isEqualTo(RulesStatus.State.ERROR);
		assertThat(this.events).as("the same errors again are not news").hasSize(1);
	}

	@Test
	void aNewRuleBringsOnlyItsOwnTransitionsAndItsFileInTheStatus() throws Exception {
		this.harness.record(TestIncidents.rocketsFromAfghanistan("TJK1001", TAKHAR, "Tajikistan"));
		List<String> before = this.harness.transitions();

		Files.writeString(this.rules.resolve("rocket-fire.drl"), rocketFire());
		this.reloader.check();

		assertThat(this.harness.transitions()).containsExactlyElementsOf(concat(before,
				"2022-05-07 rocket-fire Tajikistan WARNING FIRED", "2022-05-07 rocket-fire Uzbekistan WARNING FIRED"));
		RulesStatus status = this.reloader.status();
		assertThat(status.state()).isEqualTo(RulesStatus.State.OK);
		assertThat(status.version()).isEqualTo(RuleBase.version(EditableFiles.list(this.rules, "rules", "drl")));
		assertThat(status.files()).extracting(RulesStatus.RuleFile::id)
			.containsExactly("cross-border-fire", "rocket-fire");
		assertThat(status.files().get(1).file()).isEqualTo(this.rules.resolve("rocket-fire.drl").toString());
		assertThat(status.files().get(1).levels()).containsExactly(Severity.WARNING);
		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(RulesReloaded.class,
					(reloaded) -> assertThat(reloaded.version()).isEqualTo(status.version()));
	}

	@Test
	void fixingARefusedFileBringsTheRuleInWithoutADuplicateTransition() throws Exception {
		Files.writeString(this.rules.resolve("rocket-fire.drl"),
				rocketFire().replace("insertLogical(", "insertLogical(("));
		this.reloader.check();
		assertThat(this.reloader.status().state()).isEqualTo(RulesStatus.State.ERROR);
		this.harness.record(TestIncidents.rocketsFromAfghanistan("TJK1001", TAKHAR, "Tajikistan"));
		List<String> before = this.harness.transitions();

		Files.writeString(this.rules.resolve("rocket-fire.drl"), rocketFire());
		this.reloader.check();

		assertThat(this.reloader.status().state()).isEqualTo(RulesStatus.State.OK);
		assertThat(this.reloader.status().lastRefusal().errors()).as("the last refusal stays visible").isNotEmpty();
		assertThat(this.harness.transitions()).containsExactlyElementsOf(concat(before,
				"2022-05-07 rocket-fire Tajikistan WARNING FIRED", "2022-05-07 rocket-fire Uzbekistan WARNING FIRED"));
	}

	@Test
	void deletingARuleFileResolvesTheAlertsOfItsIndicator() throws Exception {
		Files.writeString(this.rules.resolve("rocket-fire.drl"), rocketFire());
		this.reloader.check();
		List<String> before = this.harness.transitions();

		Files.delete(this.rules.resolve("rocket-fire.drl"));
		this.reloader.check();

		assertThat(this.harness.transitions())
			.containsExactlyElementsOf(concat(before, "2022-05-07 rocket-fire Uzbekistan WARNING RESOLVED"));
		assertThat(this.reloader.status().files()).extracting(RulesStatus.RuleFile::id)
			.containsExactly("cross-border-fire");
	}

	@Test
	void incidentsRecordedWhileTheRulesAreSwappedAreAllCountedOnce() throws Exception {
		Files.writeString(this.rules.resolve("rocket-fire.drl"), rocketFire());
		List<CompletableFuture<Void>> recorded = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		Thread feed = new Thread(() -> {
			for (int i = 0; i < 40; i++) {
				ids.add("UZB-R" + i);
				recorded.add(this.harness
					.recordLater(TestIncidents.rocketsFromAfghanistan("UZB-R" + i, TAKHAR, "Uzbekistan")));
			}
		});
		feed.start();
		this.reloader.reload();
		feed.join();
		CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).join();

		assertThat(this.harness.open("rocket-fire", "Uzbekistan").orElseThrow().evidence()).containsAll(ids)
			.contains("UZB2001");
		assertThat(this.harness.open("cross-border-fire", "Uzbekistan").orElseThrow().evidence()).containsAll(ids);
		assertThat(this.harness.transitions()).containsExactlyInAnyOrder(
				"2022-05-07 cross-border-fire Uzbekistan WARNING FIRED",
				"2022-05-07 cross-border-fire Uzbekistan CRITICAL ESCALATED",
				"2022-05-07 rocket-fire Uzbekistan WARNING FIRED");
	}

	@Test
	void aChangedThresholdsFileAppliesLive() throws Exception {
		ThresholdSet before = this.reloader.now().thresholds();
		Files.writeString(this.root.resolve("thresholds.yml"),
				THRESHOLDS.replace("critical-count: 3", "critical-count: 1"));

		this.reloader.check();

		assertThat(this.reloader.now().thresholds().values()).containsEntry("cross-border-fire.critical-count", 1);
		assertThat(this.harness.transitions()).containsExactly("2022-05-07 cross-border-fire Uzbekistan WARNING FIRED",
				"2022-05-07 cross-border-fire Uzbekistan CRITICAL ESCALATED");
		assertThat(this.events).singleElement().isInstanceOfSatisfying(ThresholdsChanged.class, (changed) -> {
			assertThat(changed.before()).isEqualTo(before.values());
			assertThat(changed.after()).containsEntry("cross-border-fire.critical-count", 1);
		});
	}

	@Test
	void anInvalidThresholdsFileIsRefusedWithKeyAndReasonAndTheValuesStay() throws Exception {
		ThresholdSet before = this.reloader.now().thresholds();
		Files.writeString(this.root.resolve("thresholds.yml"),
				THRESHOLDS.replace("window-days: 30", "window-days: -1"));

		this.reloader.check();

		assertThat(this.reloader.now().thresholds()).isSameAs(before);
		RulesStatus.ThresholdsStatus status = this.reloader.status().thresholds();
		assertThat(status.state()).isEqualTo(RulesStatus.State.ERROR);
		assertThat(status.errors()).singleElement().asString().contains("line 2: cross-border-fire.window-days: -1");
		assertThat(status.refusedAt()).isNotNull();
		assertThat(this.events).isEmpty();

		Files.writeString(this.root.resolve("thresholds.yml"), THRESHOLDS);
		this.reloader.check();
		assertThat(this.reloader.status().thresholds().state()).isEqualTo(RulesStatus.State.OK);
		assertThat(this.events).as("the values did not change").isEmpty();
	}

	@Test
	void valuesAppliedThroughTheApiAndThenSeenInTheFileApplyOnce() throws Exception {
		String edited = THRESHOLDS.replace("critical-count: 3", "critical-count: 2   # the desk asked");
		ThresholdSet next = ThresholdsFile.read(new EditableFiles.Text("thresholds.yml", edited),
				this.reloader.now().rules().thresholdSchema());

		assertThat(this.reloader.applyThresholds(next)).isTrue();
		assertThat(this.reloader.applyThresholds(next)).isFalse();
		Files.writeString(this.root.resolve("thresholds.yml"), edited);
		this.reloader.check();

		assertThat(this.events).singleElement().isInstanceOf(ThresholdsChanged.class);
		assertThat(this.reloader.now().thresholds().values()).containsEntry("cross-border-fire.critical-count", 2);
	}

	@Test
	void aNewRulesThresholdsMayBeAddedAfterTheRule() throws Exception {
		String withThreshold = rocketFire()
			.replace(" * status: experimental", " * status: experimental\n * thresholds:\n *   window-days: days")
			.replace("day > $today - 30", "day > $today - $window")
			.replace("Today( $today : day )",
					"Today( $today : day )\n    Threshold( key == \"rocket-fire.window-days\", $window : intValue )")
			.replace("import org.harbinger.engine.Severity;",
					"import org.harbinger.engine.Severity;\nimport org.harbinger.engine.Threshold;");
		Files.writeString(this.rules.resolve("rocket-fire.drl"), withThreshold);

		this.reloader.check();

		assertThat(this.reloader.status().lastRefusal().errors()).singleElement().satisfies((error) -> {
			assertThat(error.file()).isEqualTo(this.root.resolve("thresholds.yml").toString());
			assertThat(error.message()).isEqualTo("rocket-fire.window-days: missing; a rule reads it");
		});

		Files.writeString(this.root.resolve("thresholds.yml"), THRESHOLDS + "rocket-fire:\n  window-days: 30\n");
		this.reloader.check();

		assertThat(this.reloader.status().state()).isEqualTo(RulesStatus.State.OK);
		assertThat(this.reloader.now().thresholds().values()).containsEntry("rocket-fire.window-days", 30);
		assertThat(this.reloader.status().thresholds().state()).isEqualTo(RulesStatus.State.OK);
		assertThat(this.harness.transitions()).contains("2022-05-07 rocket-fire Uzbekistan WARNING FIRED");
	}

	@Test
	void aRuleThatCompilesButFailsWhenRunIsRefusedAndTheOldRulesAreBack() throws Exception {
		Files.writeString(this.rules.resolve("rocket-fire.drl"),
				rocketFire().replace("insertLogical( new IndicatorHit(",
						"if (true) throw new IllegalStateException(\"boom\");\n    insertLogical( new IndicatorHit("));
		List<String> before = this.harness.transitions();

		this.reloader.check();

		RulesStatus status = this.reloader.status();
		assertThat(status.state()).isEqualTo(RulesStatus.State.ERROR);
		assertThat(status.lastRefusal().errors()).singleElement()
			.satisfies((error) -> assertThat(error.message()).startsWith("the rules compiled but failed when run"));
		assertThat(status.files()).extracting(RulesStatus.RuleFile::id).containsExactly("cross-border-fire");
		this.harness.record(TestIncidents.rocketsFromAfghanistan("TJK1001", TAKHAR, "Tajikistan"));
		assertThat(this.harness.transitions())
			.containsExactlyElementsOf(concat(before, "2022-05-07 cross-border-fire Tajikistan CRITICAL FIRED",
					"2022-05-07 cross-border-fire Uzbekistan CRITICAL ESCALATED"));
	}

	@Test
	void whatTheSessionRemembersAndTheDatabaseCannotGiveBackIsKeptOnReload() throws Exception {
		Files.writeString(this.rules.resolve("remembered.drl"), REMEMBERED.formatted("@keptOnReload"));
		this.reloader.check();
		this.harness.delete(new IncidentKey("test", "UZB2001"));
		List<String> before = this.harness.transitions();
		assertThat(before).containsExactly("2022-05-07 cross-border-fire Uzbekistan WARNING FIRED",
				"2022-05-07 remembered Uzbekistan INFO FIRED",
				"2022-05-07 cross-border-fire Uzbekistan WARNING RETRACTED");

		this.reloader.reload();

		assertThat(this.harness.transitions()).as("nothing the swap itself caused").isEqualTo(before);
	}

	@Test
	void whatTheRulesDerivedFromADeletedIncidentGoesWithItNotAtTheNextReload() throws Exception {
		Files.writeString(this.rules.resolve("remembered.drl"), REMEMBERED.formatted(""));
		this.reloader.check();

		this.harness.delete(new IncidentKey("test", "UZB2001"));

		// A plainly inserted fact outlives its incident only until the step that deletes
		// it rebuilds.
		List<String> afterDeletion = this.harness.transitions();
		assertThat(afterDeletion).endsWith("2022-05-07 remembered Uzbekistan INFO RESOLVED");
		this.reloader.reload();
		assertThat(this.harness.transitions()).as("the reload finds nothing left to change").isEqualTo(afterDeletion);
	}

	@Test
	void emptyingTheRulesFolderIsRefused() throws Exception {
		Files.delete(this.rules.resolve("cross-border-fire.drl"));

		this.reloader.check();

		assertThat(this.reloader.status().state()).isEqualTo(RulesStatus.State.ERROR);
		assertThat(this.harness.open("cross-border-fire", "Uzbekistan")).isPresent();
	}

	private static String rocketFire() throws Exception {
		return Files.readString(Path.of("src/test/resources/reload/rocket-fire.drl"));
	}

	private static int lineOf(String text, String part) {
		return (int) text.lines().takeWhile((line) -> !line.contains(part)).count() + 1;
	}

	private static List<String> concat(List<String> before, String... added) {
		List<String> all = new ArrayList<>(before);
		all.addAll(List.of(added));
		return all;
	}

}
