package org.harbinger.system;

import java.security.Principal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who changed an administrator's file (thresholds or subscriptions), when, why, and each
 * value old to new.
 */
@Repository
public class ConfigAudit {

	private final JdbcClient jdbc;

	ConfigAudit(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One changed value: a threshold key or {@code subscription.field}; null where the
	 * value is absent.
	 */
	public record Change(String item, String before, String after) {
	}

	/** One audited change, with its values. */
	public record Entry(long id, String file, String who, Instant at, String reason, List<Change> changes) {
	}

	/** What to list; null or blank fields do not filter. */
	public record Filter(String file, String who, String item, int limit) {
	}

	/** Who made a change: the signed-in user, or "unknown" where no one signs in. */
	public static String who(Principal principal) {
		return (principal == null) ? "unknown" : principal.getName();
	}

	/**
	 * Records a change; the caller writes the file in the same transaction, so neither
	 * stands without the other.
	 */
	@Transactional
	public long record(String file, String who, String reason, List<Change> changes, String textBefore,
			String textAfter) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO config_change (config_file, changed_by, changed_at, reason, text_before, text_after) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(file, who, Timestamp.from(Instant.now()), reason.strip(), textBefore, textAfter)
			.update(key, "id");
		long id = key.getKey().longValue();
		for (Change change : changes) {
			this.jdbc
				.sql("INSERT INTO config_change_value (change_id, item, value_before, value_after) VALUES (?, ?, ?, ?)")
				.params(id, change.item(), change.before(), change.after())
				.update();
		}
		return id;
	}

	/** Changes newest first. */
	public List<Entry> list(Filter filter) {
		StringBuilder sql = new StringBuilder(
				"SELECT id, config_file, changed_by, changed_at, reason FROM config_change c WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (filter.file() != null && !filter.file().isBlank()) {
			sql.append(" AND config_file = ?");
			params.add(filter.file());
		}
		if (filter.who() != null && !filter.who().isBlank()) {
			sql.append(" AND changed_by = ?");
			params.add(filter.who());
		}
		if (filter.item() != null && !filter.item().isBlank()) {
			sql.append(
					" AND EXISTS (SELECT 1 FROM config_change_value v WHERE v.change_id = c.id AND v.item LIKE ? ESCAPE '\\')");
			params.add("%" + filter.item().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		sql.append(" ORDER BY changed_at DESC, id DESC FETCH FIRST ")
			.append(Math.max(1, filter.limit()))
			.append(" ROWS ONLY");
		Map<Long, Entry> entries = new LinkedHashMap<>();
		this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5), new ArrayList<>()))
			.list()
			.forEach((entry) -> entries.put(entry.id(), entry));
		if (!entries.isEmpty()) {
			this.jdbc
				.sql("SELECT change_id, item, value_before, value_after FROM config_change_value WHERE change_id IN ("
						+ String.join(", ", entries.keySet().stream().map((id) -> "?").toList()) + ") ORDER BY item")
				.params(new ArrayList<>(entries.keySet()))
				.query((rs, row) -> {
					entries.get(rs.getLong(1))
						.changes()
						.add(new Change(rs.getString(2), rs.getString(3), rs.getString(4)));
					return null;
				})
				.list();
		}
		return List.copyOf(entries.values());
	}

}
