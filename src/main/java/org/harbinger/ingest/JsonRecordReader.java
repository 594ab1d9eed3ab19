package org.harbinger.ingest;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the native format in JSON, an array of incident objects with the fields of
 * {@code POST /api/incidents}, one element at a time with Jackson's streaming parser:
 * memory holds one element, whatever the size of the file. Objects one after another
 * without the array (JSON Lines) read the same. A record's position is its element's
 * number, from 1; each reason names the element and the line it starts on. Malformed JSON
 * cannot be read past: the element it is in is refused as {@link RecordReader.Broken},
 * and reading ends there.
 * <p>
 * The same reader reads the rows of ACLED's API as the connector spools them
 * ({@code acled}): ACLED's own field names, {@code source} the outlets (Harbinger's
 * {@code reported_by}), the feed {@code acled}, fields Harbinger does not keep ignored,
 * as in an ACLED export; an element with {@code deleted_timestamp} and no
 * {@code event_date} is a deletion, as in a deletions file.
 */
final class JsonRecordReader implements RecordReader {

	private static final JsonFactory FACTORY = new JsonFactory();

	private final Recording text;

	private final JsonParser parser;

	private final IncidentFields fields;

	private final int maxRecordChars;

	private final boolean array;

	/** Rows of ACLED's API rather than the native format. */
	private final boolean acled;

	/** The first element's token when the file is not an array: already read to tell. */
	private JsonToken pending;

	/** Elements begun so far: the position of the last one. */
	private int elements;

	private boolean ended;

	private JsonRecordReader(Recording text, JsonParser parser, IncidentFields fields, int maxRecordChars,
			JsonToken first, boolean acled) {
		this.text = text;
		this.acled = acled;
		this.parser = parser;
		this.fields = fields;
		this.maxRecordChars = maxRecordChars;
		this.array = first == JsonToken.START_ARRAY;
		this.pending = this.array ? null : first;
	}

	static JsonRecordReader open(PushbackReader in, IncidentFields fields, int maxRecordChars) {
		return open(in, fields, maxRecordChars, false);
	}

