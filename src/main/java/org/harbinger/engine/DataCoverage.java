package org.harbinger.engine;

/**
 * How far back the incident data reaches. History-dependent indicators stay silent until
 * it covers their baseline, or the first day of any replay would look like a surge.
 */
public final class DataCoverage {

	private final long firstDay;

	DataCoverage(long firstDay) {
		this.firstDay = firstDay;
	}

	public long getFirstDay() {
		return this.firstDay;
	}

}
