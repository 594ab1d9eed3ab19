package org.harbinger.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * The character buffer under {@link CsvReader}: refills from the input and keeps the
 * current record's text across refills, so that a refused record can be reported as it
 * stood and its lines after the first read again. The parser scans {@link #buffer}
 * directly, which is why these fields are shared rather than hidden behind calls.
 */
abstract class CsvBuffer {

	/** Thrown from inside a record when it outgrows the limit, to stop reading it. */
	static final class TooLong extends RuntimeException {

		TooLong() {
			super(null, null, false, false);
		}

	}

	static final int BUFFER = 1 << 16;

	private final Reader in;

	final int maxRecordChars;

	char[] buffer;

	int position;

	int limit;

	boolean exhausted;

	int line = 1;

	/**
	 * The current record's text read before the last refill; the rest is
	 * buffer[recordStart, position).
	 */
	final StringBuilder carry = new StringBuilder();

	int recordStart;

	boolean keepingRecord = true;

	/**
	 * Where the current record's second line starts in its text, or -1 while it has one
	 * line.
	 */
	int secondLine = -1;

	CsvBuffer(Reader in, int maxRecordChars, int bufferChars) {
		this.in = in;
		this.maxRecordChars = maxRecordChars;
		this.buffer = new char[bufferChars];
	}

	/**
	 * Where the record's content may run to in the buffer: the end of what is buffered,
	 * or the character past which the record would be longer than the limit (line break
	 * not counted). Checked at the character, not at refills, so the outcome never
	 * depends on how the input falls into buffers.
	 */
	final int contentEnd() {
		long end = (long) this.recordStart + this.maxRecordChars - this.carry.length();
		return (int) Math.min(this.limit, end);
	}

	/**
	 * Reads one character of content that {@link #peek()} has shown, within the limit.
	 */
	final void take() {
		if (recordLength() >= this.maxRecordChars) {
			throw new TooLong();
		}
		this.position++;
	}

	final void startRecord() {
		this.carry.setLength(0);
		this.recordStart = this.position;
		this.secondLine = -1;
	}

	final int recordLength() {
		return this.carry.length() + (this.position - this.recordStart);
	}

	final String recordText() {
		return this.carry + new String(this.buffer, this.recordStart, this.position - this.recordStart);
	}

	final void skipRestOfLine() {
		int c;
		do {
			c = read();
		}
		while (c != '\n' && c != -1);
		if (c == '\n') {
			this.line++;
		}
	}

	final int peek() {
		if (this.position == this.limit && !refill()) {
			return -1;
		}
		return this.buffer[this.position];
	}

	final int read() {
		if (this.position == this.limit && !refill()) {
			return -1;
		}
		return this.buffer[this.position++];
	}

	final boolean refill() {
		if (this.exhausted) {
			return false;
		}
		if (this.keepingRecord) {
			this.carry.append(this.buffer, this.recordStart, this.limit - this.recordStart);
		}
		this.recordStart = 0;
		this.position = 0;
		this.limit = 0;
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