	static JsonRecordReader open(PushbackReader in, IncidentFields fields, int maxRecordChars, boolean acled) {
		skipByteOrderMark(in);
		Recording text = new Recording(in, maxRecordChars);
		JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text);
		try {
			return new JsonRecordReader(text, parser, fields, maxRecordChars, parser.nextToken(), acled);
		}
		catch (JacksonException ex) {
			throw new HeaderException("malformed JSON at " + where(ex.getLocation()) + ": " + ex.getOriginalMessage(),
					text.element(Long.MAX_VALUE));
		}
	}

	@Override
	public Format format() {
		return this.acled ? Format.ACLED_API : Format.JSON;
	}

	@Override
	public String header() {
		return null;
	}

	@Override
	public Item next() {
		if (this.ended) {
			return null;
		}
		JsonToken token;
		try {
			token = (this.pending != null) ? this.pending : this.parser.nextToken();
			this.pending = null;
			if (token == null || (this.array && token == JsonToken.END_ARRAY)) {
				this.ended = true;
				return (token != null && this.parser.nextToken() != null) ? broken(this.elements + 1,
						this.parser.currentTokenLocation(), "text after the array's closing ]") : null;
			}
		}
		catch (JacksonException ex) {
			if (ex.getLocation() != null) {
				this.text.startAt(ex.getLocation().getCharOffset());
			}
			return broken(this.elements + 1, ex.getLocation(), ex.getOriginalMessage());
		}
		this.elements++;
		TokenStreamLocation start = this.parser.currentTokenLocation();
		this.text.startAt(start.getCharOffset());
		String where = "element " + this.elements + " (line " + start.getLineNr() + "): ";
		try {
			if (token != JsonToken.START_OBJECT) {
				this.parser.skipChildren();
				return new Refused(this.elements, where + "expected an incident object {...}, found " + describe(token),
						raw());
			}
			Map<String, String> record = new LinkedHashMap<>();
			List<String> problems = new ArrayList<>();
			for (token = this.parser.nextToken(); token != JsonToken.END_OBJECT; token = this.parser.nextToken()) {
				String name = this.parser.currentName();
				String value = value(name, this.parser.nextToken(), problems);
				if (value != null && !this.text.outgrown()) {
					record.put(this.acled ? name : name.equals("id") ? "event_id_cnty" : name, value);
				}
			}
			String raw = raw();
			if (this.text.outgrown() || raw.length() >= this.maxRecordChars) {
				return new Refused(this.elements,
						where + "the element is longer than " + this.maxRecordChars + " characters", raw);
			}
			if (!problems.isEmpty()) {
				return new Refused(this.elements, where + String.join("; ", problems), raw);
			}
			if (this.acled && record.containsKey("deleted_timestamp") && !record.containsKey("event_date")) {
				return RecordReader.deletion(this.elements, where, null, record.get("event_id_cnty"),
						record.get("deleted_timestamp"), raw);
			}
			IncidentFields.Parsed parsed = this.fields.parse(this.acled ? acledRecord(record) : record);
			if (!parsed.ok()) {
				return new Refused(this.elements,
						where + parsed.errors().stream().map(FieldError::toString).collect(Collectors.joining("; ")),
						raw);
			}
			return new Good(this.elements, parsed.incident(), () -> raw);
		}
		catch (JacksonException ex) {
			return broken(this.elements, ex.getLocation(), ex.getOriginalMessage());
		}
	}

	/**
	 * An ACLED row as an export's columns read: the feed acled, source as reported_by,
	 * unknown fields left out.
	 */
	private static Map<String, String> acledRecord(Map<String, String> row) {
		Map<String, String> record = new LinkedHashMap<>();
		row.forEach((name, value) -> {
			String field = name.equals("source") ? "reported_by" : name;
			if (IncidentFields.index(field) >= 0 && !value.isBlank()) {
				record.put(field, value);
			}
		});
		record.put("source", CsvRecordReader.ACLED_FEED);
		return record;
	}

	/**
	 * A field's value as text, as the JSON API reads it: a list of values joined with
	 * {@code ;}. Null for null.
	 */
	private String value(String name, JsonToken token, List<String> problems) {
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token == JsonToken.START_OBJECT) {
			this.parser.skipChildren();
			problems.add(name + ": is an object; expected text, a number or a list");
			return null;
		}
		if (token != JsonToken.START_ARRAY) {
			return text(name, problems);
		}
		List<String> items = new ArrayList<>();
		for (token = this.parser.nextToken(); token != JsonToken.END_ARRAY; token = this.parser.nextToken()) {
			if (token.isStructStart()) {
				this.parser.skipChildren();
				problems.add(name + ": a list may hold only text and numbers");
				return null;
			}
			if (token != JsonToken.VALUE_NULL) {
				items.add(text(name, problems));
			}
		}
		return String.join(";", items);
	}

	private String text(String name, List<String> problems) {
		String text = this.parser.getString();
		if (text.indexOf('\uFFFD') >= 0) {
			problems.add(name + ": is not valid UTF-8 text");
		}
		return text;
	}

	/** The current element's text as it stood in the file, up to where the parser is. */
	private String raw() {
		return this.text.element(this.parser.currentLocation().getCharOffset());
	}

	private Item broken(int element, TokenStreamLocation at, String message) {
		this.ended = true;
		return new Broken(element, "element " + element + ": malformed JSON at " + where(at) + ": " + message
				+ "; the file is not read past it", this.text.element(Long.MAX_VALUE));
	}

	private static String where(TokenStreamLocation at) {
		return (at == null) ? "an unknown place" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
	}

	private static String describe(JsonToken token) {
		return switch (token) {
			case START_ARRAY -> "a list";
			case VALUE_STRING -> "text";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "true or false";
			case VALUE_NULL -> "null";
			default -> token.name();
		};
	}

	private static void skipByteOrderMark(PushbackReader in) {
		try {
			int first = in.read();
			if (first >= 0 && first != '\uFEFF') {
				in.unread(first);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Passes the file to the parser and keeps the text since the current element began,
	 * so that a refused element is quarantined as it was. An element longer than the
	 * limit keeps only its first {@code limit} characters: memory stays bounded.
	 */
	private static final class Recording extends Reader {

		/**
		 * What is kept beyond an outgrown element's head: more than the parser reads
		 * ahead.
		 */
		private static final int WINDOW = 1 << 16;

		private final Reader in;

		private final int limit;

		private final StringBuilder text = new StringBuilder();

		/** The file offset of {@code text}'s first character. */
		private long from;

		/** The file offset where the current element begins. */
		private long start;

		/**
		 * The first {@code limit} characters of an element that outgrew them; null
		 * otherwise.
		 */
		private String head;

		Recording(Reader in, int limit) {
			this.in = in;
			this.limit = limit;
		}

		void startAt(long offset) {
			this.start = offset;
			this.head = null;
		}

		boolean outgrown() {
			return this.head != null;
		}

		/**
		 * The current element's text up to {@code end} (a file offset), at most its first
		 * {@code limit} characters.
		 */
		String element(long end) {
			if (this.head != null) {
				return this.head;
			}
			int at = (int) Math.max(0, this.start - this.from);
			int to = (int) Math.min(this.text.length(), Math.max(at, end - this.from));
			return this.text.substring(at, Math.min(to, at + this.limit));
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int read = this.in.read(buffer, offset, length);
			if (read <= 0) {
				return read;
			}
			this.text.append(buffer, offset, read);
			int at = (int) Math.max(0, this.start - this.from);
			if (this.head == null && this.text.length() - at > this.limit + WINDOW) {
				this.head = this.text.substring(at, at + this.limit);
			}
			long keepFrom = (this.head == null) ? this.start : this.from + this.text.length() - WINDOW;
			// Dropping what is no longer needed only when it is much keeps the copying
			// linear.
			if (keepFrom - this.from > WINDOW) {
				this.text.delete(0, (int) (keepFrom - this.from));
				this.from = keepFrom;
			}
			return read;
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
