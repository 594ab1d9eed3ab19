package org.harbinger.engine;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

import org.harbinger.incident.Incident;

import org.springframework.modulith.NamedInterface;

/** The stored incidents the engine seeds a session from. */
@NamedInterface("replay")
public interface IncidentHistory {

	Optional<LocalDate> firstEventDate();

	void forEachSince(LocalDate from, Consumer<Incident> action);

}
