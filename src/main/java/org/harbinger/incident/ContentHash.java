package org.harbinger.incident;

import java.time.LocalDate;

/**
 * A 64-bit FNV-1a hash of everything stored about an incident: of each column value's
 * text ({@code String.valueOf}), each followed by 0x1f. An import compares it with the
 * stored one to tell an amendment from a re-send. Strings, whole numbers and dates are
 * hashed as that text without making it, since this runs for every row imported; the
 * value must not change, or every stored row would look amended on its next import.
 */
final class ContentHash {

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	private ContentHash() {
	}

	static long of(Object[] values) {
		long hash = FNV_OFFSET;
		for (Object value : values) {
			if (value instanceof String text) {
				hash = text(hash, text);
			}
			else if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0) {
				hash = digits(hash, ((Number) value).longValue(), 1);
			}
			else if (value instanceof LocalDate date && date.getYear() >= 1000 && date.getYear() <= 9999) {
				hash = digits(hash, date.getYear(), 4);
				hash = digits((hash ^ '-') * FNV_PRIME, date.getMonthValue(), 2);
				hash = digits((hash ^ '-') * FNV_PRIME, date.getDayOfMonth(), 2);
			}
			else {
				hash = text(hash, String.valueOf(value));
			}
			hash = (hash ^ 0x1f) * FNV_PRIME;
		}
		return hash;
	}

	private static long text(long hash, String text) {
		for (int i = 0; i < text.length(); i++) {
			hash = (hash ^ text.charAt(i)) * FNV_PRIME;
		}
		return hash;
	}

	/**
	 * Hashes the decimal digits of a number that is not negative, zero-padded to at least
	 * {@code width}.
	 */
	private static long digits(long hash, long number, int width) {
		// Cut right to left by the constant ten, which the compiler turns into a
		// multiplication
		// (dividing by a variable power of ten took a sixth of the reading thread), then
		// hashed left to right.
		byte[] digits = new byte[19];
		int first = digits.length;
		long rest = number;
		do {
			digits[--first] = (byte) ('0' + (int) (rest % 10));
			rest /= 10;
		}
		while (rest > 0);
		for (int pad = digits.length - first; pad < width; pad++) {
			hash = (hash ^ '0') * FNV_PRIME;
		}
		for (int i = first; i < digits.length; i++) {
			hash = (hash ^ digits[i]) * FNV_PRIME;
		}
		return hash;
	}

}
