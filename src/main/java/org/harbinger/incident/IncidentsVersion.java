package org.harbinger.incident;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Where the stored incidents stand, for what is computed from them and kept until they
 * change (an alert's chart, a threshold preview's run in force, the search page's
 * choices): the incidents this node recorded, and the cluster's change log for those
 * other nodes recorded. Two equal versions mean no incident changed between them.
 */
@Component
public class IncidentsVersion {

	private final AtomicLong recorded = new AtomicLong();

	private final IncidentChangeLog changeLog;

	IncidentsVersion(IncidentChangeLog changeLog) {
		this.changeLog = changeLog;
	}

	/** Where the stored incidents stand now; read it before reading them. */
	public Stamp now() {
		return new Stamp(this.recorded.get(), this.changeLog.last());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(IncidentsRecorded changed) {
		this.recorded.incrementAndGet();
	}

	/** Changes recorded on this node, and the last place in the cluster's change log. */
	public record Stamp(long recorded, long logged) {
	}

}
