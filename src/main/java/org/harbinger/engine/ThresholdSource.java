package org.harbinger.engine;

import java.util.Map;

import org.harbinger.system.EditableFiles;

import org.springframework.modulith.NamedInterface;

/**
 * Where the thresholds in force come from: the file administrators edit, read as text (so
 * a watcher can tell a change) and checked against the schema of a rule base.
 */
@NamedInterface("api")
public interface ThresholdSource {

	/** The file as it is now (or the jar's default copy when there is none on disk). */
	EditableFiles.Text current();

	/**
	 * The values in {@code file}; throws {@link org.harbinger.system.ConfigFileException}
	 * naming each problem.
	 */
	ThresholdSet parse(EditableFiles.Text file, Map<String, ThresholdType> schema);

}
