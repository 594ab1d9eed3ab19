package org.harbinger.ingest;

import java.io.Reader;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an ACLED export, a native Harbinger CSV or an ACLED deletions file, told apart by
 * the header, one record at a time. In an ACLED export {@code source} is the outlets and
 * the feed is "acled", and columns Harbinger does not know are ignored; a native file
 * names the feed in {@code source} and the outlets in {@code reported_by}, and may not
 * carry unknown columns (a misspelt column would otherwise be dropped without a word).
 */
final class CsvRecordReader implements RecordReader {

	static final String ACLED_FEED = "acled";

	private static final int SOURCE_FIELD = IncidentFields.index("source");

	private static final List<String> REQUIRED = List.of("event_id_cnty", "event_date", "event_type", "country");

	/** Columns only the native format has: any of them makes a file native. */
	private static final Set<String> NATIVE_ONLY = Set.of("reported_by", "origin_country", "claim_status",
			"reliability", "credibility");

	private final CsvReader csv;

	private final IncidentFields fields;

	private final List<String> columns;

	private final Format format;

	private final String header;

	/**
	 * Per column, the index in IncidentFields.NAMES of the field it holds, or -1 for a
	 * column Harbinger does not read.
	 */
	private final int[] fieldOf;

	private CsvRecordReader(CsvReader csv, IncidentFields fields, List<String> columns, Format format, String header) {
		this.csv = csv;
		this.fields = fields;
		this.columns = columns;
		this.format = format;
		this.header = header;
		// In an ACLED export "source" is the outlets: the feed is "acled" and the outlets
		// are reported_by.
		this.fieldOf = columns.stream()
			.map((column) -> (format == Format.ACLED && column.equals("source")) ? "reported_by" : column)
			.mapToInt(IncidentFields::index)
			.toArray();
	}

	/** Reads and checks the header. */
	static CsvRecordReader open(Reader in, IncidentFields fields, int maxRecordChars) {
		CsvReader csv = new CsvReader(in, maxRecordChars);
		CsvReader.Row header;
		try {
			header = csv.next();
		}
		catch (CsvReader.MalformedRowException ex) {
			throw new HeaderException("the header is malformed: " + ex.getMessage(), csv.raw());
		}
		if (header == null || (header.fields().size() == 1 && header.fields().get(0).isBlank())) {
			throw new HeaderException("the file is empty", "");
		}
		List<String> columns = header.fields().stream().map((name) -> name.trim().toLowerCase(Locale.ROOT)).toList();
		Set<String> seen = new LinkedHashSet<>();
		columns.stream().filter((column) -> !seen.add(column)).findFirst().ifPresent((column) -> {
			throw new HeaderException("the column '" + column + "' appears twice in the header", csv.raw());
		});
		try {
			return new CsvRecordReader(csv, fields, columns, format(columns), csv.raw());
		}
		catch (IllegalArgumentException ex) {
			throw new HeaderException(ex.getMessage(), csv.raw());
		}
	}

	/** The format the columns name; IllegalArgumentException when they fit none. */
	private static Format format(List<String> columns) {
		if (columns.contains("event_id_cnty") && columns.contains("deleted_timestamp")
				&& !columns.contains("event_date")) {
			return Format.DELETIONS;
		}
		List<String> missing = REQUIRED.stream().filter((name) -> !columns.contains(name)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("the header lacks " + String.join(", ", missing)
					+ "; is this an ACLED export, a Harbinger CSV or an ACLED deletions file?");
		}
		if (columns.stream().noneMatch(NATIVE_ONLY::contains)) {
			return Format.ACLED;
		}
		if (!columns.contains("source")) {
			throw new IllegalArgumentException(
					"a Harbinger CSV needs a source column naming the feed (acled, desk, ...)");
		}
		List<String> unknown = columns.stream().filter((name) -> !IncidentFields.NAMES.contains(name)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("unknown column " + String.join(", ", unknown)
					+ " in a Harbinger CSV; expected " + String.join(", ", IncidentFields.NAMES));
		}
		return Format.NATIVE;
	}

	@Override
	public Format format() {
		return this.format;
	}

	@Override
	public String header() {
		return this.header;
	}

	@Override
	public Item next() {
		while (true) {
			CsvReader.Row row;
			try {
				row = this.csv.next();
			}
			catch (CsvReader.MalformedRowException ex) {
				return new Refused(ex.line(), ex.getMessage(), this.csv.raw());
			}
			if (row == null) {
				return null;
			}
			List<String> values = row.fields();
			if (values.size() == 1 && values.get(0).isBlank()) {
				continue;
			}
			if (values.size() != this.columns.size()) {
				String raw = this.csv.raw();
				this.csv.readAgainAfterFirstLine();
				String reason = "has " + values.size() + " fields but the header has " + this.columns.size();
				return new Refused(row.line(), row.multiline() ? reason + " (an unbalanced quote?)" : reason,
						row.multiline() ? firstLine(raw) : raw);
			}
			for (int i = 0; i < values.size(); i++) {
				if (values.get(i).indexOf('\uFFFD') >= 0) {
					return new Refused(row.line(), this.columns.get(i) + ": is not valid UTF-8 text", this.csv.raw());
				}
			}
			Item item = (this.format == Format.DELETIONS) ? deletion(row) : incident(row);
			if (item != null) {
				return item;
			}
		}
	}

	private Item incident(CsvReader.Row row) {
		IncidentFields.Parsed parsed = this.fields.parse(record(row.fields()));
		if (!parsed.ok()) {
			return new Refused(row.line(),
					parsed.errors().stream().map(FieldError::toString).collect(Collectors.joining("; ")),
					this.csv.raw());
		}
		return new Good(row.line(), parsed.incident(), () -> CsvWriter.line(row.fields()));
	}

	private Item deletion(CsvReader.Row row) {
		Map<String, String> record = new HashMap<>();
		for (int i = 0; i < this.columns.size(); i++) {
			record.put(this.columns.get(i), row.fields().get(i).trim());
		}
		return RecordReader.deletion(row.line(), "", record.get("source"), record.get("event_id_cnty"),
				record.get("deleted_timestamp"), this.csv.raw());
	}

	private String[] record(List<String> values) {
		String[] record = new String[IncidentFields.NAMES.size()];
		for (int i = 0; i < this.fieldOf.length; i++) {
			if (this.fieldOf[i] >= 0 && !values.get(i).isBlank()) {
				record[this.fieldOf[i]] = values.get(i);
			}
		}
		if (this.format == Format.ACLED) {
			record[SOURCE_FIELD] = ACLED_FEED;
		}
		return record;
	}

	private static String firstLine(String raw) {
		int end = raw.indexOf('\n');
		return (end < 0) ? raw : raw.substring(0, (end > 0 && raw.charAt(end - 1) == '\r') ? end - 1 : end);
	}

}
