package org.harbinger.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;

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
				now = CopyWriter.microseconds(at.toInstant());
			}
		}
		CopyWriter.copy(connection, COPY, FIELDS, (out) -> {
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
		});
	}

}
