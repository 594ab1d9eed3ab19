package org.harbinger.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read, for progress against the file's size. */
final class CountingStream extends FilterInputStream {

	private volatile long count;

	CountingStream(InputStream in) {
		super(in);
	}

	/** The bytes read so far. */
	long count() {
		return this.count;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			this.count++;
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		if (read > 0) {
			this.count += read;
		}
		return read;
	}

}
