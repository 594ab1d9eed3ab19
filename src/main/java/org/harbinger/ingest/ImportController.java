package org.harbinger.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * {@code POST /api/incidents/import}: a CSV or JSON file (multipart field {@code file},
 * or the request body as {@code text/csv} or {@code application/json}) becomes an import
 * job. A file that is imported within {@code harbinger.ingest.upload-wait} (or
 * {@code ?wait=SECONDS}, when shorter) answers 200 with its report; a longer one answers
 * 202 with the job, to follow at {@code GET /api/imports/{id}}.
 */
@RestController
class ImportController {

	private final ImportQueue imports;

	private final ImportJobs jobs;

	private final ImportAnswers answers;

	ImportController(ImportQueue imports, ImportJobs jobs, ImportAnswers answers) {
		this.imports = imports;
		this.jobs = jobs;
		this.answers = answers;
	}

	/** One refused row, as it was in the file. */
	record RejectedRow(int line, String reason, String raw) {
	}

	@PostMapping(path = "/api/incidents/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportReport> upload(@RequestParam("file") MultipartFile file,
			@RequestParam(name = "wait", required = false) Integer wait) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return this.answers.answer(
					this.imports
						.upload((file.getOriginalFilename() != null) ? file.getOriginalFilename() : "upload.csv", in),
					wait);
		}
	}

	@PostMapping(path = "/api/incidents/import", consumes = "text/csv")
	ResponseEntity<ImportReport> uploadBody(HttpServletRequest request,
			@RequestParam(name = "name", defaultValue = "upload.csv") String name,
			@RequestParam(name = "wait", required = false) Integer wait) throws IOException {
		try (InputStream in = request.getInputStream()) {
			return this.answers.answer(this.imports.upload(name, in), wait);
		}
	}

	/**
	 * A JSON file as the body: streamed to the spool like any upload, never parsed whole.
	 */
	@PostMapping(path = "/api/incidents/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ImportReport> uploadJsonBody(HttpServletRequest request,
			@RequestParam(name = "name", defaultValue = "upload.json") String name,
			@RequestParam(name = "wait", required = false) Integer wait) throws IOException {
		return uploadBody(request, name, wait);
	}

	@GetMapping("/api/imports")
	List<ImportReport> recent() {
		return this.imports.recent().stream().map(this.imports::summary).toList();
	}

	@GetMapping("/api/imports/{id}")
	ImportReport report(@PathVariable long id) {
		return this.imports.report(job(id));
	}

	@GetMapping("/api/imports/{id}/rejected")
	List<RejectedRow> rejected(@PathVariable long id,
			@RequestParam(defaultValue = "1000") @Min(1) @Max(100_000) int limit) {
		job(id);
		return this.jobs.rejected(id, limit)
			.stream()
			.map((row) -> new RejectedRow(row.line(), row.reason(), row.raw()))
			.toList();
	}

	/**
	 * The refused records as they were, in the file's own format (a CSV file's rows under
	 * its header, a JSON file's elements in an array): fix them and import this file
	 * again.
	 */
	@GetMapping({ "/api/imports/{id}/rejected.csv", "/api/imports/{id}/rejected.json" })
	void rejectedFile(@PathVariable long id, HttpServletResponse response) throws IOException {
		ImportJob job = job(id);
		boolean json = ImportQueue.json(job);
		response.setContentType(json ? "application/json;charset=UTF-8" : "text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"rejected-" + id + (json ? ".json" : ".csv") + "\"");
		this.imports.writeRejected(job, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
	}

	private ImportJob job(long id) {
		return this.jobs.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no import " + id));
	}

}
