package org.harbinger.ingest;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentKey;
import org.harbinger.system.EditableFiles;

/**
 * The ingest pieces for commands that run without the service (backtest, rules test): the
 * same validation and normalisation as the service, configured from a config folder, and
 * a CSV read that hands on good rows and reports the others by line.
 */
public final class OfflineIngest {

	private static final int MAX_RECORD_CHARS = 1_000_000;

	private OfflineIngest() {
	}

	/**
	 * What reading a file gave: the rows handed on, and each refused row with its line.
	 */
	public record Read(long accepted, long rejected, List<ImportReport.LineError> errors) {
	}

	/**
	 * Validation and normalisation with the aliases in {@code configDir/actors.yml},
	 * grades from {@code configDir/sources.yml} and B2 for a report that names no outlet.
	 */
	public static IncidentFields fields(Path configDir) {
		return new IncidentFields(ActorAliases.load(EditableFiles.read(configDir, "config", "actors.yml")),
				new Grading(SourceGrades.load(EditableFiles.read(configDir, "config", "sources.yml")), "B", 2));
	}

	/**
	 * Reads an ACLED or native CSV. A deletions file cannot be replayed, so its rows are
	 * refused; a second row with an identity already read is refused as a duplicate, as
	 * an import would.
	 */
	public static Read read(Reader in, IncidentFields fields, Consumer<Incident> incidents) {
		List<ImportReport.LineError> errors = new ArrayList<>();
		CsvRecordReader csv;
		try {
			csv = CsvRecordReader.open(in, fields, MAX_RECORD_CHARS);
		}
		catch (RecordReader.HeaderException ex) {
			return new Read(0, 1, List.of(new ImportReport.LineError(1, ex.getMessage())));
		}
		Set<IncidentKey> seen = new HashSet<>();
		long accepted = 0;
		for (RecordReader.Item item = csv.next(); item != null; item = csv.next()) {
			if (item instanceof RecordReader.Good good && seen.add(good.incident().key())) {
				incidents.accept(good.incident());
				accepted++;
			}
			else if (item instanceof RecordReader.Good duplicate) {
				errors.add(new ImportReport.LineError(duplicate.line(),
						"duplicate of an earlier row with the same source and event_id_cnty"));
			}
			else if (item instanceof RecordReader.Refused refused) {
				errors.add(new ImportReport.LineError(refused.line(), refused.reason()));
			}
			else {
				errors.add(new ImportReport.LineError(item.line(), "a deletion cannot be replayed"));
			}
		}
		return new Read(accepted, errors.size(), errors);
	}

}
