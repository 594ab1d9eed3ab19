package org.harbinger.engine;

import java.time.LocalDate;

/**
 * The event-time clock as a fact: windows count back from it (docs/architecture.md,
 * decision 1).
 */
public final class Today {

	private final LocalDate date;

	Today(LocalDate date) {
		this.date = date;
	}

	public long getDay() {
		return this.date.toEpochDay();
	}

	public LocalDate getDate() {
		return this.date;
	}

	@Override
	public String toString() {
		return "Today(" + this.date + ")";
	}

}
