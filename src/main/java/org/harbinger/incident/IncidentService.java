package org.harbinger.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores incidents (the database first: it is the source of truth), then tells the engine.
 * A row identical to the stored one is left alone and not re-evaluated; a changed one is
 * an amendment, which the engine evaluates in place of the old version.
 */
@Service
public class IncidentService {

	private final IncidentRepository repository;

	private final UnknownActors unknownActors;

	private final ApplicationEventPublisher events;

	IncidentService(IncidentRepository repository, UnknownActors unknownActors, ApplicationEventPublisher events) {
		this.repository = repository;
		this.unknownActors = unknownActors;
		this.events = events;
	}

	/** How a batch from the API landed: new incidents and re-sent ones (changed or not). */
	public record Recorded(int created, int updated) {
	}

	/** An incident, ready to store, and the line of the file it came from (null from the API). */
	record Numbered(Integer line, IncidentRepository.Row row) {

		Numbered(Integer line, Incident incident) {
			this(line, IncidentRepository.Row.of(incident));
		}

		Incident incident() {
			return this.row.incident();
		}

	}

	/** A row refused because its identity already appeared earlier in the same import. */
	record Duplicate(Numbered row, int firstLine) {
	}

	/** How a batch landed; {@code evaluated} completes when the engine has evaluated it. */
	record Outcome(int created, int amended, int unchanged, int deleted, List<Duplicate> duplicates,
			CompletableFuture<Void> evaluated) {
	}

	/**
	 * Stores the batch in one transaction, all or nothing. Within a batch the last record for
	 * an identity wins, as a re-send would.
	 */
	@Transactional
	public Recorded record(List<Incident> incidents) {
		Map<IncidentKey, Numbered> latest = new LinkedHashMap<>();
		incidents.forEach((incident) -> latest.put(incident.key(), new Numbered(null, incident)));
		Outcome outcome = write(new ArrayList<>(latest.values()), List.of(), null);
		return new Recorded(outcome.created(), outcome.amended() + outcome.unchanged());
	}

	/** Removes an incident; the engine retracts it, and alerts that depended on it are re-evaluated. */
	@Transactional
	public boolean delete(IncidentKey key) {
		return write(List.of(), List.of(key), null).deleted() > 0;
	}

	/**
	 * Writes incidents and deletions in the caller's transaction. For an import, a row
	 * whose identity an earlier line of the same import wrote is refused, not stored.
	 */
	@Transactional
	Outcome write(List<Numbered> rows, List<IncidentKey> deletions, Long importId) {
		List<IncidentKey> keys = rows.stream().map((row) -> row.incident().key()).toList();
		Map<IncidentKey, IncidentRepository.Stored> stored = this.repository.stored(keys);
		Map<IncidentKey, Integer> firstLines = new HashMap<>();
		List<IncidentRepository.Write> inserts = new ArrayList<>();
		List<IncidentRepository.Write> updates = new ArrayList<>();
		List<Duplicate> duplicates = new ArrayList<>();
		List<Incident> changed = new ArrayList<>();
		List<IncidentRepository.Write> unchanged = new ArrayList<>();
		for (Numbered row : rows) {
			IncidentKey key = row.incident().key();
			IncidentRepository.Stored before = stored.get(key);
			if (importId != null) {
				Integer first = firstLines.putIfAbsent(key, row.line());
				if (first == null && before != null && importId.equals(before.importId())
						&& !row.line().equals(before.line())) {
					first = before.line();
				}
				if (first != null) {
					duplicates.add(new Duplicate(row, first));
					continue;
				}
			}
			long hash = row.row().hash();
			IncidentRepository.Write write = new IncidentRepository.Write(row.row(), importId, row.line());
			if (before == null) {
				inserts.add(write);
				changed.add(row.incident());
			}
			else if (before.hash() != hash) {
				updates.add(write);
				changed.add(row.incident());
			}
			else {
				unchanged.add(write);
			}
		}
		this.repository.insert(inserts);
		this.repository.update(updates);
		if (importId != null) {
			this.repository.markImported(unchanged);
		}
		List<IncidentKey> deleted = deletions.isEmpty() ? List.of() : this.repository.delete(deletions);
		this.unknownActors.count(inserts.stream().map(IncidentRepository.Write::incident).toList());
		IncidentsRecorded recorded = new IncidentsRecorded(changed, deleted);
		if (changed.isEmpty() && deleted.isEmpty()) {
			recorded.evaluated().complete(null);
		}
		else {
			this.events.publishEvent(recorded);
		}
		return new Outcome(inserts.size(), updates.size(), unchanged.size(), deleted.size(), duplicates, recorded.evaluated());
	}

}
