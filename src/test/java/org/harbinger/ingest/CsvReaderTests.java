package org.harbinger.ingest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader alone: line numbers, recovery after a broken record, bounded records. */
class CsvReaderTests {

	@Test
	void aQuotedFieldMayHoldSeparatorsQuotesAndLineBreaks() {
		assertThat(read("a,\"b, \"\"c\"\"\nd\",e\r\nf,g,h\n", 1000)).containsExactly("1 [a, b, \"c\"\nd, e]",
				"3 [f, g, h]");
	}

	@Test
	void aQuoteNeverClosedRefusesItsFirstLineAndReadsTheNextOnesAgain() {
		assertThat(read("a,b\n\"c,d\ne,f\ng,h\n", 1000)).containsExactly("1 [a, b]",
				"2 refused: a quoted field opened on line 2 is never closed [\"c,d]", "3 [e, f]", "4 [g, h]");
	}

	@Test
	void aQuoteClosingOnALaterLineFollowedByTextRefusesOnlyTheFirstLine() {
		assertThat(read("\"a,b\nc,\"d\",e\n", 1000))
			.containsExactly("1 refused: unexpected text after a closing quote on line 2 [\"a,b]", "2 [c, d, e]");
	}

	@Test
	void aRecordLongerThanTheLimitIsRefusedAndReadingGoesOnAtTheNextLine() {
		assertThat(read("a,b\n" + "x".repeat(200) + "\nc,d\n", 100)).containsExactly("1 [a, b]",
				"2 refused: the record is longer than 100 characters [" + "x".repeat(100) + "]", "3 [c, d]");
	}

	@Test
	void aQuoteLeftOpenOverMoreThanTheLimitIsRefusedWithoutSwallowingTheFile() {
		StringBuilder file = new StringBuilder("\"open\n");
		for (int i = 0; i < 20_000; i++) {
			file.append("row,").append(i).append('\n');
		}
		List<String> records = read(file.toString(), 1000);
		assertThat(records.get(0)).startsWith("1 refused: a quoted field opened on line 1 is not closed within 1000");
		assertThat(records).hasSize(20_001).last().isEqualTo("20001 [row, 19999]");
	}

	@Test
	void aByteOrderMarkIsNotPartOfTheFirstField() {
		assertThat(read("\uFEFFa,b\n", 1000)).containsExactly("1 [a, b]");
	}

	@Test
	void readsTheSameRecordsWhereverTheInputIsCutIntoBuffers() {
		Random random = new Random(42);
		for (int file = 0; file < 300; file++) {
			String text = messyCsv(random);
			List<String> whole = read(text, 60, 1 << 16);
			for (int buffer : new int[] { 1, 2, 3, 5, 8, 13 }) {
				assertThat(read(text, 60, buffer)).as("buffer %d, file %s", buffer, text).isEqualTo(whole);
			}
		}
	}

	/**
	 * Short records of fields from pieces that exercise every state: quotes, doubled
	 * quotes, CR, LF, stray text.
	 */
	private static String messyCsv(Random random) {
		String[] pieces = { "a", "bc", ",", ",", "\"", "\"\"", "\n", "\r\n", "\r", "x y", "\"q,\n\"", "é",
				"0123456789" };
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(80);
		for (int i = 0; i < length; i++) {
			text.append(pieces[random.nextInt(pieces.length)]);
		}
		return text.toString();
	}

	private static List<String> read(String text, int limit) {
		return read(text, limit, 1 << 16);
	}

	private static List<String> read(String text, int limit, int buffer) {
		CsvReader csv = new CsvReader(new StringReader(text), limit, buffer);
		List<String> records = new ArrayList<>();
		while (true) {
			try {
				CsvReader.Row row = csv.next();
				if (row == null) {
					return records;
				}
				records.add(row.line() + " " + row.fields());
			}
			catch (CsvReader.MalformedRowException ex) {
				records.add(ex.line() + " refused: " + ex.getMessage() + " [" + csv.raw() + "]");
			}
		}
	}

}
