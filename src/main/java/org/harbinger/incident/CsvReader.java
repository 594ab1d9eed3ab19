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
 */
final class CsvReader {

	/** One record and the line (1-based) it starts on. */
	record Row(int line, List<String> fields) {
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

	private final Reader in;

	private int line = 1;

	private int peeked = -2;

	private boolean first = true;

	CsvReader(Reader in) {
		this.in = in;
	}

	/** The next record, or null at the end of the input. */
	Row next() {
		int start = this.line;
		int c = read();
		if (this.first) {
			this.first = false;
			if (c == '\uFEFF') {
				c = read();
			}
		}
		if (c == -1) {
			return null;
		}
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		while (true) {
			if (quoted) {
				if (c == -1) {
					throw new MalformedRowException(start, "a quoted field opened on line " + start + " is never closed");
				}
				if (c == '"') {
					int after = peek();
					if (after == '"') {
						read();
						field.append('"');
					}
					else {
						quoted = false;
						if (after != ',' && after != '\n' && after != '\r' && after != -1) {
							skipRestOfLine();
							throw new MalformedRowException(start, "unexpected text after a closing quote");
						}
					}
				}
				else {
					if (c == '\n') {
						this.line++;
					}
					field.append((char) c);
				}
			}
			else if (c == '"' && !fieldStarted) {
				quoted = true;
				fieldStarted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				fieldStarted = false;
			}
			else if (c == '\r' || c == '\n' || c == -1) {
				if (c == '\r' && peek() == '\n') {
					read();
				}
				if (c != -1) {
					this.line++;
				}
				fields.add(field.toString());
				return new Row(start, fields);
			}
			else if (c == '"') {
				skipRestOfLine();
				throw new MalformedRowException(start, "a quote inside an unquoted field");
			}
			else {
				field.append((char) c);
				fieldStarted = true;
			}
			c = read();
		}
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
		if (this.peeked == -2) {
			this.peeked = readRaw();
		}
		return this.peeked;
	}

	private int read() {
		if (this.peeked != -2) {
			int c = this.peeked;
			this.peeked = -2;
			return c;
		}
		return readRaw();
	}

	private int readRaw() {
		try {
			return this.in.read();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
