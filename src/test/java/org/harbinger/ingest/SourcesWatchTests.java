package org.harbinger.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.harbinger.incident.ClaimStatus;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.HarbingerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edit of config/sources.yml grades the incidents stored after it; a broken edit
 * changes nothing and says where.
 */
@ExtendWith(OutputCaptureExtension.class)
class SourcesWatchTests {

	@Test
	void anEditGradesWhatComesNextAndABrokenEditKeepsTheGradesInForce(@TempDir Path config, CapturedOutput output)
			throws Exception {
		Path file = config.resolve("sources.yml");
		Files.writeString(file, "outlets:\n  Kun.uz: {reliability: C}\n");
		Grading grading = new Grading(SourceGrades.load(EditableFiles.read(config, "config", "sources.yml")), "B", 2);
		SourcesWatch watch = new SourcesWatch(grading,
				new HarbingerProperties(Path.of("rules"), config, Path.of("templates"), null, null),
				new SourcesWatch.Properties(Duration.ZERO));
		assertThat(grade(grading)).isEqualTo("C3");

		Files.writeString(file, "outlets:\n  Kun.uz: {reliability: B}\n");
		assertThat(watch.reloadIfEdited()).isTrue();
		assertThat(grade(grading)).isEqualTo("B3");

		Files.writeString(file, "outlets:\n  Kun.uz: {reliability: A}\n  Asia-Plus: {reliability: Z}\n");
		assertThat(watch.reloadIfEdited()).isFalse();
		assertThat(grade(grading)).as("the grades in force stay").isEqualTo("B3");
		assertThat(output).contains(file + " is refused",
				"line 3: outlets.Asia-Plus.reliability: 'Z' is not a " + "reliability; expected one letter A to F",
				"The outlets' grades in force stay.");
		assertThat(watch.reloadIfEdited()).as("refused once, not on every poll").isFalse();
	}

	private static String grade(Grading grading) {
		return grading.grade("Kun.uz", ClaimStatus.CLAIMED, Set.of(), null, null).toString();
	}

}
