package org.harbinger.digest;

/**
 * Incident text is untrusted. The HTML part escapes it (th:text); the plain-text part
 * turns angle brackets into look-alike quotes so that no client can take a tag from it;
 * and a table cell that a spreadsheet would read as a formula
 * ({@code =cmd|' /C calc'!A0}, pasted from the mail) is prefixed with an apostrophe, as
 * OWASP advises for CSV.
 */
public final class SafeText {

	private static final int NOTES_LENGTH = 300;

	/** For the plain-text template: {@code [(${safe.text(x)})]}. */
	public String text(Object value) {
		return (value == null) ? "" : String.valueOf(value).replace('<', '\u2039').replace('>', '\u203A');
	}

	static String cell(String value) {
		if (value == null) {
			return "";
		}
		return (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
	}

	static String shorten(String notes) {
		if (notes == null) {
			return "";
		}
		String flat = notes.strip().replaceAll("\\s+", " ");
		return (flat.length() <= NOTES_LENGTH) ? flat : flat.substring(0, NOTES_LENGTH - 1) + "\u2026";
	}

}
