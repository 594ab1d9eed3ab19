package org.harbinger.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.harbinger.engine.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vendored province outlines: named as ACLED names the provinces (so an incident's
 * province finds its outline), the provinces the old data still names after their parent
 * told apart, and the fixed shading steps.
 */
class ProvinceOutlinesTests {

	private final ProvinceOutlines outlines = new ProvinceOutlines();

	@Test
	void everyProvinceOfTheDemoInACountryWithOutlinesHasOne() throws IOException {
		Set<String> missing = new TreeSet<>();
		List<String> rows = Files.readAllLines(Path.of("src/main/resources/demo/acled-demo.csv"));
		List<String> header = List.of(rows.get(0).split(","));
		int country = header.indexOf("country");
		int admin1 = header.indexOf("admin1");
		for (String row : rows.subList(1, rows.size())) {
			String[] fields = row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
			if (ProvinceOutlines.COUNTRIES.contains(fields[country])
					&& !this.outlines.outlined(MapView.KHORASAN, fields[country], fields[admin1])) {
				missing.add(fields[country] + "/" + fields[admin1]);
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void panjshirAndDaykundiAreTheirOwnProvincesNotTheirFormerParents() {
		Map<String, ProvinceOutlines.Area> afghanistan = areas();

		assertThat(afghanistan).containsKeys("Panjshir", "Parwan", "Daykundi", "Uruzgan");
		assertThat(afghanistan.get("Panjshir").path()).isNotEqualTo(afghanistan.get("Parwan").path());
		// Khyber Pakhtunkhwa is the former province and tribal areas together: one area.
		assertThat(this.outlines.areas(MapView.KHORASAN, Map.of(), Map.of(), (name) -> "")
			.stream()
			.filter((area) -> area.admin1().equals("Khyber Pakhtunkhwa"))).hasSize(1);
	}

	@Test
	void aProvinceIsShadedByItsIncidentsOnFixedStepsAndRingedByItsOpenAlert() {
		Map<String, ProvinceOutlines.Area> areas = areas();

		assertThat(areas.get("Kunar").cssClass()).isEqualTo("province-area shade-3 alert-CRITICAL");
		assertThat(areas.get("Kunar").title())
			.isEqualTo("Kunar, Afghanistan: 12 incidents, 4 killed; open CRITICAL alert on the province");
		assertThat(areas.get("Herat").cssClass()).isEqualTo("province-area shade-0");
		assertThat(List.of(0L, 1L, 2L, 3L, 9L, 10L, 29L, 30L, 99L, 100L, 5000L)).extracting(ProvinceOutlines::shade)
			.containsExactly(0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
	}

	private Map<String, ProvinceOutlines.Area> areas() {
		Map<String, ProvinceOutlines.Area> afghanistan = new java.util.HashMap<>();
		this.outlines
			.areas(MapView.KHORASAN, Map.of("afghanistan/kunar", new ProvinceOutlines.Counts(12, 4)),
					Map.of("afghanistan/kunar", Severity.CRITICAL), (name) -> "/incidents?admin1=" + name[1])
			.stream()
			.filter((area) -> area.country().equals("Afghanistan"))
			.forEach((area) -> afghanistan.put(area.admin1(), area));
		return afghanistan;
	}

}
