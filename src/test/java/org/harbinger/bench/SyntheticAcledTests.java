package org.harbinger.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.harbinger.incident.Incident;
import org.harbinger.ingest.OfflineIngest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's file: the same for a seed, valid for the importer, and shaped like the
 * region's data.
 */
class SyntheticAcledTests {

	private static final int ROWS = 20_000;

	@Test
	void theSameSeedWritesTheSameFileAndAnotherSeedAnother() throws IOException {
		assertThat(generate(7)).isEqualTo(generate(7)).isNotEqualTo(generate(8));
	}

	@Test
	void everyRowImportsAndTheMixLooksLikeTheRegion() throws IOException {
		List<Incident> incidents = new ArrayList<>();
		OfflineIngest.Read read = OfflineIngest.read(new StringReader(generate(1)),
				OfflineIngest.fields(Path.of("config")), incidents::add);

		assertThat(read.rejected()).isZero();
		assertThat(read.errors()).isEmpty();
		assertThat(incidents).hasSize(ROWS);
		assertThat(share(incidents, (incident) -> "ISKP".equals(incident.actor1Group()))).isBetween(0.22, 0.40);
		assertThat(share(incidents,
				(incident) -> incident.country().equals("Afghanistan") || incident.country().equals("Pakistan")))
			.isBetween(0.9, 0.97);
		assertThat(incidents).anySatisfy((incident) -> {
			assertThat(incident.country()).isIn("Uzbekistan", "Tajikistan");
			assertThat(incident.subEventType()).isEqualTo("Shelling/artillery/missile attack");
			assertThat(incident.originCountry()).isEqualTo("Afghanistan");
		});
		assertThat(incidents).flatExtracting(Incident::tags)
			.contains("claimed", "defection", "propaganda", "official-targeted", "party=jui-f", "religious-site");
		assertThat(incidents).flatExtracting(Incident::targetGroups).contains("SHIA", "HAZARA");
		assertThat(incidents.get(0).eventDate()).isEqualTo(LocalDate.of(2019, 1, 1));
		assertThat(incidents.get(ROWS - 1).eventDate()).isBefore(LocalDate.of(2022, 1, 1));
	}

	private static double share(List<Incident> incidents, Predicate<Incident> which) {
		return (double) incidents.stream().filter(which).count() / incidents.size();
	}

	private static String generate(long seed) throws IOException {
		StringWriter out = new StringWriter();
		new SyntheticAcled(seed, LocalDate.of(2019, 1, 1), 3).write(out, ROWS);
		return out.toString();
	}

}
