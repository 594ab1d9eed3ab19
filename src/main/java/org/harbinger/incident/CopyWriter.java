package org.harbinger.incident;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * COPY's binary rows (a header, then per row a field count and each field's length and
 * value, -1 for null, then a trailer), sent to the server as each chunk fills rather than
 * as one buffer per batch: the server stores them without parsing text.
 */
final class CopyWriter {

	/** Where PostgreSQL's dates and times count from. */
	private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

	private static final Instant EPOCH_INSTANT = EPOCH.atStartOfDay().toInstant(ZoneOffset.UTC);

	/** Sent to the server in pieces of this size. */
	private static final int CHUNK = 64 * 1024;

	private final CopyIn copy;

	private final short fields;

	private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);

	/** What writes a COPY's rows. */
	@FunctionalInterface
	interface Rows {

		void writeTo(CopyWriter out) throws SQLException;

	}

	/**
	 * Runs {@code sql}, a {@code COPY ... FROM STDIN (FORMAT binary)} of rows of
	 * {@code fields} fields, with the rows {@code rows} writes; a failure cancels the
	 * COPY, leaving the connection usable.
	 */
	static void copy(Connection connection, String sql, int fields, Rows rows) throws SQLException {
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
		try {
			CopyWriter out = new CopyWriter(copy, fields);
			rows.writeTo(out);
			out.trailer();
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	/** Whether the database behind {@code jdbc} is PostgreSQL, which takes COPY. */
	static boolean copies(JdbcTemplate jdbc) {
		return "PostgreSQL".equals(jdbc
			.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName()));
	}

	private CopyWriter(CopyIn copy, int fields) throws SQLException {
		this.copy = copy;
		this.fields = (short) fields;
		// Signature, flags, header extension length.
		room(19);
		this.buffer.put("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(0);
	}

	/**
	 * A timestamp's binary form: microseconds since {@link #EPOCH}, as a BIGINT field.
	 */
	static long microseconds(Instant at) {
		Duration since = Duration.between(EPOCH_INSTANT, at);
		return since.getSeconds() * 1_000_000L + since.getNano() / 1_000;
	}

	void row() throws SQLException {
		room(2);
		this.buffer.putShort(this.fields);
	}

	private void trailer() throws SQLException {
		room(2);
		this.buffer.putShort((short) -1);
		send();
	}

	/**
	 * One field in its SQL type's binary form; a timestamp as a BIGINT of its
	 * {@link #microseconds}.
	 */
	void field(Object value, int type) throws SQLException {
		room(12);
		if (value == null) {
			this.buffer.putInt(-1);
			return;
		}
		switch (type) {
			case Types.VARCHAR -> text((String) value);
			case Types.INTEGER -> this.buffer.putInt(4).putInt((Integer) value);
			case Types.BIGINT -> this.buffer.putInt(8).putLong((Long) value);
			case Types.DOUBLE -> this.buffer.putInt(8).putDouble((Double) value);
			case Types.DATE ->
				this.buffer.putInt(4).putInt((int) (((LocalDate) value).toEpochDay() - EPOCH.toEpochDay()));
			default -> throw new IllegalArgumentException("no COPY form for SQL type " + type);
		}
	}

	private void text(String value) throws SQLException {
		byte[] text = value.getBytes(StandardCharsets.UTF_8);
		this.buffer.putInt(text.length);
		if (text.length > this.buffer.remaining()) {
			// A long text (notes) goes as it is.
			send();
			this.copy.writeToCopy(text, 0, text.length);
			return;
		}
		this.buffer.put(text);
	}

	private void room(int bytes) throws SQLException {
		if (this.buffer.remaining() < bytes) {
			send();
		}
	}

	private void send() throws SQLException {
		if (this.buffer.position() > 0) {
			this.copy.writeToCopy(this.buffer.array(), 0, this.buffer.position());
			this.buffer.clear();
		}
	}

}
