package org.harbinger.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.harbinger.incident.IncidentService;

/** The records an import read since its last commit ({@link ImportPipeline}). */
final class ImportBatch {

	final List<IncidentService.Numbered> rows = new ArrayList<>();

	final Map<Integer, Supplier<String>> raws = new HashMap<>();

	final List<RecordReader.Deletion> deletions = new ArrayList<>();

	final List<ImportJobs.Rejected> refused = new ArrayList<>();

	int lastLine;

	/**
	 * The line the job's progress moves to when this batch commits; null leaves it.
	 */
	Integer committedLine;

	/**
	 * Why the file cannot be read past this batch's last record; null when it can.
	 */
	String broken;

	/** Adds a record; on the reading thread, which also prepares the row to store. */
	void add(RecordReader.Item item) {
		this.lastLine = item.line();
		this.committedLine = item.line();
		if (item instanceof RecordReader.Good good) {
			this.rows.add(new IncidentService.Numbered(good.line(), good.incident()));
			this.raws.put(good.line(), good.raw());
		}
		else if (item instanceof RecordReader.Deletion deletion) {
			this.deletions.add(deletion);
			this.raws.put(deletion.line(), deletion.raw());
		}
		else if (item instanceof RecordReader.Refused refused) {
			this.refused.add(new ImportJobs.Rejected(refused.line(), refused.reason(), refused.raw()));
		}
		else if (item instanceof RecordReader.Broken broken) {
			this.refused.add(new ImportJobs.Rejected(broken.line(), broken.reason(), broken.raw()));
			this.broken = broken.reason();
		}
	}

	int size() {
		return this.rows.size() + this.deletions.size() + this.refused.size();
	}

	/**
	 * Each row and deletion as a batch of its own that leaves the job's committed line as
	 * it is.
	 */
	List<ImportBatch> singles() {
		List<ImportBatch> singles = new ArrayList<>();
		this.rows.forEach((row) -> {
			ImportBatch single = new ImportBatch();
			single.rows.add(row);
			single.raws.put(row.line(), this.raws.get(row.line()));
			single.lastLine = row.line();
			singles.add(single);
		});
		this.deletions.forEach((deletion) -> {
			ImportBatch single = new ImportBatch();
			single.deletions.add(deletion);
			single.raws.put(deletion.line(), deletion.raw());
			single.lastLine = deletion.line();
			singles.add(single);
		});
		return singles;
	}

}
