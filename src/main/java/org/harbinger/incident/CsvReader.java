package org.harbinger.incident;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader that knows the line each record starts on, so that every
 * error can name it. Accepts LF or CRLF and a leading byte-order mark; a quoted field
 * may hold separators, quotes (doubled) and line breaks.
 * <p>
 * Memory stays bounded whatever the input: a record longer than the limit is refused and
 * skipped. A broken record never swallows the rows after it: when a record that spans
 * several lines turns out malformed (a quote never closed, text after a closing quote, or
 * the wrong number of fields, see {@link #readAgainAfterFirstLine()}), only its first line
 * is refused and reading starts again on the next line.
 */
final class CsvReader {

	/** One record, the line (1-based) it starts on, and whether it spans several lines. */
	record Row(int line, List<String> fields, boolean multiline) {
	}

	/** A record that cannot be read; reading goes on at the next line. */
	static final class MalformedRowException extends RuntimeException {

		private final int line;

		MalformedRowException(int line, String message) {
			super(message);
			this.line = line;
		}

		int line() {
			return this.line;
		}

	}

	/** Thrown from inside a record when it outgrows the limit, to stop reading it. */
	private static final class TooLong extends RuntimeException {

		TooLong() {
			super(null, null, false, false);
		}

	}

	private static final int BUFFER = 1 << 16;

	private final Reader in;

	private final int maxRecordChars;

	private char[] buffer = new char[BUFFER];

	private int position;

	private int limit;

	private boolean exhausted;

	private int line = 1;

	private boolean first = true;

	/** The current record's text read before the last refill; the rest is buffer[recordStart, position). */
	private final StringBuilder carry = new StringBuilder();

	private int recordStart;

	private boolean keepingRecord = true;

	/** Where the current record's second line starts in its text, or -1 while it has one line. */
	private int secondLine = -1;

	private int recordLine;

	private final StringBuilder field = new StringBuilder();

	CsvReader(Reader in, int maxRecordChars) {
		this.in = in;
		this.maxRecordChars = maxRecordChars;
	}

	/** The next record, or null at the end of the input. */
	Row next() {
		startRecord();
		if (this.first) {
			this.first = false;
			if (peek() == '\uFEFF') {
				read();
				startRecord();
			}
		}
		int start = this.line;
		this.recordLine = start;
		try {
			return record(start);
		}
		catch (TooLong ex) {
			if (this.secondLine >= 0) {
				readAgainAfterFirstLine();
				throw new MalformedRowException(start, "a quoted field opened on line " + start + " is not closed within "
						+ this.maxRecordChars + " characters (an unbalanced quote?)");
			}
			this.keepingRecord = false;
			skipRestOfLine();
			this.keepingRecord = true;
			throw new MalformedRowException(start, tooLong());
		}
	}

	private Row record(int start) {
		int c = read();
		if (c == -1) {
			return null;
		}
		List<String> fields = new ArrayList<>();
		StringBuilder value = this.field;
		value.setLength(0);
		boolean quoted = false;
		boolean fieldStarted = false;
		while (true) {
			if (quoted) {
				if (c == -1) {
					readAgainAfterFirstLine();
					throw new MalformedRowException(start, "a quoted field opened on line " + start + " is never closed");
				}
				if (c == '"') {
					int after = peek();
					if (after == '"') {
						read();
						value.append('"');
					}
					else {
						quoted = false;
						if (after != ',' && after != '\n' && after != '\r' && after != -1) {
							throw malformed(start, "unexpected text after a closing quote on line " + this.line);
						}
					}
				}
				else {
					if (c == '\n') {
						this.line++;
						if (this.secondLine < 0) {
							this.secondLine = recordLength();
						}
					}
					value.append((char) c);
				}
			}
			else if (c == '"' && !fieldStarted) {
				quoted = true;
				fieldStarted = true;
			}
			else if (c == ',') {
				fields.add(value.toString());
				value.setLength(0);
				fieldStarted = false;
			}
			else if (c == '\r' || c == '\n' || c == -1) {
				if (c == '\r' && peek() == '\n') {
					read();
				}
				if (c != -1) {
					this.line++;
				}
				if (recordLength() > this.maxRecordChars) {
					throw new MalformedRowException(start, tooLong());
				}
				fields.add(value.toString());
				return new Row(start, fields, this.secondLine >= 0);
			}
			else if (c == '"') {
				throw malformed(start, "a quote inside an unquoted field");
			}
			else {
				value.append((char) c);
				fieldStarted = true;
			}
			c = read();
		}
	}

	/**
	 * The text of the last record as it stood in the input, without its line break; for a
	 * record refused as malformed, the part of it that was not read again.
	 */
	String raw() {
		String text = recordText();
		int end = text.length();
		while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
			end--;
		}
		return text.substring(0, Math.min(end, this.maxRecordChars));
	}

	/**
	 * Refuses the last record's lines after its first: they are read again as records of
	 * their own. Does nothing for a record on one line.
	 */
	void readAgainAfterFirstLine() {
		if (this.secondLine < 0) {
			return;
		}
		String text = recordText();
		String again = text.substring(this.secondLine);
		int rest = this.limit - this.position;
		char[] next = new char[Math.max(BUFFER, again.length() + rest)];
		again.getChars(0, again.length(), next, 0);
		System.arraycopy(this.buffer, this.position, next, again.length(), rest);
		this.buffer = next;
		this.position = 0;
		this.limit = again.length() + rest;
		this.carry.setLength(0);
		this.carry.append(text, 0, this.secondLine);
		this.recordStart = 0;
		this.line = this.recordLine + 1;
		this.secondLine = -1;
	}

	private String tooLong() {
		return "the record is longer than " + this.maxRecordChars + " characters";
	}

	private MalformedRowException malformed(int start, String message) {
		if (this.secondLine >= 0) {
			readAgainAfterFirstLine();
		}
		else {
			skipRestOfLine();
		}
		return new MalformedRowException(start, message);
	}

	private void startRecord() {
		this.carry.setLength(0);
		this.recordStart = this.position;
		this.secondLine = -1;
	}

	private int recordLength() {
		return this.carry.length() + (this.position - this.recordStart);
	}

	private String recordText() {
		return this.carry + new String(this.buffer, this.recordStart, this.position - this.recordStart);
	}

	private void skipRestOfLine() {
		int c;
		do {
			c = read();
		}
		while (c != '\n' && c != -1);
		if (c == '\n') {
			this.line++;
		}
	}

	private int peek() {
		if (this.position == this.limit && !refill()) {
			return -1;
		}
		return this.buffer[this.position];
	}

	private int read() {
		if (this.position == this.limit && !refill()) {
			return -1;
		}
		return this.buffer[this.position++];
	}

	private boolean refill() {
		if (this.exhausted) {
			return false;
		}
		if (this.keepingRecord) {
			this.carry.append(this.buffer, this.recordStart, this.limit - this.recordStart);
		}
		this.recordStart = 0;
		this.position = 0;
		this.limit = 0;
		if (this.keepingRecord && this.carry.length() > this.maxRecordChars) {
			throw new TooLong();
		}
		try {
			int count;
			do {
				count = this.in.read(this.buffer, 0, this.buffer.length);
			}
			while (count == 0);
			if (count < 0) {
				this.exhausted = true;
				return false;
			}
			this.limit = count;
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
