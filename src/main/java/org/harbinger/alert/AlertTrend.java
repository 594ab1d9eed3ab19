package org.harbinger.alert;

import java.time.LocalDate;
import java.util.List;

/**
 * An alert's evidence counted per day over its indicator's window ending on {@code to}:
 * what a chart in the digest or the dashboard draws. {@code inWindow} is the running count
 * since {@code from}, so on the last day it is the count the rule judged; {@code threshold}
 * is the indicator's count threshold (named {@code thresholdName}), or null if it has none.
 */
public record AlertTrend(long alertId, String indicator, String scope, int windowDays, LocalDate from,
		LocalDate to, List<Day> days, String thresholdName, Integer threshold) {

	public AlertTrend {
		days = List.copyOf(days);
	}

	/** One day: the incidents dated that day and the running count in the window. */
	public record Day(LocalDate date, int count, int inWindow) {
	}

	/** The count in the window on the last day. */
	public int observed() {
		return this.days.isEmpty() ? 0 : this.days.get(this.days.size() - 1).inWindow();
	}

	/** The largest daily count, at least 0. */
	public int peak() {
		return this.days.stream().mapToInt(Day::count).max().orElse(0);
	}

}
