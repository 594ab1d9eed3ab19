package org.harbinger.ingest;

import java.util.List;
import java.util.function.Function;

/**
 * Reads fields out of one raw record for {@link IncidentFields}, collecting an error for
 * each bad one.
 */
final class FieldReader {

	private final String[] values;

	final List<FieldError> errors;

	FieldReader(String[] values, List<FieldError> errors) {
		this.values = values;
		this.errors = errors;
	}

	String text(int field) {
		String value = this.values[field];
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	String required(int field) {
		String value = text(field);
		if (value == null) {
			this.errors.add(new FieldError(IncidentFields.NAMES.get(field), "is required"));
		}
		return value;
	}

	<T> T parse(int field, Function<String, T> parser, boolean required) {
		String value = required ? required(field) : text(field);
		if (value == null) {
			return null;
		}
		try {
			return parser.apply(value);
		}
		catch (NumberFormatException ex) {
			this.errors.add(new FieldError(IncidentFields.NAMES.get(field), "'" + value + "' is not a number"));
		}
		catch (IllegalArgumentException ex) {
			this.errors.add(new FieldError(IncidentFields.NAMES.get(field), ex.getMessage()));
		}
		return null;
	}

}
