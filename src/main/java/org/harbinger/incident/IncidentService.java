package org.harbinger.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores incidents (the database first: it is the source of truth), then tells the engine. */
@Service
public class IncidentService {

	private final IncidentRepository repository;

	private final ApplicationEventPublisher events;

	IncidentService(IncidentRepository repository, ApplicationEventPublisher events) {
		this.repository = repository;
		this.events = events;
	}

	/** How a batch landed: new incidents and replaced ones. */
	public record Recorded(int created, int updated) {
	}

	/**
	 * Stores the batch in one transaction. Within a batch the last record for an identity
	 * wins, as a re-send would.
	 */
	@Transactional
	public Recorded record(List<Incident> incidents) {
		Map<IncidentKey, Incident> latest = new LinkedHashMap<>();
		incidents.forEach((incident) -> latest.put(incident.key(), incident));
		int created = 0;
		for (Incident incident : latest.values()) {
			if (this.repository.upsert(incident)) {
				created++;
			}
		}
		this.events.publishEvent(new IncidentsRecorded(new ArrayList<>(latest.values()), List.of()));
		return new Recorded(created, latest.size() - created);
	}

}
