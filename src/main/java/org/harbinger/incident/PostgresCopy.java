package org.harbinger.incident;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * New incidents into PostgreSQL by COPY: one statement per batch instead of one per row,
 * which is where PostgreSQL spent an import's time (docs/performance.md, "Import"), in
 * COPY's binary format, which the server stores without parsing text. The ids are the
 * day's first id plus the sequence's next number, as the insert computes them, and both
 * times are the transaction's.
 */
final class PostgresCopy {

	private static final String COPY = "COPY incident (id, " + IncidentColumns.COLUMNS
			+ ", content_hash, import_id, import_line, " + SearchKeys.COLUMNS
			+ ", recorded_at, updated_at) FROM STDIN (FORMAT binary)";

	private static final int FIELDS = IncidentColumns.TYPES.length + 8;

	/** Where PostgreSQL's dates and times count from. */
	private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

	/** Sent to the server in pieces of this size, not as one buffer per batch. */
	private static final int CHUNK = 64 * 1024;

	private PostgresCopy() {
	}

	static void insert(Connection connection, List<IncidentWriter.Write> writes) throws SQLException {
		if (writes.isEmpty()) {
			return;
		}
		long[] sequence = new long[writes.size()];
		long now;
		try (PreparedStatement next = connection
			.prepareStatement("SELECT nextval('incident_seq'), CURRENT_TIMESTAMP FROM generate_series(1, ?)")) {
			next.setInt(1, writes.size());
			try (ResultSet rs = next.executeQuery()) {
				int i = 0;
				OffsetDateTime at = null;
				while (rs.next()) {
					sequence[i++] = rs.getLong(1);
					at = rs.getObject(2, OffsetDateTime.class);
				}
				now = microseconds(at);
			}
		}
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
		try {
			Fields out = new Fields(copy);
			out.header();
			for (int i = 0; i < writes.size(); i++) {
				IncidentWriter.Write write = writes.get(i);
				out.row();
				out.field(IncidentIds.firstId(write.incident().eventDate()) + sequence[i], Types.BIGINT);
				Object[] values = write.row().values();
				for (int c = 0; c < values.length; c++) {
					out.field(values[c], IncidentColumns.TYPES[c]);
				}
				out.field(write.hash(), Types.BIGINT);
				out.field(write.importId(), Types.BIGINT);
				out.field(write.line(), Types.INTEGER);
				for (String key : SearchKeys.of(write.incident())) {
					out.field(key, Types.VARCHAR);
				}
				out.field(now, Types.BIGINT);
				out.field(now, Types.BIGINT);
			}
			out.trailer();
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	private static long microseconds(OffsetDateTime at) {
		Duration since = Duration.between(EPOCH.atStartOfDay().atOffset(ZoneOffset.UTC), at);
		return since.getSeconds() * 1_000_000L + since.getNano() / 1_000;
	}

	/**
	 * COPY's binary rows (a field count, then each field's length and value; -1 for
	 * null), sent to the server as each chunk fills.
	 */
	private static final class Fields {

		private final CopyIn copy;

		private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);

		Fields(CopyIn copy) {
			this.copy = copy;
		}

		void header() throws SQLException {
			// Signature, flags, header extension length.
			room(19);
			this.buffer.put("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(0);
		}

		void row() throws SQLException {
			room(2);
			this.buffer.putShort((short) FIELDS);
		}

		void trailer() throws SQLException {
			room(2);
			this.buffer.putShort((short) -1);
			send();
		}

		/**
		 * One field in its SQL type's binary form; a timestamp as a BIGINT of its
		 * microseconds since {@link #EPOCH}.
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

}
