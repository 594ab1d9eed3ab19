package org.harbinger.ingest;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Supplier;

import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentKey;

/**
 * A file of incident records read one at a time, whatever its format: CSV (an ACLED
 * export, a native Harbinger CSV, ACLED deletions, told apart by the header) or JSON (an
 * array of incident objects, told apart by its first character). Every way in reads files
 * through this, so a format behaves the same whichever way it arrives.
 */
interface RecordReader {

	/** How far ahead the format is looked for: a file may begin with blank lines. */
	int LOOKAHEAD = 4096;

	/** The kinds of file. */
	enum Format {

		ACLED, NATIVE, DELETIONS, JSON,

		/**
		 * Rows of ACLED's API (events and deletions) as the connector spools them, one
		 * JSON object a line.
		 */
		ACLED_API

	}

	/**
	 * One record of the file. {@code line} is its position, unique and increasing: the
	 * line a CSV record starts on, the number (from 1) of a JSON element, since several
	 * elements can share a line. An import resumes after the last position it committed.
	 */
	sealed interface Item {

		int line();

	}

	/**
	 * A valid incident; {@code raw} gives its text in case it is refused later as a
	 * duplicate.
	 */
	record Good(int line, Incident incident, Supplier<String> raw) implements Item {
	}

	/** A row of a deletions file. */
	record Deletion(int line, IncidentKey key, Supplier<String> raw) implements Item {
	}

	/** A refused record, with the text it had in the file. */
	record Refused(int line, String reason, String raw) implements Item {
	}

	/**
	 * A record after which the file cannot be read on (malformed JSON): refused, and the
	 * import ends there.
	 */
	record Broken(int line, String reason, String raw) implements Item {
	}

	/**
	 * The file as a whole cannot be read: empty, or a header that is not one of the
	 * formats.
	 */
	final class HeaderException extends RuntimeException {

		private final String raw;

		HeaderException(String message, String raw) {
			super(message);
			this.raw = raw;
		}

		/** The header line as it was in the file. */
		String raw() {
			return this.raw;
		}

	}

	Format format();

	/** The header line as it was in the file; null for JSON. */
	String header();

	/** The next record, or null at the end of the file. */
	Item next();

	/**
	 * Opens a file by its content: JSON when its first character (after a byte-order mark
	 * and blanks) is {@code [} or <code>{</code>, CSV otherwise; a file named
	 * {@code .json} must hold JSON.
	 */
	static RecordReader open(Reader in, String fileName, IncidentFields fields, int maxRecordChars) {
		PushbackReader peeking = new PushbackReader(in, LOOKAHEAD);
		int first = firstCharacter(peeking);
		if (first == '[' || first == '{') {
			return JsonRecordReader.open(peeking, fields, maxRecordChars);
		}
		if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
			throw new HeaderException("a .json file must hold a JSON array of incident objects, [{...}, ...]", "");
		}
		return CsvRecordReader.open(peeking, fields, maxRecordChars);
	}

	/** Opens the rows of ACLED's API that a pull spooled. */
	static RecordReader openAcled(Reader in, IncidentFields fields, int maxRecordChars) {
		return JsonRecordReader.open(new PushbackReader(in, 1), fields, maxRecordChars, true);
	}

	/**
	 * A deletion of {@code (source, id)} (the feed acled when no source is named), from a
	 * deletions file or ACLED's API: checked alike. {@code where} begins a refusal's
	 * reason.
	 */
	static Item deletion(int line, String where, String source, String id, String deletedTimestamp, String raw) {
		if (id == null || id.isBlank()) {
			return new Refused(line, where + "event_id_cnty: is required", raw);
		}
		if (deletedTimestamp != null && !deletedTimestamp.isEmpty()
				&& !deletedTimestamp.chars().allMatch(Character::isDigit)) {
			return new Refused(line,
					where + "deleted_timestamp: '" + deletedTimestamp + "' is not a time in epoch seconds", raw);
		}
		return new Deletion(line,
				new IncidentKey((source == null || source.isEmpty()) ? CsvRecordReader.ACLED_FEED : source, id.trim()),
				() -> raw);
	}

	/**
	 * The first character that is not a byte-order mark or blank, or -1; the reader is
	 * left as it was.
	 */
	private static int firstCharacter(PushbackReader in) {
		try {
			char[] ahead = new char[LOOKAHEAD];
			int read = 0;
			int first = -1;
			while (first < 0 && read < ahead.length) {
				int n = in.read(ahead, read, ahead.length - read);
				if (n < 0) {
					break;
				}
				for (int i = read; i < read + n && first < 0; i++) {
					if (ahead[i] != '\uFEFF' && !Character.isWhitespace(ahead[i])) {
						first = ahead[i];
					}
				}
				read += n;
			}
			in.unread(ahead, 0, read);
			return first;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
