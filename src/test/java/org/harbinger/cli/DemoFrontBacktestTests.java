package org.harbinger.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: the README's demo backtest, over the whole demo data set, shows each
 * indicator of the Afghanistan-Pakistan front firing on the real events it was built for.
 * Each expectation names the demo row and its event date, so a row edited away from the
 * public record fails.
 */
class DemoFrontBacktestTests {

	private static final String DEMO = "src/main/resources/demo/acled-demo.csv";

	private static List<Map<String, Object>> transitions;

	private static final Map<String, String> eventDates = new HashMap<>();

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void replayTheWholeDemo() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = Cli.run(
				new String[] { "backtest", "--incidents", DEMO, "--from", "2021-10-01", "--to", "2024-06-30" },
				(ignored) -> {
					throw new AssertionError("not a serve command");
				}, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		assertThat(status).isZero();
		Map<String, Object> report = JsonMapper.builder()
			.build()
			.readValue(out.toString(StandardCharsets.UTF_8), Map.class);
		transitions = (List<Map<String, Object>>) report.get("transitions");
		for (String line : Files.readAllLines(Path.of(DEMO)).subList(1, Files.readAllLines(Path.of(DEMO)).size())) {
			String[] cells = line.split(",", 3);
			eventDates.put(cells[0], cells[1]);
		}
	}

	@Test
	void ttpSurgeFiresOnTheOffensiveAfterTheCeasefireAndTurnsCriticalWithThePeshawarMosqueBombing() {
		assertThat(eventDates).containsEntry("PAK93094", "2022-11-28").containsEntry("PAK93111", "2023-01-30");

		assertThat(lines("ttp-surge")).contains(
				"2022-12-25 Pakistan/Khyber Pakhtunkhwa WARNING FIRED [PAK93095, PAK93096, PAK93099, PAK93100, PAK93102, PAK93103, PAK94003]",
				"2023-02-03 Pakistan/Khyber Pakhtunkhwa CRITICAL FIRED [PAK93106, PAK93107, PAK93108, PAK93109, PAK93110, PAK93111, PAK94007, PAK94008]");
		assertThat(List.of("PAK93095", "PAK93096", "PAK94003"))
			.allSatisfy((id) -> assertThat(eventDates.get(id)).as(id + " after the ceasefire ended")
				.isGreaterThan("2022-11-28"));
	}

	@Test
	void borderClashesFireOnKhostAndKunarTorkhamAndPaktikaAndKhost() {
		assertThat(eventDates).containsEntry("AFG51093", "2022-04-16")
			.containsEntry("AFG51094", "2022-04-16")
			.containsEntry("AFG51390", "2023-09-06")
			.containsEntry("AFG51482", "2024-03-18")
			.containsEntry("PAK93240", "2024-03-18");

		assertThat(lines("pak-afghan-border-clash")).contains("2022-04-22 Afghanistan CRITICAL FIRED [AFG51093]",
				"2022-05-16 Afghanistan CRITICAL RESOLVED [AFG51093, AFG51094]",
				"2023-09-14 Afghanistan WARNING FIRED [AFG51390]", "2024-03-21 Pakistan WARNING FIRED [PAK93240]",
				"2024-03-24 Afghanistan CRITICAL FIRED [AFG51482]");
	}

	@Test
	void safeHavenFiresOnZawahiriInKabulAndOnTheMonitoringTeamsCamps() {
		assertThat(eventDates).containsEntry("AFG52001", "2022-07-31").containsEntry("AFG52011", "2024-02-01");

		assertThat(lines("safe-haven")).contains("2022-08-02 Afghanistan/Kabul WARNING FIRED [AFG52001]",
				"2024-02-06 Afghanistan/Ghazni WARNING FIRED [AFG52011]",
				"2024-02-06 Afghanistan/Panjshir WARNING FIRED [AFG52015]");
	}

	@Test
	void massExpulsionFiresOnPakistansDeadlineAndTurnsCriticalWhenTheDeportationsBegin() {
		assertThat(eventDates).containsEntry("PAK94010", "2023-10-03").containsEntry("PAK94011", "2023-11-01");

		assertThat(lines("mass-expulsion")).contains("2023-10-05 Pakistan WARNING FIRED [PAK94010]",
				"2023-11-05 Pakistan CRITICAL ESCALATED [PAK94010, PAK94011, PAK94012]");
	}

	@Test
	void jihadistRivalryFiresOnTheTtpAndIskpStatementsOfMayAndJune2024() {
		assertThat(eventDates).containsEntry("PAK94020", "2024-05-28").containsEntry("PAK94021", "2024-06-02");

		assertThat(lines("jihadist-rivalry")).containsExactly("2024-06-05 Pakistan WARNING FIRED [PAK94020, PAK94021]");
	}

	@Test
	void threatLevelCountsTheNewIndicatorsForTheirCountries() {
		assertThat(details("threat-level", "2022-04-30 Afghanistan WARNING FIRED")).contains(
				"3 indicators with an alert for Afghanistan in 30 days: attack-surge, pak-afghan-border-clash, sectarian-attack");
		assertThat(details("threat-level", "2022-05-19 Pakistan WARNING FIRED"))
			.contains("3 indicators with an alert for Pakistan in 30 days: attack-surge, sectarian-attack, ttp-surge");
	}

	@Test
	void defectionToIskpStillFiresOnTheDemosDefections() {
		assertThat(lines("defection-to-iskp"))
			.contains("2024-02-29 Afghanistan/Badakhshan WARNING FIRED [AFG51433, AFG51445, AFG51461]");
	}

	private static String details(String indicator, String line) {
		return transitions.stream()
			.filter((t) -> t.get("indicator").equals(indicator) && line
				.equals(t.get("date") + " " + t.get("scope") + " " + t.get("severity") + " " + t.get("transition")))
			.map((t) -> String.valueOf(t.get("detail")))
			.findFirst()
			.orElse("no transition " + line);
	}

	private static List<String> lines(String indicator) {
		return transitions.stream()
			.filter((t) -> t.get("indicator").equals(indicator))
			.map((t) -> t.get("date") + " " + t.get("scope") + " " + t.get("severity") + " " + t.get("transition") + " "
					+ t.get("evidence"))
			.toList();
	}

}
