package org.harbinger.incident;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores incidents (the database first: it is the source of truth), then tells the
 * engine. A row identical to the stored one is left alone and not re-evaluated; a changed
 * one is an amendment, which the engine evaluates in place of the old version.
 */
@Service
public class IncidentService {

	private final IncidentWriter writer;

	private final UnknownActors unknownActors;

	private final ApplicationEventPublisher events;

	private final IncidentChangeLog changeLog;

	/**
	 * Whether the last batch written was mostly rows already stored: a hint, so racing
	 * writers do no harm.
	 */
	private volatile boolean lastBatchMostlyStored;

	IncidentService(IncidentWriter writer, UnknownActors unknownActors, ApplicationEventPublisher events,
			IncidentChangeLog changeLog) {
		this.writer = writer;
		this.changeLog = changeLog;
		this.unknownActors = unknownActors;
		this.events = events;
	}

	/**
	 * How a batch from the API landed: new incidents and re-sent ones (changed or not).
	 */
	public record Recorded(int created, int amended, int unchanged) {

		/** Amended or re-sent unchanged: what the API reports as updated. */
		public int updated() {
			return this.amended + this.unchanged;
		}

	}

	/**
	 * An incident, ready to store, and the line of the file it came from (null from the
	 * API).
	 */
	public record Numbered(Integer line, IncidentRow row) {

		public Numbered(Integer line, Incident incident) {
			this(line, IncidentRow.of(incident));
		}

		public Incident incident() {
			return this.row.incident();
		}

	}

	/** A row refused because its identity already appeared earlier in the same import. */
	public record Duplicate(Numbered row, int firstLine) {
	}

	/**
	 * How a batch landed; {@code evaluated} completes when the engine has evaluated it.
	 */
	public record Outcome(int created, int amended, int unchanged, int deleted, List<Duplicate> duplicates,
			CompletableFuture<Void> evaluated) {
	}

	/**
	 * Stores the batch in one transaction, all or nothing. Within a batch the last record
	 * for an identity wins, as a re-send would.
	 */
	@Transactional
	public Recorded record(List<Incident> incidents) {
		Map<IncidentKey, Numbered> latest = new LinkedHashMap<>();
		incidents.forEach((incident) -> latest.put(incident.key(), new Numbered(null, incident)));
		Outcome outcome = write(new ArrayList<>(latest.values()), List.of(), null);
		return new Recorded(outcome.created(), outcome.amended(), outcome.unchanged());
	}

	/**
	 * Removes an incident; the engine retracts it, and alerts that depended on it are
	 * re-evaluated.
	 */
	@Transactional
	public boolean delete(IncidentKey key) {
		return write(List.of(), List.of(key), null).deleted() > 0;
	}

