package org.harbinger.ingest;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader that knows the line each record starts on, so that every
 * error can name it. Accepts LF or CRLF and a leading byte-order mark; a quoted field may
 * hold separators, quotes (doubled) and line breaks.
 * <p>
 * Memory stays bounded whatever the input: a record longer than the limit is refused and
 * skipped. A broken record never swallows the rows after it: when a record that spans
 * several lines turns out malformed (a quote never closed, text after a closing quote, or
 * the wrong number of fields, see {@link #readAgainAfterFirstLine()}), only its first
 * line is refused and reading starts again on the next line.
 */
final class CsvReader extends CsvBuffer {

	/**
	 * One record, the line (1-based) it starts on, and whether it spans several lines.
	 */
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

	private boolean first = true;

	private int recordLine;

	private final StringBuilder field = new StringBuilder();

	/** The last record's number of fields: the next one's list is sized for it. */
	private int fieldsPerRecord = 16;

	CsvReader(Reader in, int maxRecordChars) {
		this(in, maxRecordChars, BUFFER);
	}

	/**
	 * With a buffer of this many characters: tests use tiny ones, so that records cross
	 * refills everywhere.
	 */
	CsvReader(Reader in, int maxRecordChars, int bufferChars) {
		super(in, maxRecordChars, bufferChars);
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
				throw new MalformedRowException(start, "a quoted field opened on line " + start
						+ " is not closed within " + this.maxRecordChars + " characters (an unbalanced quote?)");
			}
			this.keepingRecord = false;
			skipRestOfLine();
			this.keepingRecord = true;
			throw new MalformedRowException(start, tooLong());
		}
	}

	/**
	 * Scans a field at a time straight in the buffer and cuts each value out of it; only
	 * a value that crosses a refill or holds a doubled quote is built up in
	 * {@link #field}.
	 */
	private Row record(int start) {
		if (peek() == -1) {
			return null;
		}
		List<String> fields = new ArrayList<>(this.fieldsPerRecord);
		while (true) {
			fields.add((peek() == '"') ? quoted(start) : plain(start));
			int c = peek();
			if (c == ',') {
				take();
				continue;
			}
			if (c != -1) {
				this.position++;
				if (c == '\r' && peek() == '\n') {
					this.position++;
				}
				this.line++;
			}
			this.fieldsPerRecord = fields.size();
			return new Row(start, fields, this.secondLine >= 0);
		}
	}

	/**
	 * An unquoted value, up to the separator or line break after it, which is left
	 * unread.
	 */
	private String plain(int start) {
		boolean built = false;
		int from = this.position;
		while (true) {
			int end = contentEnd();
			int p = this.position;
			while (p < end) {
				char c = this.buffer[p];
				if (c == ',' || c == '\n' || c == '\r') {
					this.position = p;
					return value(built, from, p);
				}
				if (c == '"') {
					this.position = p;
					throw malformed(start, "a quote inside an unquoted field");
				}
				p++;
			}
			this.position = p;
			if (p < this.limit) {
				if (this.buffer[p] == '\n' || this.buffer[p] == '\r') {
					return value(built, from, p);
				}
				throw new TooLong();
			}
			built = keep(built, from, p);
			if (!refill()) {
				return this.field.toString();
			}
			from = 0;
		}
	}

	/**
	 * A quoted value, from its opening quote to its closing one; what follows must end
	 * the field.
	 */
	private String quoted(int start) {
		take();
		boolean built = false;
		int from = this.position;
		while (true) {
			int end = contentEnd();
			int p = this.position;
			while (p < end && this.buffer[p] != '"') {
				if (this.buffer[p++] == '\n') {
					this.line++;
					if (this.secondLine < 0) {
						this.secondLine = this.carry.length() + (p - this.recordStart);
					}
				}
			}
			this.position = p;
			if (p == this.limit) {
				built = keep(built, from, p);
				if (!refill()) {
					readAgainAfterFirstLine();
					throw new MalformedRowException(start,
							"a quoted field opened on line " + start + " is never closed");
				}
				from = 0;
				continue;
			}
			if (p == end) {
				throw new TooLong();
			}
			int quote = p;
			take();
			// A quote that ends the buffer: what follows is in the next one, so keep the
			// value so far (quote included).
			boolean crossing = this.position == this.limit;
			if (crossing) {
				built = keep(built, from, this.position);
			}
			int after = peek();
			if (after == '"') {
				if (!crossing) {
					built = keep(built, from, this.position);
				}
				take();
				from = this.position;
				continue;
			}
			if (after != ',' && after != '\n' && after != '\r' && after != -1) {
				throw malformed(start, "unexpected text after a closing quote on line " + this.line);
			}
			if (crossing) {
				this.field.setLength(this.field.length() - 1);
				return this.field.toString();
			}
			return value(built, from, quote);
		}
	}

	/**
	 * Adds buffer[from, to) to the value being built (starting it afresh when not yet
	 * built); returns true.
	 */
	private boolean keep(boolean built, int from, int to) {
		if (!built) {
			this.field.setLength(0);
		}
		this.field.append(this.buffer, from, to - from);
		return true;
	}

	private String value(boolean built, int from, int to) {
		if (!built) {
			return new String(this.buffer, from, to - from);
		}
		keep(true, from, to);
		return this.field.toString();
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
		char[] next = new char[Math.max(this.buffer.length, again.length() + rest)];
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

}
