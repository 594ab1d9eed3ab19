package org.harbinger.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The engine's memory in the database (table {@code engine_memory}, a row per field). */
@Component
class JdbcMemoryStore implements MemoryStore {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	JdbcMemoryStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public List<SessionMemory.Fact> load() {
		Map<Integer, String> types = new LinkedHashMap<>();
		Map<Integer, Map<String, SessionMemory.Field>> fields = new LinkedHashMap<>();
		this.jdbc.query("SELECT fact_no, fact_type, field_name, field_type, field_value FROM engine_memory"
				+ " ORDER BY fact_no, field_name", (row) -> {
					int number = row.getInt(1);
					types.put(number, row.getString(2));
					fields.computeIfAbsent(number, (n) -> new LinkedHashMap<>())
						.put(row.getString(3), new SessionMemory.Field(row.getString(4), row.getString(5)));
				});
		List<SessionMemory.Fact> facts = new ArrayList<>(types.size());
		types.forEach((number, type) -> facts.add(new SessionMemory.Fact(type, fields.get(number))));
		return facts;
	}

	@Override
	public void save(List<SessionMemory.Fact> facts) {
		List<Object[]> rows = new ArrayList<>();
		for (int number = 0; number < facts.size(); number++) {
			SessionMemory.Fact fact = facts.get(number);
			for (Map.Entry<String, SessionMemory.Field> field : fact.fields().entrySet()) {
				rows.add(new Object[] { number, fact.type(), field.getKey(), field.getValue().type(),
						field.getValue().value() });
			}
		}
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.update("DELETE FROM engine_memory");
			this.jdbc.batchUpdate("INSERT INTO engine_memory (fact_no, fact_type, field_name, field_type, field_value)"
					+ " VALUES (?, ?, ?, ?, ?)", rows);
		});
	}

}
