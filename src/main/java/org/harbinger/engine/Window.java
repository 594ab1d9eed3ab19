package org.harbinger.engine;

/**
 * A span of days a window indicator wants summed for a counter: {@code days} days ending
 * {@code offset} days before Today (Today included when the offset is 0). The rule's own
 * window has offset 0; a baseline just before it has offset window-days and days
 * baseline-days. Rules insert it logically from their thresholds, so a threshold change
 * moves it. Windows with offset 0 also decide which scopes are summed
 * ({@link WindowScope}).
 */
public record Window(String counter, String name, int offset, int days) {

	public String getCounter() {
		return this.counter;
	}

	public String getName() {
		return this.name;
	}

	public int getOffset() {
		return this.offset;
	}

	public int getDays() {
		return this.days;
	}

}
