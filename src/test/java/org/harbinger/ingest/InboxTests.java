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

/**
 * The inbox folder: settled files are imported and filed with their report; a file still
 * being written waits.
 */
@EndToEndTest
class InboxTests {

	@Autowired
	private InboxWatcher inbox;

	@Autowired
	private IncidentRepository incidents;

	@Autowired
	private ImportQueue imports;

	@Test
	void importsSettledFilesAndFilesThemWithAReport(@TempDir Path dir) throws Exception {
		settled(dir.resolve("desk.csv"),
				AcledRow.file(AcledRow.of("INBOX-1"), AcledRow.of("INBOX-2").set("fatalities", "-1")));
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
		settled(dir.resolve("desk.json"),
				"[\n" + JsonRecordReaderTests.incident("INBOX-J1") + ",\n"
						+ JsonRecordReaderTests.incident("INBOX-J2").replace("\"fatalities\": 0", "\"fatalities\": -4")
						+ "\n]\n");

		this.inbox.poll(dir);

		assertThat(dir.resolve("processed/desk.json.report.json")).content()
			.contains("\"format\" : \"JSON\"", "\"created\" : 1", "\"rejected\" : 1",
					"element 2 (line 3): fatalities: -4 is negative");
		assertThat(dir.resolve("processed/desk.json.rejected.json")).content()
			.isEqualTo("[\n"
					+ JsonRecordReaderTests.incident("INBOX-J2").replace("\"fatalities\": 0", "\"fatalities\": -4")
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

	@Test
	void aLinkIsRefusedAndReportedAndWhatItPointsAtIsNeverRead(@TempDir Path dir, @TempDir Path elsewhere)
			throws Exception {
		Path secret = elsewhere.resolve("secret.csv");
		settled(secret, AcledRow.file(AcledRow.of("LINKED-1")));
		Files.createDirectories(dir.resolve("inbox"));
		Path inboxDir = dir.resolve("inbox");
		Files.createSymbolicLink(inboxDir.resolve("passwd.csv"), secret);
		Files.createLink(inboxDir.resolve("hard.csv"), secret);

		this.inbox.poll(inboxDir);

		assertThat(inboxDir.resolve("failed/passwd.csv")).isSymbolicLink();
		assertThat(inboxDir.resolve("failed/passwd.csv.report.json")).content()
			.contains("\"status\" : \"FAILED\"",
					"refused: a symbolic link (to " + secret + "); the inbox imports only regular files inside it");
		assertThat(inboxDir.resolve("failed/hard.csv.report.json")).content()
			.contains("refused: the file has 2 hard links; the inbox imports only files of its own");
		assertThat(this.imports.recent())
			.anySatisfy((job) -> assertThat(job.message()).startsWith("refused: a symbolic link"));
		assertThat(this.incidents.find(new IncidentKey("acled", "LINKED-1"))).isEmpty();
		assertThat(secret).exists();
	}

	@Test
	void aFileWhoseNameIsNotUtf8IsFiledInFailedOnceAndNeverTakenAgain(@TempDir Path dir) throws Exception {
		// Java cannot make such a name from a String; the shell writes the raw byte 0xFF.
		Process shell = new ProcessBuilder("sh", "-c", "printf 'x\\n' > \"$(printf 'acled-\\377.csv')\"")
			.directory(dir.toFile())
			.start();
		assertThat(shell.waitFor()).isZero();
		Path odd = onlyEntry(dir);
		assertThat(odd.getFileName().toString()).isEqualTo("acled-\uFFFD.csv");
		Files.setLastModifiedTime(odd, FileTime.from(Instant.now().minusSeconds(60)));
		int jobsBefore = this.imports.recent().size();

		this.inbox.poll(dir);
		this.inbox.poll(dir);

		try (Stream<Path> failed = Files.list(dir.resolve("failed"))) {
			assertThat(failed.map((path) -> path.getFileName().toString())).hasSize(2)
				.anyMatch((name) -> name.matches("\\d+-acled-_\\.csv"))
				.anyMatch((name) -> name.matches("\\d+-acled-_\\.csv\\.report\\.json"));
		}
		try (Stream<Path> left = Files.list(dir)) {
			assertThat(left.filter(Files::isRegularFile)).as("nothing left in the inbox to take again").isEmpty();
		}
		assertThat(this.imports.recent()).hasSize(Math.min(50, jobsBefore + 1));
		assertThat(this.imports.recent().get(0).message()).contains("the file name is not valid UTF-8");
	}

	@Test
	void aFileWithALongNameIsImportedAndFiledWithItsReport(@TempDir Path dir) throws Exception {
		String name = "a".repeat(250) + ".csv";
		settled(dir.resolve(name), AcledRow.file(AcledRow.of("LONG-NAME-1")));

		this.inbox.poll(dir);

		try (Stream<Path> processed = Files.list(dir.resolve("processed"))) {
			assertThat(processed.map((path) -> path.getFileName().toString()))
				.anyMatch((filed) -> filed.matches("\\d+-a+") && filed.length() <= 255 - ".rejected.json".length())
				.anyMatch((filed) -> filed.matches("\\d+-a+\\.report\\.json"));
		}
		assertThat(this.incidents.find(new IncidentKey("acled", "LONG-NAME-1"))).isPresent();
	}

	private static Path onlyEntry(Path dir) throws Exception {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.reduce((a, b) -> {
				throw new IllegalStateException("more than one entry");
			}).orElseThrow();
		}
	}

	private static void settled(Path file, String content) throws Exception {
		Files.writeString(file, content);
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
	}

}
