package org.harbinger.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads what a pull asks for into its spool file, a page at a time: the events
 * ({@code /api/acled/read}, by event date BETWEEN for a load, by {@code timestamp} since
 * the cursor for changes), then the deletions ({@code /api/deleted/read}), each paged by
 * {@code limit} and {@code page} until a short page. Each row is one line of JSON as
 * ACLED sent it. After each page the file is forced to disk and the checkpoint told where
 * the next page begins, so a stop loses at most the page in hand.
 */
final class AcledDownload {

	static final String EVENTS = "/api/acled/read";

	static final String DELETED = "/api/deleted/read";

	private final AcledClient client;

	private final JsonMapper json;

	private final int pageSize;

	/**
	 * The events written by this run, so a row that moved to a later page while paging is
	 * written once.
	 */
	private final Set<String> written = new HashSet<>();

	AcledDownload(AcledClient client, JsonMapper json, int pageSize) {
		this.client = client;
		this.json = json;
		this.pageSize = pageSize;
	}

	/** Hears, after each page is on disk, where the download stands. */
	interface Checkpoint {

		Checkpoint NONE = (phase, nextPage, bytes, rows, maxTimestamp, maxDeleted) -> {
		};

		void page(AcledPulls.Phase phase, int nextPage, long spoolBytes, long rows, Long maxTimestamp, Long maxDeleted);

	}

	/**
	 * Goes on from where {@code pull} stands (page 1 of the events for a new one);
	 * returns the rows read.
	 */
	long run(AcledPulls.Pull pull, Path spool, Checkpoint checkpoint) throws IOException, InterruptedException {
		try (FileChannel out = FileChannel.open(spool, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
			// What a stop left after the last checkpoint is a page that was not finished:
			// dropped, and asked again.
			out.truncate(pull.spoolBytes());
			out.position(pull.spoolBytes());
			long rows = pull.rowsRead();
			Long maxTimestamp = pull.maxTimestamp();
			Long maxDeleted = pull.maxDeleted();
			AcledPulls.Phase phase = pull.phase();
			int page = pull.nextPage();
			while (true) {
				Map<String, String> query = (phase == AcledPulls.Phase.EVENTS) ? events(pull) : deletions(pull);
				query.put("limit", String.valueOf(this.pageSize));
				query.put("page", String.valueOf(page));
				List<JsonNode> data = this.client.read((phase == AcledPulls.Phase.EVENTS) ? EVENTS : DELETED, query);
				StringBuilder lines = new StringBuilder();
				for (JsonNode row : data) {
					if (phase == AcledPulls.Phase.EVENTS) {
						if (!this.written.add(row.path("event_id_cnty").asString(""))) {
							continue;
						}
						maxTimestamp = max(maxTimestamp, row.path("timestamp").asString(""));
					}
					else {
						maxDeleted = max(maxDeleted, row.path("deleted_timestamp").asString(""));
					}
					lines.append(this.json.writeValueAsString(row)).append('\n');
					rows++;
				}
				ByteBuffer bytes = StandardCharsets.UTF_8.encode(lines.toString());
				while (bytes.hasRemaining()) {
					out.write(bytes);
				}
				out.force(false);
				boolean last = data.size() < this.pageSize;
				if (last && phase == AcledPulls.Phase.DELETIONS) {
					checkpoint.page(phase, page + 1, out.position(), rows, maxTimestamp, maxDeleted);
					return rows;
				}
				phase = last ? AcledPulls.Phase.DELETIONS : phase;
				page = last ? 1 : page + 1;
				checkpoint.page(phase, page, out.position(), rows, maxTimestamp, maxDeleted);
			}
		}
	}

	/**
	 * The events asked for: by event date for a load, by change time since the cursor
	 * otherwise; in the countries set.
	 */
	private static Map<String, String> events(AcledPulls.Pull pull) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("_format", "json");
		if (!pull.countries().isEmpty()) {
			query.put("country", String.join("|", pull.countries()));
		}
		if (pull.fromTimestamp() != null) {
			query.put("timestamp", String.valueOf(pull.fromTimestamp()));
			query.put("timestamp_where", ">=");
		}
		else {
			query.put("event_date", pull.since() + "|" + pull.until());
			query.put("event_date_where", "BETWEEN");
		}
		return query;
	}

	private static Map<String, String> deletions(AcledPulls.Pull pull) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("_format", "json");
		query.put("deleted_timestamp", String.valueOf(pull.fromDeleted()));
		return query;
	}

	/**
	 * The larger of a time so far and a row's (epoch seconds as text); a row's that is
	 * not a number is left to validation.
	 */
	private static Long max(Long sofar, String value) {
		try {
			long time = Long.parseLong(value.trim());
			return (sofar == null || time > sofar) ? Long.valueOf(time) : sofar;
		}
		catch (NumberFormatException ex) {
			return sofar;
		}
	}

}
