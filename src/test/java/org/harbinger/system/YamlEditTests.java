package org.harbinger.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Edits keep every line they do not change, comments and blank lines included. */
class YamlEditTests {

	private static final String THRESHOLDS = """
			# Thresholds, one section per indicator.

			cross-border-fire:
			  window-days: 30
			  critical-count: 3                # ...or this many events
			  neighbours: [Uzbekistan, Tajikistan]

			attack-surge:
			  ratio: 3.0            # window count >= ratio x mean
			  min-count: 8
			""";

	private static final String SUBSCRIPTIONS = """
			# Who gets which digests.

			subscriptions:
			  - name: central-asia-desk
			    recipients: [central-asia@analysis.example]
			    cron: "0 0 7 * * ?"   # daily
			    scopes: [Uzbekistan, Tajikistan]

			  # Demo: every minute.
			  - name: demo-all
			    recipients: [analyst@harbinger.example]
			    cron: "0 * * * * ?"
			""";

	@Test
	void changingValuesKeepsCommentsBlankLinesAndOrder() {
		String edited = new YamlEdit(THRESHOLDS).set(List.of("cross-border-fire", "critical-count"), 12)
			.set(List.of("attack-surge", "ratio"), 2.5)
			.set(List.of("cross-border-fire", "neighbours"), List.of("Iran", "China"))
			.text();

		assertThat(edited).isEqualTo("""
				# Thresholds, one section per indicator.

				cross-border-fire:
				  window-days: 30
				  critical-count: 12               # ...or this many events
				  neighbours: [Iran, China]

				attack-surge:
				  ratio: 2.5            # window count >= ratio x mean
				  min-count: 8
				""");
	}

	@Test
	void theShippedThresholdsFileChangesOnlyInTheEditedLine() throws Exception {
		String shipped = Files.readString(Path.of("config/thresholds.yml"));

		String edited = new YamlEdit(shipped).set(List.of("targeted-killings", "min-count"), 4).text();

		List<String> before = shipped.lines().toList();
		List<String> after = edited.lines().toList();
		assertThat(after).hasSameSizeAs(before);
		int changed = before.indexOf("  min-count: 3");
		for (int i = 0; i < before.size(); i++) {
			if (!before.get(i).equals(after.get(i))) {
				assertThat(after.get(i)).isEqualTo("  min-count: 4");
				assertThat(before.subList(0, i).stream().filter((line) -> line.startsWith("targeted-killings")))
					.hasSize(1);
				changed = -1;
			}
		}
		assertThat(changed).as("exactly one line changed").isEqualTo(-1);
	}

	@Test
	void aBlockListBecomesAFlowListOnItsKeysLine() {
		String edited = new YamlEdit("""
				a:
				  names:
				    - x   # first
				    - y
				  next: 1
				""").set(List.of("a", "names"), List.of("z")).text();

		assertThat(edited).isEqualTo("""
				a:
				  names: [z]
				  next: 1
				""");
	}

	@Test
	void aMissingKeyIsAddedAtTheEndOfItsMap() {
		String edited = new YamlEdit(THRESHOLDS).set(List.of("cross-border-fire", "window-count"), 5)
			.set(List.of("new-rule", "days"), 7)
			.text();

		assertThat(edited).contains("  neighbours: [Uzbekistan, Tajikistan]\n  window-count: 5\n\nattack-surge:")
			.endsWith("  min-count: 8\nnew-rule:\n  days: 7\n");
	}

	@Test
	void valuesThatYamlWouldMisreadAreQuoted() {
		assertThat(YamlValues.render("0 0 7 * * ?")).isEqualTo("\"0 0 7 * * ?\"");
		assertThat(YamlValues.render("a \"b\" # c")).isEqualTo("\"a \\\"b\\\" # c\"");
		assertThat(YamlValues.render("yes")).isEqualTo("\"yes\"");
		assertThat(YamlValues.render("Asia/Kabul")).isEqualTo("Asia/Kabul");
		assertThat(YamlValues.render(List.of("x@y.example", "Afghanistan/Kunar")))
			.isEqualTo("[x@y.example, Afghanistan/Kunar]");
		assertThatIllegalArgumentException().isThrownBy(() -> YamlValues.render(Map.of("a", 1)));
	}

