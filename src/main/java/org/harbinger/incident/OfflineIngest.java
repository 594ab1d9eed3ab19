package org.harbinger.incident;

import java.nio.file.Path;

import org.harbinger.system.EditableFiles;

/**
 * The ingest pieces for commands that run without the service (backtest, rules test):
 * the same validation and normalisation as the service, configured from a config folder.
 */
public final class OfflineIngest {

	private OfflineIngest() {
	}

	/** Validation and normalisation with the aliases in {@code configDir/actors.yml} and the default B2 grading. */
	public static IncidentFields fields(Path configDir) {
		return new IncidentFields(IncidentConfiguration.load(EditableFiles.read(configDir, "config", "actors.yml")), "B",
				2);
	}

	public static CsvImport csv(IncidentFields fields) {
		return new CsvImport(fields);
	}

}
