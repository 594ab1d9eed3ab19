package org.harbinger.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule authors' guide shows a whole window indicator, as it is in rules/, in under 40
 * lines of DRL.
 */
class WindowIndicatorGuideTests {

	private static final String INTRO = "This is all of `rules/targeted-killings.drl` below its metadata header:";

	@Test
	void theGuidesWindowIndicatorIsTheRuleFileBelowItsHeaderInUnderFortyLines() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int intro = readme.indexOf(INTRO);
		assertThat(intro).as("the guide's window indicator example").isNotNegative();
		int start = readme.indexOf("```\n", intro) + 4;
		String example = readme.substring(start, readme.indexOf("```", start));
		String rule = Files.readString(Path.of("rules/targeted-killings.drl"));

		List<String> rules = rule.lines().dropWhile((line) -> !line.startsWith("rule ")).toList();
		assertThat(example.strip()).isEqualTo(String.join("\n", rules).strip());
		assertThat(example.lines().filter((line) -> !line.isBlank()).count()).isLessThan(40);
	}

	@Test
	void medianRuleFileIsAtMostNinetyLinesWithItsHeader() throws IOException {
		List<Long> lengths;
		try (var files = Files.list(Path.of("rules"))) {
			lengths = files.filter((file) -> file.toString().endsWith(".drl")).map((file) -> {
				try {
					return (long) Files.readAllLines(file).size();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).sorted().toList();
		}
		assertThat(lengths).isNotEmpty();
		assertThat(lengths.get(lengths.size() / 2)).isLessThanOrEqualTo(90);
	}

}
