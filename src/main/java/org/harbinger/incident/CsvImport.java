package org.harbinger.incident;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads an ACLED export or a native Harbinger CSV, detected by the header: a native file
 * names the feed in {@code source} and the outlets in {@code reported_by}; in an ACLED
 * export {@code source} is the outlets and the feed is "acled". Good rows are handed on
 * in batches while reading, so memory stays flat; bad rows are reported by line.
 */
public final class CsvImport {

	static final String ACLED_FEED = "acled";

	private static final List<String> REQUIRED = List.of("event_id_cnty", "event_date", "event_type", "country");

	private final IncidentFields fields;

	CsvImport(IncidentFields fields) {
		this.fields = fields;
	}

	public ImportReport read(Reader in, int batchSize, Consumer<List<Incident>> batches) {
		CsvReader csv = new CsvReader(in);
		List<ImportReport.LineError> errors = new ArrayList<>();
		CsvReader.Row header = csv.next();
		if (header == null) {
			return new ImportReport(0, 0, List.of(new ImportReport.LineError(1, "the file is empty")));
		}
		List<String> columns = header.fields().stream().map((name) -> name.trim().toLowerCase(Locale.ROOT)).toList();
		List<String> missing = REQUIRED.stream().filter((name) -> !columns.contains(name)).toList();
		if (!missing.isEmpty()) {
			return new ImportReport(0, 0, List.of(new ImportReport.LineError(1,
					"the header lacks " + String.join(", ", missing) + "; is this an ACLED or Harbinger CSV?")));
		}
		boolean nativeFormat = columns.contains("reported_by");
		int accepted = 0;
		List<Incident> batch = new ArrayList<>(batchSize);
		while (true) {
			CsvReader.Row row;
			try {
				row = csv.next();
			}
			catch (CsvReader.MalformedRowException ex) {
				errors.add(new ImportReport.LineError(ex.line(), ex.getMessage()));
				continue;
			}
			if (row == null) {
				break;
			}
			if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
				continue;
			}
			if (row.fields().size() != columns.size()) {
				errors.add(new ImportReport.LineError(row.line(),
						"has " + row.fields().size() + " fields but the header has " + columns.size()));
				continue;
			}
			IncidentFields.Parsed parsed = this.fields.parse(record(columns, row.fields(), nativeFormat));
			if (!parsed.ok()) {
				errors.add(new ImportReport.LineError(row.line(),
						parsed.errors().stream().map(FieldError::toString).collect(Collectors.joining("; "))));
				continue;
			}
			batch.add(parsed.incident());
			accepted++;
			if (batch.size() == batchSize) {
				batches.accept(List.copyOf(batch));
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			batches.accept(List.copyOf(batch));
		}
		return new ImportReport(accepted, errors.size(), errors);
	}

	private static Map<String, String> record(List<String> columns, List<String> values, boolean nativeFormat) {
		Map<String, String> record = new HashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			String column = columns.get(i);
			if (!nativeFormat && column.equals("source")) {
				column = "reported_by";
			}
			if (IncidentFields.NAMES.contains(column) && !values.get(i).isBlank()) {
				record.put(column, values.get(i));
			}
		}
		record.putIfAbsent("source", ACLED_FEED);
		return record;
	}

}
