package org.harbinger.ingest;

import java.util.List;

/** Writes CSV records that {@link CsvReader} reads back to the same fields. */
public final class CsvWriter {

	private CsvWriter() {
	}

	/**
	 * One record, fields quoted as RFC 4180 asks (only where needed), without the line
	 * break.
	 */
	public static String line(List<String> fields) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			append(line, fields.get(i));
		}
		return line.toString();
	}

	public static void append(StringBuilder line, String field) {
		boolean quote = false;
		for (int i = 0; i < field.length() && !quote; i++) {
			char c = field.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		if (!quote) {
			line.append(field);
			return;
		}
		line.append('"').append(field.replace("\"", "\"\"")).append('"');
	}

}
