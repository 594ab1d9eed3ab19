package org.harbinger.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.harbinger.incident.ClaimStatus;
import org.harbinger.incident.Incident;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Admiralty grades built from the outlets, corroboration and claims (docs/grading.md), on
 * the demo and by case.
 */
class SourceGradingTests {

	private static final SourceGrades SHIPPED = SourceGrades
		.load(EditableFiles.read(Path.of("config"), "config", "sources.yml"));

	private final Grading grading = new Grading(SHIPPED, "B", 2);

	@Test
	void anOutletIsKnownWhateverItsCaseAndWhiteSpace() {
		assertThat(SourceGrades.normalise("  Kabul \t\n Now ")).isEqualTo("kabul now");
		assertThat(SourceGrades.normalise("Hasht-e  Subh")).isEqualTo("hasht-e subh");
		assertThat(SourceGrades.normalise("Hasht-e\u000bSubh\f")).isEqualTo("hasht-e subh");
		assertThat(SourceGrades.normalise("ISPR")).isEqualTo("ispr");
		assertThat(SourceGrades.normalise("Voice of Khorasan")).isEqualTo("voice of khorasan");
		assertThat(SHIPPED.outlet("hasht-E   subh").name()).isEqualTo(SHIPPED.outlet("Hasht-e Subh").name());
	}

	@Test
	void theDemoGradesVaryWithTheOutletsAndTheirCorroboration() throws IOException {
		Map<String, Incident> demo = new LinkedHashMap<>();
		try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/demo/acled-demo.csv"))) {
			OfflineIngest.read(in, OfflineIngest.fields(Path.of("config")), (i) -> demo.put(i.eventId(), i));
		}
		Map<String, Integer> grades = new TreeMap<>();
		demo.values().forEach((i) -> grades.merge(i.reliability() + i.credibility(), 1, Integer::sum));

		assertThat(grades).as("grades in the demo").hasSizeGreaterThanOrEqualTo(5).containsKeys("A1", "B2", "C2", "C3");
		assertThat(grades.get("B2")).as("no longer everyone's default").isLessThan(demo.size() / 2);
		assertThat(demo.values()).allSatisfy((i) -> assertThat(i.gradeReason()).startsWith("reliability "));
		// Termez: Amaq's claim, reported by Kun.uz and RFE/RL.
		Incident termez = demo.get("UZB2001");
		assertThat(termez.reliability() + termez.credibility()).isEqualTo("B2");
		assertThat(termez.gradeReason()).isEqualTo("reliability B from Radio Free Europe/Radio Liberty; "
				+ "credibility 2: 2 independent outlets (Kun.uz C, Radio Free Europe/Radio Liberty B); "
				+ "Amaq News Agency D is the group's claim, not confirmation");
		// The Dasht-e-Barchi school: UNAMA, Reuters and Etilaatroz.
		Incident school = demo.get("AFG51252");
		assertThat(school.reliability() + school.credibility()).isEqualTo("A1");
		assertThat(school.gradeReason()).contains("credibility 1: 3 independent outlets");
	}

	@Test
	void theGroupsOwnOutletIsAClaimNotConfirmation() {
		Grading.Grade amaq = this.grading.grade("Amaq News Agency", ClaimStatus.CLAIMED, Set.of("claimed"), null, null);

		assertThat(amaq.toString()).isEqualTo("D4");
		assertThat(amaq.reason()).isEqualTo("reliability D from Amaq News Agency, run by the group; "
				+ "credibility 4: only the group's own claim (Amaq News Agency D)");
		assertThat(this.grading.grade("Amaq; al-Naba; Voice of Khorasan", ClaimStatus.CLAIMED, Set.of(), null, null)
			.credibility()).as("three group outlets are still one claim").isEqualTo(4);
	}

	@Test
	void officialConfirmationRaisesAndDenialLowersCredibility() {
		assertThat(this.grading.grade("ISPR", ClaimStatus.ATTRIBUTED, Set.of(), null, null).toString()).isEqualTo("C2");
		Grading.Grade denied = this.grading.grade("Kun.uz", ClaimStatus.CLAIMED, Set.of("claimed", "denied"), null,
				null);
		assertThat(denied.toString()).isEqualTo("C4");
		assertThat(denied.reason()).endsWith("one worse: officially denied");
		assertThat(this.grading.grade("Dawn; dawn ; DAWN", ClaimStatus.ATTRIBUTED, Set.of(), null, null).credibility())
			.as("one outlet named three times")
			.isEqualTo(3);
	}

	@Test
	void anUnknownOutletIsUngradedAndAFeedsOwnGradeIsKept() {
		Grading.Grade unknown = this.grading.grade("Kabul Rumour Mill", ClaimStatus.UNCLAIMED, Set.of(), null, null);
		assertThat(unknown.toString()).isEqualTo("F3");
		assertThat(unknown.reason()).contains("Kabul Rumour Mill (an outlet not in config/sources.yml)");

		Grading.Grade given = this.grading.grade("Amaq News Agency", ClaimStatus.CLAIMED, Set.of(), "A", 1);
		assertThat(given.toString()).isEqualTo("A1");
		assertThat(given.reason()).isEqualTo("reliability A given by the feed; credibility 1 given by the feed");

		assertThat(this.grading.grade(null, ClaimStatus.UNCLAIMED, Set.of(), null, null).toString())
			.as("no outlet named: the configured default")
			.isEqualTo("B2");
	}

	@Test
	void aBrokenSourcesFileIsRefusedWithEveryProblemByLineAndKey() {
		String yaml = """
				unknown-reliability: G
				corroboration:
				  confirmed: 2
				  probable: 3
				outlets:
				  Reuters: {reliability: B}
				  Amaq News Agency: {reliability: D, kind: militant}
				  Dawn: {kind: independent}
				  Daily Dawn: {reliability: B, aliases: [dawn]}
				""";

		assertThatExceptionOfType(ConfigFileException.class)
			.isThrownBy(() -> SourceGrades.load(new EditableFiles.Text("config/sources.yml", yaml)))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"line 1: unknown-reliability: 'G' is not a reliability; expected one letter A to F",
					"line 3: corroboration: probable (3) must not be more than confirmed (2)",
					"line 7: outlets.Amaq News Agency.kind: 'militant' is not a kind; expected independent, official or group",
					"line 8: outlets.Dawn.reliability: missing"))
			.withMessageStartingWith("config/sources.yml is refused");
	}

}
