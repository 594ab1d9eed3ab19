package org.harbinger.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.harbinger.system.EditableFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuleBaseTests {

	private static final String HEADER = """
			/*
			 * id: broken
			 * title: A broken rule
			 * status: experimental
			 * role: any
			 */
			package org.harbinger.rules;
			import org.harbinger.engine.IncidentFact;
			""";

	@Test
	void compilesTheShippedRulesWithTheirMetadata() {
		RuleBase rules = RuleBase.compile(EditableFiles.list(Path.of("rules"), "rules", "drl"));

		assertThat(rules.indicators()).containsKeys("cross-border-fire", "attack-surge");
		assertThat(rules.indicators().get("cross-border-fire").title()).isEqualTo("Cross-border fire from Afghanistan");
		assertThat(rules.thresholdSchema()).containsEntry("attack-surge.ratio", ThresholdType.RATIO)
			.containsEntry("cross-border-fire.neighbours", ThresholdType.LIST);
	}

	@Test
	void eachBuildLeavesNoModuleInTheKieRepository() {
		RuleBase rules = RuleBase.compile(EditableFiles.list(Path.of("rules"), "rules", "drl"));

		assertThat(KieServices.Factory.get().getRepository().getKieModule(rules.releaseId()))
			.as("a reload must not leak the previous build")
			.isNull();
		assertThat(rules.kieBase().getKiePackages()).isNotEmpty();
	}

	@Test
	void theVersionIsAHashOfTheFilesNamesAndText() {
		EditableFiles.Text a = new EditableFiles.Text("rules/a.drl", "rule A");

		assertThat(RuleBase.version(List.of(a))).hasSize(12)
			.isEqualTo(RuleBase.version(List.of(new EditableFiles.Text("/elsewhere/a.drl", "rule A"))))
			.isNotEqualTo(RuleBase.version(List.of(new EditableFiles.Text("rules/a.drl", "rule A "))))
			.isNotEqualTo(RuleBase.version(List.of(new EditableFiles.Text("rules/b.drl", "rule A"))));
	}

	@Test
	void aSyntaxErrorNamesTheFileAndLineAndNothingElse(@TempDir Path rules) throws Exception {
		Files.copy(Path.of("rules/attack-surge.drl"), rules.resolve("attack-surge.drl"));
		Files.writeString(rules.resolve("broken.drl"), HEADER + """
				rule "Broken"
				when
				    IncidentFact( country == "Uzbekistan"
				then
				end
				""");

		assertThatExceptionOfType(RuleCompileException.class)
			.isThrownBy(() -> RuleBase.compile(EditableFiles.list(rules, "rules", "drl")))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement().satisfies((error) -> {
				assertThat(error.file()).isEqualTo(rules.resolve("broken.drl").toString());
				assertThat(error.line()).isEqualTo(12);
				assertThat(error.toString()).startsWith(rules.resolve("broken.drl") + ":12:");
			}));
	}

	@Test
	void anUnknownFieldIsASemanticErrorInItsFile(@TempDir Path rules) throws Exception {
		Files.writeString(rules.resolve("broken.drl"), HEADER + """
				rule "Broken"
				when
				    IncidentFact( province == "Kunar" )
				then
				end
				""");

		assertThatExceptionOfType(RuleCompileException.class)
			.isThrownBy(() -> RuleBase.compile(EditableFiles.list(rules, "rules", "drl")))
			.satisfies((ex) -> assertThat(ex.errors()).anySatisfy((error) -> {
				assertThat(error.file()).endsWith("broken.drl");
				assertThat(error.message()).contains("province");
			}));
	}

	@Test
	void aRuleFileWithoutMetadataIsRefused(@TempDir Path rules) throws Exception {
		Files.writeString(rules.resolve("bare.drl"), "package org.harbinger.rules;\n");

		assertThatExceptionOfType(RuleCompileException.class)
			.isThrownBy(() -> RuleBase.compile(EditableFiles.list(rules, "rules", "drl")))
			.withMessageContaining("bare.drl:1:1: a rule file must open with a /* ... */ metadata block");
	}

	@Test
	void everyShippedIndicatorSaysWhichRoleOfIskpItCounts() {
		RuleBase rules = RuleBase.compile(EditableFiles.list(Path.of("rules"), "rules", "drl"));

		assertThat(rules.indicators().get("attack-surge").role()).isEqualTo(ActorRole.PERPETRATOR);
		assertThat(rules.indicators().get("crackdown-surge").role()).isEqualTo(ActorRole.TARGET);
		assertThat(rules.indicators().get("sectarian-attack").role()).isEqualTo(ActorRole.ANY);
		assertThat(rules.indicators().get("attack-surge").controlKind()).isEqualTo("iskp-target");
		assertThat(rules.indicators().get("crackdown-surge").controlKind()).isEqualTo("iskp-perpetrator");
	}

	/**
	 * Issue 20: an indicator of another group names it, and its control is that group's.
	 */
	@Test
	void anIndicatorOfAnotherGroupNamesItAndNeedsThatGroupsControl() {
		RuleBase rules = RuleBase.compile(EditableFiles.list(Path.of("rules"), "rules", "drl"));

		assertThat(rules.indicators().get("ttp-surge").group()).isEqualTo("TTP");
		assertThat(rules.indicators().get("ttp-surge").controlKind()).isEqualTo("ttp-target");
		assertThat(rules.indicators().get("pak-afghan-border-clash").controlKind()).isEqualTo("pakistan-forces-target");
		assertThat(rules.indicators().get("mass-expulsion").group()).isEqualTo("ISKP");
	}

	@Test
	void aGroupThatIsNoCanonicalNameIsRefusedNamingTheKey(@TempDir Path rules) throws Exception {
		Files.writeString(rules.resolve("lowercase.drl"),
				HEADER.replace(" * role: any\n", " * role: any\n * group: ttp\n"));

		assertThatExceptionOfType(RuleCompileException.class)
			.isThrownBy(() -> RuleBase.compile(EditableFiles.list(rules, "rules", "drl")))
			.withMessageContaining(
					"lowercase.drl:1:1: metadata group 'ttp' is not a canonical group of config/actors.yml");
	}

	@Test
	void aRuleFileWithoutARoleOrWithAnUnknownOneIsRefusedNamingTheKey(@TempDir Path rules) throws Exception {
		Files.writeString(rules.resolve("roleless.drl"), HEADER.replace(" * role: any\n", ""));
		Files.writeString(rules.resolve("bystander.drl"),
				HEADER.replace("id: broken", "id: bystander").replace("role: any", "role: bystander"));

		assertThatExceptionOfType(RuleCompileException.class)
			.isThrownBy(() -> RuleBase.compile(EditableFiles.list(rules, "rules", "drl")))
			.withMessageContaining("roleless.drl:1:1: metadata block lacks 'role'")
			.withMessageContaining(
					"bystander.drl:1:1: metadata role 'bystander' is not one of perpetrator, target, any");
	}

	@Test
	void thresholdsJudgedOverAllScopesAreDeclaredInTheHeader() {
		RuleBase rules = RuleBase.compile(EditableFiles.list(Path.of("rules"), "rules", "drl"));

		assertThat(rules.indicators().get("external-operations").globalThresholds())
			.containsExactlyInAnyOrder("campaign-count", "campaign-distinct-countries");
		assertThat(rules.indicators().get("attack-surge").globalThresholds()).isEmpty();
	}

	@Test
	void aGlobalThresholdThatIsNotDeclaredIsRefusedNamingIt(@TempDir Path rules) throws Exception {
		Files.writeString(rules.resolve("broken.drl"), HEADER.replace(" * role: any\n",
				" * role: any\n * thresholds:\n *   window-days: days\n * global-thresholds: [campaign-count]\n"));

		assertThatExceptionOfType(RuleCompileException.class)
			.isThrownBy(() -> RuleBase.compile(EditableFiles.list(rules, "rules", "drl")))
			.withMessageContaining(
					"broken.drl:1:1: metadata global-thresholds: 'campaign-count' is not one of the thresholds declared");
	}

}