	/**
	 * Writes incidents and deletions in the caller's transaction. For an import, a row
	 * whose identity an earlier line of the same import wrote is refused, not stored.
	 * <p>
	 * Rows are inserted first and only those the database refuses as already stored are
	 * looked up: a fresh import then asks nothing per row (on PostgreSQL a refusal costs
	 * the batch's COPY, undone, and a look-up of the batch). After a batch that was
	 * mostly stored rows (a file imported again) the next one looks up first, so a
	 * repeated file does not pay a refused insert per row.
	 */
	@Transactional
	public Outcome write(List<Numbered> rows, List<IncidentKey> deletions, Long importId) {
		boolean insertFirst = !this.lastBatchMostlyStored;
		Map<IncidentKey, IncidentWriter.Stored> stored = insertFirst ? Map.of()
				: this.writer.stored(rows.stream().map((row) -> row.incident().key()).toList());
		Map<IncidentKey, Integer> firstLines = new HashMap<>();
		Sorted sorted = new Sorted(importId);
		List<IncidentWriter.Write> inserts = new ArrayList<>();
		List<IncidentWriter.Write> inOrder = new ArrayList<>(rows.size());
		for (Numbered row : rows) {
			IncidentKey key = row.incident().key();
			if (importId != null) {
				Integer first = firstLines.putIfAbsent(key, row.line());
				if (first != null) {
					sorted.duplicates.add(new Duplicate(row, first));
					continue;
				}
			}
			IncidentWriter.Write write = new IncidentWriter.Write(row.row(), importId, row.line());
			inOrder.add(write);
			IncidentWriter.Stored before = stored.get(key);
			if (before == null) {
				inserts.add(write);
			}
			else {
				sorted.add(row, write, before);
			}
		}
		if (insertFirst) {
			List<IncidentWriter.Refused> refused = this.writer.insertNew(inserts);
			if (!refused.isEmpty()) {
				Set<IncidentWriter.Write> notInserted = Collections.newSetFromMap(new IdentityHashMap<>());
				for (IncidentWriter.Refused one : refused) {
					IncidentWriter.Write write = one.write();
					sorted.add(new Numbered(write.line(), write.row()), write, one.stored());
					notInserted.add(write);
				}
				inserts.removeIf(notInserted::contains);
			}
			this.lastBatchMostlyStored = refused.size() * 2 > inserts.size() + refused.size();
		}
		else {
			this.writer.insert(inserts);
			this.lastBatchMostlyStored = stored.size() * 2 > rows.size();
		}
		this.writer.update(sorted.updates);
		if (importId != null) {
			this.writer.markImported(sorted.unchanged);
		}
		List<Incident> changed = changedInOrder(inOrder, inserts, sorted.updates);
		List<IncidentKey> deleted = deletions.isEmpty() ? List.of() : this.writer.delete(deletions);
		this.unknownActors.count(inserts.stream().map(IncidentWriter.Write::incident).toList());
		List<IncidentKey> amended = sorted.updates.stream().map((update) -> update.write().incident().key()).toList();
		this.changeLog.write(inserts.stream().map((write) -> write.incident().key()).toList(), amended, deleted);
		IncidentsRecorded recorded = new IncidentsRecorded(changed, amended, deleted);
		if (changed.isEmpty() && deleted.isEmpty()) {
			recorded.evaluated().complete(null);
		}
		else {
			this.events.publishEvent(recorded);
		}
		return new Outcome(inserts.size(), sorted.updates.size(), sorted.unchanged.size(), deleted.size(),
				sorted.duplicates, recorded.evaluated());
	}

	/**
	 * The rows inserted or updated, in the order they came, which is the order the engine
	 * hears them in.
	 */
	private static List<Incident> changedInOrder(List<IncidentWriter.Write> inOrder, List<IncidentWriter.Write> inserts,
			List<IncidentWriter.Update> updates) {
		// The usual batch of a new file: every row was inserted.
		if (inserts.size() == inOrder.size()) {
			return inOrder.stream().map(IncidentWriter.Write::incident).toList();
		}
		Set<IncidentWriter.Write> written = Collections.newSetFromMap(new IdentityHashMap<>());
		written.addAll(inserts);
		updates.forEach((update) -> written.add(update.write()));
		return inOrder.stream().filter(written::contains).map(IncidentWriter.Write::incident).toList();
	}

	/**
	 * Rows whose identity is already stored, sorted into amendments, re-sends and repeats
	 * within one import.
	 */
	private static final class Sorted {

		private final Long importId;

		private final List<IncidentWriter.Update> updates = new ArrayList<>();

		private final List<IncidentWriter.Write> unchanged = new ArrayList<>();

		private final List<Duplicate> duplicates = new ArrayList<>();

		Sorted(Long importId) {
			this.importId = importId;
		}

		void add(Numbered row, IncidentWriter.Write write, IncidentWriter.Stored before) {
			if (this.importId != null && this.importId.equals(before.importId()) && !row.line().equals(before.line())) {
				this.duplicates.add(new Duplicate(row, before.line()));
			}
			else if (before.hash() != write.hash()) {
				this.updates.add(new IncidentWriter.Update(write, before.id()));
			}
			else {
				this.unchanged.add(write);
			}
		}

	}

}
