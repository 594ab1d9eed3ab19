package org.harbinger.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

import org.harbinger.EndToEndTest;
import org.harbinger.incident.IncidentKey;
import org.harbinger.incident.IncidentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox folder: settled files are imported and filed with their report; a file still being written waits. */
@EndToEndTest
class InboxTests {

	@Autowired
	private InboxWatcher inbox;

	@Autowired
	private IncidentRepository incidents;

	@Test
	void importsSettledFilesAndFilesThemWithAReport(@TempDir Path dir) throws Exception {
		settled(dir.resolve("desk.csv"), AcledRow.file(AcledRow.of("INBOX-1"), AcledRow.of("INBOX-2").set("fatalities", "-1")));
		settled(dir.resolve("empty.csv"), "");
		Files.writeString(dir.resolve("copying.csv"), AcledRow.file(AcledRow.of("INBOX-3")));

		this.inbox.poll(dir);

		assertThat(dir.resolve("processed/desk.csv")).exists();
		assertThat(dir.resolve("processed/desk.csv.report.json")).content()
			.contains("\"status\" : \"DONE\"", "\"created\" : 1", "\"rejected\" : 1", "\"line\" : 3",
					"fatalities: -1 is negative");
		assertThat(dir.resolve("processed/desk.csv.rejected.csv")).content()
			.isEqualTo(AcledRow.HEADER + "\n" + AcledRow.of("INBOX-2").set("fatalities", "-1").line() + "\n");
		assertThat(dir.resolve("failed/empty.csv")).exists();
		assertThat(dir.resolve("failed/empty.csv.report.json")).content().contains("line 1: the file is empty");
		assertThat(dir.resolve("copying.csv")).as("written too recently to be complete").exists();
		assertThat(dir.resolve(InboxWatcher.PROCESSING)).isEmptyDirectory();
		assertThat(this.incidents.find(new IncidentKey("acled", "INBOX-1"))).isPresent();
		assertThat(this.incidents.find(new IncidentKey("acled", "INBOX-3"))).isEmpty();
	}

	@Test
	void importsAJsonFileAndFilesItsRefusedElementsAsJson(@TempDir Path dir) throws Exception {
		settled(dir.resolve("desk.json"), "[\n" + JsonRecordReaderTests.incident("INBOX-J1") + ",\n"
				+ JsonRecordReaderTests.incident("INBOX-J2").replace("\"fatalities\": 0", "\"fatalities\": -4") + "\n]\n");

		this.inbox.poll(dir);

		assertThat(dir.resolve("processed/desk.json.report.json")).content()
			.contains("\"format\" : \"JSON\"", "\"created\" : 1", "\"rejected\" : 1",
					"element 2 (line 3): fatalities: -4 is negative");
		assertThat(dir.resolve("processed/desk.json.rejected.json")).content()
			.isEqualTo("[\n" + JsonRecordReaderTests.incident("INBOX-J2").replace("\"fatalities\": 0", "\"fatalities\": -4")
					+ "\n]\n");
		assertThat(this.incidents.find(new IncidentKey("desk", "INBOX-J1"))).isPresent();
	}

	@Test
	void aFileOfTheSameNameAsAnEarlierOneDoesNotOverwriteIt(@TempDir Path dir) throws Exception {
		settled(dir.resolve("daily.csv"), AcledRow.file(AcledRow.of("DAILY-1")));
		this.inbox.poll(dir);
		settled(dir.resolve("daily.csv"), AcledRow.file(AcledRow.of("DAILY-2")));
		this.inbox.poll(dir);

		try (Stream<Path> processed = Files.list(dir.resolve("processed"))) {
			assertThat(processed.map((path) -> path.getFileName().toString()).filter((name) -> name.endsWith(".csv")))
				.hasSize(2)
				.contains("daily.csv");
		}
	}

	private static void settled(Path file, String content) throws Exception {
		Files.writeString(file, content);
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
	}

}
