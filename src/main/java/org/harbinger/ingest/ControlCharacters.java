package org.harbinger.ingest;

/**
 * Control characters (U+0000-U+001F, U+007F-U+009F) have no place in an incident: a NUL
 * cuts a value short in C libraries and some databases, others rewrite terminal and log
 * lines. Free text (notes) may keep tab and line breaks; every other field is one line of
 * text.
 */
final class ControlCharacters {

	private ControlCharacters() {
	}

	/** Why the value is refused, or null when it holds no forbidden character. */
	static String problem(String value, boolean freeText) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) && !(freeText && (c == '\t' || c == '\n' || c == '\r'))) {
				return String.format("contains the control character U+%04X at character %d; %s", (int) c, i + 1,
						freeText ? "only tab and line breaks are allowed"
								: "the field is one line of text without them");
			}
		}
		return null;
	}

}
