package org.harbinger.ingest;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an import ends (an upload, the inbox, the command line, the demo, an ACLED pull):
 * {@code harbinger_imports_total{way, status}} (DONE or FAILED), and its rows in
 * {@code harbinger_incidents_ingested_total} under the same {@code way}.
 */
@Component
class ImportMetrics {

	private final MeterRegistry registry;

	private final IngestCounts counts;

	ImportMetrics(MeterRegistry registry, IngestCounts counts) {
		this.registry = registry;
		this.counts = counts;
	}

	@EventListener
	void on(ImportFinished finished) {
		ImportJob job = finished.job();
		String way = job.origin().name().toLowerCase(Locale.ROOT);
		this.registry.counter("harbinger.imports", "way", way, "status", job.status().name()).increment();
		this.counts.stored(way, job.created(), job.amended(), job.unchanged(), job.deleted());
		this.counts.refused(way, job.rejected());
	}

}
