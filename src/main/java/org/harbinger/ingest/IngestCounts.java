package org.harbinger.ingest;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code harbinger_incidents_ingested_total{way, outcome}}: rows each way in brought, by
 * what became of them (docs/metrics.md). The JSON API counts its own calls; the import
 * pipeline counts a file when its import ends, so a row is counted once whichever way it
 * came.
 */
@Component
public class IngestCounts {

	/** The JSON API's way in; the others are the import origins, in lower case. */
	public static final String API = "api";

	static final String NAME = "harbinger.incidents.ingested";

	private final MeterRegistry registry;

	IngestCounts(MeterRegistry registry) {
		this.registry = registry;
	}

	public void stored(String way, long created, long amended, long unchanged, long deleted) {
		add(way, "created", created);
		add(way, "amended", amended);
		add(way, "unchanged", unchanged);
		add(way, "deleted", deleted);
	}

	public void refused(String way, long rejected) {
		add(way, "rejected", rejected);
	}

	private void add(String way, String outcome, long rows) {
		// Registered at the first row, so a way that never brought anything has no
		// series.
		if (rows > 0) {
			this.registry.counter(NAME, "way", way, "outcome", outcome).increment(rows);
		}
	}

}
