package org.harbinger.threshold;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.harbinger.engine.RuleChanges;
import org.harbinger.engine.RulesInForce;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.engine.ThresholdType;
import org.harbinger.system.ConfigAudit;
import org.harbinger.system.ConfigChangeRefused;
import org.harbinger.system.ConfigChangeRefused.Problem;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.HarbingerProperties;
import org.harbinger.system.SharedConfig;
import org.harbinger.system.SharedFile;
import org.harbinger.system.YamlEdit;
import org.harbinger.system.YamlValues;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Threshold changes on a live system: the values are spliced into config/thresholds.yml
 * (comments and order kept), the whole resulting file is checked as at start-up, then
 * written atomically with its audit record in one transaction and put in force through
 * {@link RuleChanges}, as the file's watcher does. A refused change writes, applies and
 * audits nothing.
 */
@Service
class ThresholdChanges implements SharedFile {

	static final String FILE = "thresholds.yml";

	static final String AUDIT_FILE = "thresholds";

	private final Path dir;

	private final RulesInForce inForce;

	private final RuleChanges rules;

	private final ConfigAudit audit;

	private final TransactionTemplate transactions;

	private final SharedConfig shared;

	ThresholdChanges(HarbingerProperties properties, RulesInForce inForce, RuleChanges rules, ConfigAudit audit,
			TransactionTemplate transactions, SharedConfig shared) {
		this.dir = properties.configDir();
		this.inForce = inForce;
		this.rules = rules;
		this.audit = audit;
		this.transactions = transactions;
		this.shared = shared;
	}

	/** The file with proposed values, and the values it would put in force. */
	record Proposal(EditableFiles.Text before, String text, ThresholdSet next) {
	}

	/**
	 * What a change did: the audit record's id (null when no value changed) and each
	 * value old to new.
	 */
	record Applied(Long auditId, List<ConfigAudit.Change> changes) {
	}

	ThresholdSet inForce() {
		return this.inForce.now().thresholds();
	}

	Map<String, ThresholdType> schema() {
		return this.inForce.now().thresholdSchema();
	}

	/**
	 * A proposed file's values, checked against the rules in force; throws
	 * ConfigFileException with each problem.
	 */
	private ThresholdSet validate(EditableFiles.Text file) {
		return ThresholdsFile.read(file, schema());
	}

	EditableFiles.Text file() {
		return EditableFiles.read(this.dir, "config", FILE);
	}

	/**
	 * The file with these values ({@code indicator.name} to value) changed, checked
	 * whole.
	 */
	Proposal propose(Map<String, ?> values) {
		if (values == null || values.isEmpty()) {
			throw ConfigChangeRefused.of("values", "name at least one threshold to change");
		}
		EditableFiles.Text before = file();
		YamlEdit edit = new YamlEdit(before.content());
		List<Problem> problems = new ArrayList<>();
		values.forEach((key, value) -> {
			int dot = key.indexOf('.');
			if (dot <= 0 || dot == key.length() - 1) {
				problems.add(new Problem(key, "expected indicator.name, such as cross-border-fire.window-days", null));
			}
			else if (value == null) {
				problems.add(new Problem(key, "a value is required", null));
			}
			else {
				try {
					edit.set(List.of(key.substring(0, dot), key.substring(dot + 1)), value);
				}
				catch (IllegalArgumentException ex) {
					problems.add(new Problem(key, ex.getMessage(), null));
				}
			}
		});
		try {
			ThresholdSet next = validate(new EditableFiles.Text(before.location(), edit.text()));
			if (problems.isEmpty()) {
				return new Proposal(before, edit.text(), next);
			}
		}
		catch (ConfigFileException ex) {
			ex.problems().stream().map(Problem::of).forEach(problems::add);
		}
		throw new ConfigChangeRefused(problems, false);
	}

	/**
	 * Writes, applies and audits a change. {@code version}, when given, must still be the
	 * file's: else the change is refused as a conflict. Changing nothing writes nothing.
	 */
	synchronized Applied change(Map<String, ?> values, String reason, String who, String version) {
		List<Problem> problems = new ArrayList<>();
		if (reason == null || reason.isBlank()) {
			problems.add(new Problem("reason", "a reason is required", null));
		}
		Proposal proposal = null;
		try {
			proposal = propose(values);
		}
		catch (ConfigChangeRefused ex) {
			problems.addAll(ex.problems());
		}
		if (!problems.isEmpty()) {
			throw new ConfigChangeRefused(problems, false);
		}
		if (version != null && !version.isBlank()
				&& !version.equals(EditableFiles.version(proposal.before().content()))) {
			throw new ConfigChangeRefused(
					List.of(new Problem("version",
							"the file changed since you read it (now "
									+ EditableFiles.version(proposal.before().content()) + "); reload and retry",
							null)),
					true);
		}
		List<ConfigAudit.Change> changes = differences(inForce(), proposal.next());
		if (changes.isEmpty()) {
			return new Applied(null, changes);
		}
		Proposal accepted = proposal;
		Long id = this.transactions.execute((status) -> {
			// First: a conflict with another node's newer version writes nothing.
			this.shared.publish(AUDIT_FILE, accepted.text(), who);
			long audited = this.audit.record(AUDIT_FILE, who, reason, changes, accepted.before().content(),
					accepted.text());
			EditableFiles.write(this.dir, FILE, accepted.text());
			return audited;
		});
		// The file's watcher sees the same values afterwards and leaves them be.
		this.rules.applyThresholds(accepted.next());
		return new Applied(id, changes);
	}

	@Override
	public Location location() {
		return new Location(AUDIT_FILE, this.dir.resolve(FILE));
	}

	/**
	 * The file, when its values are those in force (a hand edit not yet applied, or
	 * refused, is not).
	 */
	@Override
	public synchronized String textInForce() {
		EditableFiles.Text file = file();
		try {
			return validate(file).values().equals(inForce().values()) ? file.content() : null;
		}
		catch (ConfigFileException ex) {
			return null;
		}
	}

	/**
	 * Another node's version: checked against the rules in force as a file edit is,
	 * written, then applied.
	 */
	@Override
	public synchronized void adopt(String text) {
		ThresholdSet next = validate(new EditableFiles.Text(file().location(), text));
		EditableFiles.write(this.dir, FILE, text);
		// The file's watcher then sees the values in force and leaves them be.
		this.rules.applyThresholds(next);
	}

	static List<ConfigAudit.Change> differences(ThresholdSet before, ThresholdSet after) {
		return after.values()
			.keySet()
			.stream()
			.sorted()
			.filter((key) -> !Objects.equals(before.values().get(key), after.values().get(key)))
			.map((key) -> new ConfigAudit.Change(key, text(before.values().get(key)), text(after.values().get(key))))
			.toList();
	}

	private static String text(Object value) {
		return (value != null) ? YamlValues.render(value) : null;
	}

}
