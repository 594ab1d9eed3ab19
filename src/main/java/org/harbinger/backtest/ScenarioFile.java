package org.harbinger.backtest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.harbinger.engine.ThresholdType;
import org.harbinger.ingest.FieldError;
import org.harbinger.incident.Incident;
import org.harbinger.ingest.IncidentFields;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.YamlFiles;

/**
 * Reads {@code rules/tests/<indicator>.yaml}. Incidents use ACLED's field names and pass
 * through the same validation and normalisation as real ones; {@code defaults} fill
 * fields every incident shares; {@code reported} is the day an incident reaches the desk
 * (a late report); {@code repeat} with {@code every-days} makes a series from one entry.
 */
final class ScenarioFile {

	/**
	 * What a scenario may show; the runner checks each indicator's file shows what the
	 * rule needs.
	 */
	static final Set<String> KINDS = Set.of("fires", "silent-below", "escalates", "resolves", "late-report",
			"duplicate", "baseline", "other");

	/**
	 * The actor-role controls, one pair per group: {@code iskp-target},
	 * {@code ttp-perpetrator}...
	 */
	private static final Pattern CONTROL = Pattern.compile("[a-z][a-z-]*-(target|perpetrator)");

	private ScenarioFile() {
	}

	@SuppressWarnings("unchecked")
	static List<Scenario> read(EditableFiles.Text file, IncidentFields fields, Map<String, ThresholdType> schema) {
		Map<String, Object> root = YamlFiles.load(file);
		List<String> problems = new ArrayList<>();
		String indicator = String.valueOf(root.get("indicator"));
		Map<String, Object> defaults = map(root.get("defaults"));
		List<Scenario> scenarios = new ArrayList<>();
		if (!(root.get("scenarios") instanceof List<?> list) || list.isEmpty()) {
			throw new ConfigFileException(file.location(), List.of("expected 'indicator:' and a list of 'scenarios:'"));
		}
		for (Object item : list) {
			Map<String, Object> entry = map(item);
			String name = String.valueOf(entry.getOrDefault("name", "scenario " + (scenarios.size() + 1)));
			Reader reader = new Reader(problems, "scenario '" + name + "'");
			Set<String> covers = new LinkedHashSet<>(reader.strings(entry.get("covers"), "covers"));
			covers.stream()
				.filter((kind) -> !KINDS.contains(kind) && !CONTROL.matcher(kind).matches())
				.forEach((kind) -> reader.problem("covers: '" + kind + "' is not one of "
						+ KINDS.stream().sorted().toList() + " or a group's control (iskp-target, ttp-perpetrator)"));
			LocalDate from = reader.date(entry.get("from"), "from");
			LocalDate to = reader.date(entry.get("to"), "to");
			Map<String, Object> thresholds = new LinkedHashMap<>();
			map(entry.get("thresholds")).forEach((key, value) -> {
				ThresholdType type = schema.get(key);
				if (type == null) {
					reader.problem("thresholds: unknown key " + key);
					return;
				}
				try {
					thresholds.put(key, type.parse((value instanceof List) ? null : String.valueOf(value),
							(value instanceof List<?> values) ? values.stream().map(String::valueOf).toList() : null));
				}
				catch (IllegalArgumentException ex) {
					reader.problem("thresholds: " + key + ": " + ex.getMessage());
				}
			});
			List<Incident> incidents = new ArrayList<>();
			List<?> rows = (entry.get("incidents") instanceof List<?> given) ? given : List.of();
			for (int i = 0; i < rows.size(); i++) {
				Map<String, Object> row = new LinkedHashMap<>(defaults);
				row.putAll(map(rows.get(i)));
				incidents.addAll(reader.incidents(row, fields, i + 1));
			}
			List<Scenario.Expected> expected = new ArrayList<>();
			List<?> expectations = (entry.get("expect") instanceof List<?> given) ? given : List.of();
			for (Object expectation : expectations) {
				Map<String, Object> e = map(expectation);
				expected.add(
						new Scenario.Expected(reader.date(e.get("date"), "expect date"), String.valueOf(e.get("scope")),
								String.valueOf(e.get("severity")), String.valueOf(e.get("transition")),
								(e.get("evidence") != null) ? reader.strings(e.get("evidence"), "evidence") : null));
			}
			scenarios
				.add(new Scenario(file.location(), indicator, name, covers, from, to, thresholds, incidents, expected));
		}
		if (!problems.isEmpty()) {
			throw new ConfigFileException(file.location(), problems);
		}
		return scenarios;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	/** Reads one scenario's values, collecting every problem with the scenario's name. */
	private record Reader(List<String> problems, String where) {

		void problem(String message) {
			this.problems.add(this.where + ": " + message);
		}

		LocalDate date(Object value, String field) {
			if (value instanceof Date date) {
				return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
			}
			try {
				return LocalDate.parse(String.valueOf(value));
			}
			catch (DateTimeParseException ex) {
				problem(field + ": '" + value + "' is not a date like 2022-04-18");
				return LocalDate.EPOCH;
			}
		}

		List<String> strings(Object value, String field) {
			if (value == null) {
				return List.of();
			}
			if (value instanceof List<?> list) {
				return list.stream().map(String::valueOf).toList();
			}
			return List.of(String.valueOf(value));
		}

		/**
		 * One entry, or its series when it has {@code repeat}: ids get -1, -2 ... and
		 * dates step by every-days.
		 */
		List<Incident> incidents(Map<String, Object> row, IncidentFields fields, int number) {
			int repeat = Integer.parseInt(String.valueOf(row.getOrDefault("repeat", 1)));
			int every = Integer.parseInt(String.valueOf(row.getOrDefault("every-days", 1)));
			LocalDate first = date(row.get("event_date"), "incident " + number + " event_date");
			LocalDate reported = (row.get("reported") != null)
					? date(row.get("reported"), "incident " + number + " reported") : null;
			List<Incident> series = new ArrayList<>();
			for (int i = 0; i < repeat; i++) {
				Map<String, String> raw = new LinkedHashMap<>();
				row.forEach((key, value) -> {
					if (!Set.of("repeat", "every-days", "reported").contains(key) && value != null) {
						raw.put(key,
								(value instanceof List<?> list)
										? list.stream().map(String::valueOf).collect(Collectors.joining(";"))
										: String.valueOf(value));
					}
				});
				LocalDate date = first.plusDays((long) i * every);
				raw.put("event_date", date.toString());
				raw.putIfAbsent("source", "scenario");
				if (repeat > 1) {
					raw.put("event_id_cnty", raw.get("event_id_cnty") + "-" + (i + 1));
				}
				LocalDate arrival = (reported != null) ? reported.plusDays((long) i * every) : date;
				raw.put("timestamp", String.valueOf(arrival.atTime(12, 0).toEpochSecond(ZoneOffset.UTC)));
				IncidentFields.Parsed parsed = fields.parse(raw);
				if (!parsed.ok()) {
					problem("incident " + number + ": "
							+ parsed.errors().stream().map(FieldError::toString).collect(Collectors.joining("; ")));
					return List.of();
				}
				series.add(parsed.incident());
			}
			return series;
		}

	}

}
