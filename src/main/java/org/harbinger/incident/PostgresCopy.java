package org.harbinger.incident;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * New incidents into PostgreSQL by COPY: one statement per batch instead of one per row,
 * which is where PostgreSQL spent an import's time (docs/performance.md, "Import"). The
 * ids are the day's first id plus the sequence's next number, as the insert computes
 * them, and both times are the transaction's.
 */
final class PostgresCopy {

	private static final String COPY = "COPY incident (id, " + IncidentColumns.COLUMNS
			+ ", content_hash, import_id, import_line, " + SearchKeys.COLUMNS
			+ ", recorded_at, updated_at) FROM STDIN (FORMAT csv)";

	private PostgresCopy() {
	}

	static void insert(Connection connection, List<IncidentWriter.Write> writes) throws SQLException {
		if (writes.isEmpty()) {
			return;
		}
		long[] sequence = new long[writes.size()];
		String now;
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
				now = String.valueOf(at);
			}
		}
		StringBuilder csv = new StringBuilder(writes.size() * 512);
		for (int i = 0; i < writes.size(); i++) {
			IncidentWriter.Write write = writes.get(i);
			csv.append(IncidentIds.firstId(write.incident().eventDate()) + sequence[i]);
			for (Object value : write.row().values()) {
				csv.append(',');
				append(csv, value);
			}
			csv.append(',').append(write.hash()).append(',');
			append(csv, write.importId());
			csv.append(',');
			append(csv, write.line());
			for (String key : SearchKeys.of(write.incident())) {
				csv.append(',');
				append(csv, key);
			}
			csv.append(',').append(now).append(',').append(now).append('\n');
		}
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
		}
		catch (IOException ex) {
			throw new SQLException("COPY into incident failed", ex);
		}
	}

	/**
	 * CSV as COPY reads it: nothing for null, text always quoted (so an empty text stays
	 * empty, not null).
	 */
	static void append(StringBuilder csv, Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof String text) {
			csv.append('"');
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"') {
					csv.append('"');
				}
				csv.append(c);
			}
			csv.append('"');
		}
		else if (value instanceof LocalDate || value instanceof Number) {
			csv.append(value);
		}
		else {
			throw new IllegalArgumentException("no COPY form for " + value.getClass().getSimpleName());
		}
	}

}
