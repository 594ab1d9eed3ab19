package org.harbinger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code, rules and templates cite the design in docs/ ("docs/architecture.md, decision 4",
 * "docs/indicators.md, section 3", "docs/digest.md, \"Charts\""): every cited document
 * exists, and so does the decision, section or heading cited (a heading cited by some of
 * its words).
 */
class CitedDocumentsTests {

	private static final Pattern CITATION = Pattern
		.compile("docs/([a-z-]+\\.md)(?:, (?:(decision|section) (\\d+)|\"([^\"]+)\"))?");

	@Test
	void everyDocumentDecisionAndSectionCitedExists() throws IOException {
		List<String> citations = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (String root : List.of("src/main", "rules", "config", "templates")) {
			try (Stream<Path> files = Files.walk(Path.of(root))) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Matcher cited = CITATION.matcher(Files.readString(file));
					while (cited.find()) {
						citations.add(cited.group());
						if (!exists(cited)) {
							missing.add(file + ": " + cited.group());
						}
					}
				}
			}
		}

		assertThat(citations).as("citations found").hasSizeGreaterThan(20);
		assertThat(missing).as("cited but not in docs/").isEmpty();
	}

	private static boolean exists(Matcher cited) throws IOException {
		Path document = Path.of("docs", cited.group(1));
		if (!Files.exists(document)) {
			return false;
		}
		List<String> headings = Files.readAllLines(document).stream().filter((line) -> line.startsWith("#")).toList();
		if ("decision".equals(cited.group(2)) || "section".equals(cited.group(2))) {
			// Decisions are "### N. ..." and sections "## N. ...".
			return headings.stream().anyMatch((heading) -> heading.matches("#+ " + cited.group(3) + "\\. .*"));
		}
		if (cited.group(4) != null) {
			// A citation may wrap across comment lines: "... \n * rest".
			String title = cited.group(4).replaceAll("\\s*\\n\\s*(?:\\*|#|//)?\\s*", " ");
			return headings.stream()
				.anyMatch((heading) -> heading.toLowerCase(Locale.ROOT).contains(title.toLowerCase(Locale.ROOT)));
		}
		return true;
	}

}
