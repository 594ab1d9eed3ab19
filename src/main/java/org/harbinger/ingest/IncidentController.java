package org.harbinger.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentKey;
import org.harbinger.incident.IncidentService;
import org.harbinger.system.Problems;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/incidents}: one incident as a JSON object, or a batch as an array. The
 * batch is all or nothing: any bad field refuses it with one message per field, and so
 * does an incident that comes twice in it. {@code DELETE /api/incidents/{source}/{id}}
 * removes one.
 */
@RestController
class IncidentController {

	private final IncidentFields fields;

	private final IncidentService incidents;

	private final IngestCounts counts;

	IncidentController(IncidentFields fields, IncidentService incidents, IngestCounts counts) {
		this.counts = counts;
		this.fields = fields;
		this.incidents = incidents;
	}

	/** One refused field of the record at {@code index} in the request. */
	record Problem(int index, String field, String message) {
	}

	@PostMapping("/api/incidents")
	ResponseEntity<?> post(@RequestBody JsonNode body) {
		List<JsonNode> records = new ArrayList<>();
		if (body.isArray()) {
			body.forEach(records::add);
		}
		else {
			records.add(body);
		}
		List<Incident> parsed = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Map<IncidentKey, Integer> firstIndex = new HashMap<>();
		for (int i = 0; i < records.size(); i++) {
			JsonNode node = records.get(i);
			if (!node.isObject()) {
				problems.add(new Problem(i, "", "expected a JSON object"));
				continue;
			}
			IncidentFields.Parsed result = this.fields.parse(raw(node));
			int index = i;
			result.errors().forEach((error) -> problems.add(new Problem(index, error.field(), error.message())));
			if (result.ok()) {
				Integer first = firstIndex.putIfAbsent(result.incident().key(), i);
				if (first != null) {
					// As in a file: which of two versions in one request is meant cannot
					// be known.
					problems.add(new Problem(i, "event_id_cnty", "'" + result.incident().eventId() + "' of feed '"
							+ result.incident().source() + "' is already record " + first + " of this batch"));
				}
				parsed.add(result.incident());
			}
		}
		if (!problems.isEmpty()) {
			this.counts.refused(IngestCounts.API, problems.stream().map(Problem::index).distinct().count());
			return Problems.answer(Problems.errors(HttpStatus.BAD_REQUEST, problems.stream()
				.map((problem) -> "record " + problem.index() + ": " + problem.field() + ": " + problem.message())
				.collect(Collectors.joining("; ")), problems));
		}
		IncidentService.Recorded recorded = this.incidents.record(parsed);
		this.counts.stored(IngestCounts.API, recorded.created(), recorded.amended(), recorded.unchanged(), 0);
		return ResponseEntity.status(HttpStatus.OK)
			.body(Map.of("accepted", parsed.size(), "created", recorded.created(), "updated", recorded.updated()));
	}

	/**
	 * Removes an incident as an upstream deletion would: alerts that rested on it are
	 * re-evaluated.
	 */
	@DeleteMapping("/api/incidents/{source}/{id}")
	ResponseEntity<Void> delete(@PathVariable String source, @PathVariable String id) {
		if (!this.incidents.delete(new IncidentKey(source, id))) {
			throw Problems.notFound("no incident " + source + "/" + id);
		}
		this.counts.stored(IngestCounts.API, 0, 0, 0, 1);
		return ResponseEntity.noContent().build();
	}

	/**
	 * JSON fields as text; {@code id} is accepted for {@code event_id_cnty}, a tag array
	 * is joined.
	 */
	private static Map<String, String> raw(JsonNode node) {
		Map<String, String> raw = new LinkedHashMap<>();
		node.properties().forEach((entry) -> {
			String name = entry.getKey().equals("id") ? "event_id_cnty" : entry.getKey();
			JsonNode value = entry.getValue();
			if (value.isNull()) {
				return;
			}
			if (value.isArray()) {
				List<String> items = new ArrayList<>();
				value.forEach((item) -> items.add(item.asString()));
				raw.put(name, String.join(";", items));
			}
			else {
				raw.put(name, value.asString());
			}
		});
		return raw;
	}

}
