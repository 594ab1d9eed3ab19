package org.harbinger.ingest;

/** One reason an input record was refused, named by its field. */
public record FieldError(String field, String message) {

	@Override
	public String toString() {
		return this.field + ": " + this.message;
	}

}