	@Test
	void anItemIsAppendedInTheListsStyle() {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("name", "new-desk");
		item.put("recipients", List.of("new@desk.example"));
		item.put("cron", "0 0 8 * * ?");

		String edited = new YamlEdit(SUBSCRIPTIONS).append(List.of("subscriptions"), item).text();

		assertThat(edited).isEqualTo(SUBSCRIPTIONS + """

				  - name: new-desk
				    recipients: [new@desk.example]
				    cron: "0 0 8 * * ?"
				""");
	}

	@Test
	void anItemIsAppendedToAnEmptyList() {
		String edited = new YamlEdit("# none yet\nsubscriptions: []   # add below\n")
			.append(List.of("subscriptions"), Map.of("name", "a"))
			.text();

		assertThat(edited).isEqualTo("# none yet\nsubscriptions:\n  - name: a   # add below\n");
	}

	@Test
	void anItemIsRemovedWithItsOwnCommentAndOneBlankLine() {
		String edited = new YamlEdit(SUBSCRIPTIONS).remove(List.of("subscriptions", 1)).text();

		assertThat(edited).isEqualTo("""
				# Who gets which digests.

				subscriptions:
				  - name: central-asia-desk
				    recipients: [central-asia@analysis.example]
				    cron: "0 0 7 * * ?"   # daily
				    scopes: [Uzbekistan, Tajikistan]
				""");
	}

	@Test
	void theFirstItemIsRemovedAndTheFileHeaderStays() {
		String edited = new YamlEdit(SUBSCRIPTIONS).remove(List.of("subscriptions", 0)).text();

		assertThat(edited).isEqualTo("""
				# Who gets which digests.

				subscriptions:

				  # Demo: every minute.
				  - name: demo-all
				    recipients: [analyst@harbinger.example]
				    cron: "0 * * * * ?"
				""");
	}

	@Test
	void removingTheLastItemLeavesAnEmptyList() {
		String edited = new YamlEdit("subscriptions:\n  - name: a\n    cron: x\n# end\n")
			.remove(List.of("subscriptions", 0))
			.text();

		assertThat(edited).isEqualTo("subscriptions: []\n# end\n");
	}

	@Test
	void aFieldIsChangedAddedAndRemovedInsideAnItem() {
		String edited = new YamlEdit(SUBSCRIPTIONS).set(List.of("subscriptions", 0, "cron"), "0 30 6 * * ?")
			.remove(List.of("subscriptions", 0, "scopes"))
			.set(List.of("subscriptions", 1, "min-severity"), "WARNING")
			.text();

		assertThat(edited).isEqualTo("""
				# Who gets which digests.

				subscriptions:
				  - name: central-asia-desk
				    recipients: [central-asia@analysis.example]
				    cron: "0 30 6 * * ?"  # daily

				  # Demo: every minute.
				  - name: demo-all
				    recipients: [analyst@harbinger.example]
				    cron: "0 * * * * ?"
				    min-severity: WARNING
				""");
	}

	@Test
	void windowsLineEndingsAndWideCharactersAreKept() {
		String edited = new YamlEdit("# 🚀 é\r\na:\r\n  b: 1 # x\r\n  c: 2\r\n").set(List.of("a", "c"), 3)
			.set(List.of("a", "d"), 4)
			.text();

		assertThat(edited).isEqualTo("# 🚀 é\r\na:\r\n  b: 1 # x\r\n  c: 3\r\n  d: 4\r\n");
	}

	@Test
	void anEmptyValueIsFilledAfterItsColon() {
		assertThat(new YamlEdit("a:\n  b:\n  c: 1\n").set(List.of("a", "b"), 2).text())
			.isEqualTo("a:\n  b: 2\n  c: 1\n");
	}

	@Test
	void anEmptyFileGainsItsFirstSection() {
		assertThat(new YamlEdit("# nothing yet\n").set(List.of("a", "b"), 1).text())
			.isEqualTo("# nothing yet\na:\n  b: 1\n");
	}

}
