package org.harbinger.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Values as YAML text, for the files the service edits ({@link YamlEdit}) and the audit
 * of their changes.
 */
public final class YamlValues {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./@+-]*(?: [A-Za-z0-9_./@+-]+)*");

	private static final Pattern RESERVED = Pattern.compile("(?i)true|false|yes|no|on|off|null|~");

	private YamlValues() {
	}

	/**
	 * A value as YAML flow text: a plain or double-quoted scalar, or a list
	 * {@code [a, b]}.
	 */
	public static String render(Object value) {
		if (value instanceof Collection<?> items) {
			List<String> rendered = new ArrayList<>();
			for (Object item : items) {
				if (item instanceof Collection<?> || item instanceof Map<?, ?>) {
					throw new IllegalArgumentException("expected a list of single values");
				}
				rendered.add(render(item));
			}
			return "[" + String.join(", ", rendered) + "]";
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		if (!(value instanceof String string)) {
			throw new IllegalArgumentException("expected a single value or a list");
		}
		if (PLAIN.matcher(string).matches() && !RESERVED.matcher(string).matches()) {
			return string;
		}
		StringBuilder quoted = new StringBuilder("\"");
		string.codePoints().forEach((c) -> {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format(Locale.ROOT, "\\x%02x", c));
					}
					else {
						quoted.appendCodePoint(c);
					}
				}
			}
		});
		return quoted.append('"').toString();
	}

}
