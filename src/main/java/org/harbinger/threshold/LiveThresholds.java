package org.harbinger.threshold;

import java.util.Map;

import org.harbinger.engine.RuleReloader;
import org.harbinger.engine.RulesStatus;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.engine.ThresholdType;
import org.harbinger.system.EditableFiles;

import org.springframework.stereotype.Component;

/**
 * The threshold values in force, for the administrators' tools: read them, check a
 * proposed thresholds file against the rules in force, and put validated values in force.
 * The watcher of config/thresholds.yml applies through the same path, so a change made
 * through the API and then seen in the file applies once.
 */
@Component
public class LiveThresholds {

	private final RuleReloader reloader;

	LiveThresholds(RuleReloader reloader) {
		this.reloader = reloader;
	}

	/** The values in force now. */
	public ThresholdSet current() {
		return this.reloader.thresholds();
	}

	/** Every key the rules in force declare, with its type: what a thresholds file must set. */
	public Map<String, ThresholdType> schema() {
		return this.reloader.rules().thresholdSchema();
	}

	/** A proposed file's values, checked against the rules in force; throws ConfigFileException with each problem. */
	public ThresholdSet validate(EditableFiles.Text file) {
		return ThresholdsFile.read(file, schema());
	}

	/** Puts validated values in force and publishes ThresholdsChanged; equal values are a no-op (false). */
	public boolean apply(ThresholdSet next) {
		return this.reloader.applyThresholds(next);
	}

	/** Whether the file on disk is in force, or its last edit was refused and why. */
	public RulesStatus.ThresholdsStatus status() {
		return this.reloader.status().thresholds();
	}

}
