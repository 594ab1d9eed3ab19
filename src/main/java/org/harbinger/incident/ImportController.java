package org.harbinger.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/incidents/import}: a CSV file (multipart field {@code file}, or the
 * request body as {@code text/csv}) becomes an import job. A file that is imported within
 * {@code harbinger.ingest.upload-wait} answers 200 with its report; a longer one answers
 * 202 with the job, to follow at {@code GET /api/imports/{id}}.
 */
@RestController
class ImportController {

	private final Imports imports;

	private final ImportJobs jobs;

	private final IngestProperties properties;

	ImportController(Imports imports, ImportJobs jobs, IngestProperties properties) {
		this.imports = imports;
		this.jobs = jobs;
		this.properties = properties;
	}

	/** One refused row, as it was in the file. */
	record RejectedRow(int line, String reason, String raw) {
	}

	@PostMapping(path = "/api/incidents/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportReport> upload(@RequestParam("file") MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return answer(this.imports.upload((file.getOriginalFilename() != null) ? file.getOriginalFilename()
					: "upload.csv", in));
		}
	}

	@PostMapping(path = "/api/incidents/import", consumes = "text/csv")
	ResponseEntity<ImportReport> uploadBody(HttpServletRequest request,
			@RequestParam(name = "name", defaultValue = "upload.csv") String name) throws IOException {
		try (InputStream in = request.getInputStream()) {
			return answer(this.imports.upload(name, in));
		}
	}

	@GetMapping("/api/imports")
	List<ImportReport> recent() {
		return this.imports.recent().stream().map((job) -> ImportReport.of(job, List.of())).toList();
	}

	@GetMapping("/api/imports/{id}")
	ImportReport report(@PathVariable long id) {
		return this.imports.report(job(id));
	}

	@GetMapping("/api/imports/{id}/rejected")
	List<RejectedRow> rejected(@PathVariable long id, @RequestParam(defaultValue = "1000") int limit) {
		job(id);
		return this.jobs.rejected(id, limit)
			.stream()
			.map((row) -> new RejectedRow(row.line(), row.reason(), row.raw()))
			.toList();
	}

	/** The refused rows under the file's header, as they were: fix them and import this file again. */
	@GetMapping("/api/imports/{id}/rejected.csv")
	void rejectedCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
		ImportJob job = job(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rejected-" + id + ".csv\"");
		this.imports.writeRejected(job, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
	}

	private ImportJob job(long id) {
		return this.jobs.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no import " + id));
	}

	private ResponseEntity<ImportReport> answer(Imports.Submitted submitted) {
		try {
			return ResponseEntity.ok(submitted.report()
				.get(this.properties.uploadWait().toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			return ResponseEntity.accepted()
				.location(URI.create("/api/imports/" + submitted.id()))
				.body(this.imports.report(job(submitted.id())));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, ex.getCause().getMessage(), ex);
		}
	}

}
