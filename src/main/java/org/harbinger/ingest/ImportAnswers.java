package org.harbinger.ingest;

import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * How the API answers a request that started an import (an upload, an ACLED pull): the
 * report when the import ends within the wait ({@code harbinger.ingest.upload-wait}, or
 * {@code ?wait=SECONDS} when shorter; 0 never waits), else 202 with the job to follow at
 * its {@code Location}.
 */
@Component
class ImportAnswers {

	private final ImportQueue imports;

	private final ImportJobs jobs;

	private final IngestProperties properties;

	ImportAnswers(ImportQueue imports, ImportJobs jobs, IngestProperties properties) {
		this.imports = imports;
		this.jobs = jobs;
		this.properties = properties;
	}

	ResponseEntity<ImportReport> answer(ImportQueue.Submitted submitted, Integer wait) {
		long millis = this.properties.uploadWait().toMillis();
		if (wait != null) {
			millis = Math.min(millis, TimeUnit.SECONDS.toMillis(Math.max(0, wait)));
		}
		try {
			if (millis == 0) {
				return accepted(submitted.id());
			}
			return ResponseEntity.ok(submitted.report().get(millis, TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			return accepted(submitted.id());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, ex.getCause().getMessage(), ex);
		}
	}

	/** 202 with the job as it stands, to follow at {@code /api/imports/{id}}. */
	ResponseEntity<ImportReport> accepted(long id) {
		return ResponseEntity.accepted()
			.location(URI.create("/api/imports/" + id))
			.body(this.imports.report(this.jobs.find(id).orElseThrow()));
	}

}
