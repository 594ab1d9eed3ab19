package org.harbinger.incident;

import java.util.List;

/** What an import did: how many rows landed, and each refused row with its line and reason. */
public record ImportReport(int accepted, int rejected, List<LineError> errors) {

	/** One refused row. */
	public record LineError(int line, String reason) {
	}

}
