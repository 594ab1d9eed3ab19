package org.harbinger.incident;

import java.time.LocalDate;

/**
 * Incident ids order incidents by event date (migration V8): the event day, days since
 * 1970-01-01, shifted left by {@value #DAY_SHIFT} bits, plus a number from
 * {@code incident_seq} that no other incident has. A date range is then an id range,
 * which the primary key serves: no event_date index to maintain on every insert.
 */
public final class IncidentIds {

	private static final int DAY_SHIFT = 32;

	private IncidentIds() {
	}

	/**
	 * The smallest id an incident dated that day can have. Incidents are dated 1900 to
	 * tomorrow; a search may name any date, and one too far out for the id's day bits
	 * stands for the end of the ids on its side.
	 */
	public static long firstId(LocalDate day) {
		long epochDay = day.toEpochDay();
		if (epochDay >= 1L << (63 - DAY_SHIFT)) {
			return Long.MAX_VALUE;
		}
		return (epochDay < -(1L << (63 - DAY_SHIFT))) ? Long.MIN_VALUE : epochDay << DAY_SHIFT;
	}

	/**
	 * The smallest id of the days after {@code day}: ids below it are of that day or
	 * earlier.
	 */
	public static long firstIdAfter(LocalDate day) {
		return day.equals(LocalDate.MAX) ? Long.MAX_VALUE : firstId(day.plusDays(1));
	}

	/**
	 * The id of a stored incident whose event date becomes {@code day}: the same number
	 * of its own, the new day.
	 */
	static long movedTo(long id, LocalDate day) {
		return firstId(day) + (id & ((1L << DAY_SHIFT) - 1));
	}

}
