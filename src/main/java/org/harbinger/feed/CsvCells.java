package org.harbinger.feed;

import java.util.Objects;

/**
 * Cell values for CSV files that people open in spreadsheets. A text cell that starts
 * with {@code = + - @}, a tab or a carriage return would be run as a formula by Excel,
 * LibreOffice or Google Sheets (CSV injection), so it gets a leading single quote, as
 * OWASP advises. Numbers are written from numeric values and never get one: a negative
 * latitude stays {@code -33.5} and sorts as a number.
 */
final class CsvCells {

	private CsvCells() {
	}

	/**
	 * A text cell, neutralised if a spreadsheet would take it for a formula; null is
	 * empty.
	 */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return switch (value.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
			default -> value;
		};
	}

	/** A numeric or date cell, written as it is; null is empty. */
	static String value(Object value) {
		return Objects.toString(value, "");
	}

}
