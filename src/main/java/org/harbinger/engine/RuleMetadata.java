package org.harbinger.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

import org.springframework.modulith.NamedInterface;

/**
 * The Sigma-style header every rule file opens with: a block comment holding YAML with
 * the indicator's id, title, description, status and the thresholds it reads (name and
 * type). The thresholds it declares are the only keys config/thresholds.yml may set.
 * {@code levels} lists the severities it can raise (more than one means it escalates);
 * {@code history: true} marks an indicator that must wait until the data covers its
 * baseline. {@code role} says which part a group plays in what it counts
 * ({@link ActorRole}); {@code group} names that group as config/actors.yml spells it
 * canonically (ISKP when absent: the indicators the service began with are all about
 * ISKP), and its scenarios must show the group's other role staying silent
 * ({@link #controlKind()}). {@code global-thresholds} names thresholds judged over all
 * scopes at once, not per scope.
 */
@NamedInterface("api")
public record RuleMetadata(String id, String title, String description, String status, List<Severity> levels,
		boolean history, ActorRole role, String group, Map<String, ThresholdType> thresholds,
		Set<String> globalThresholds) {

	private static final Pattern GROUP = Pattern.compile("[A-Z][A-Z_]*");

	/**
	 * The scenario kind of the negative control for actor roles (docs/indicators.md,
	 * "Actor roles"): the group as the target ({@code ttp-target}) for an indicator that
	 * counts what it did or anything but operations against it, as the perpetrator for
	 * one that counts operations against it ({@code iskp-perpetrator}).
	 */
	public String controlKind() {
		return this.group.toLowerCase(Locale.ROOT).replace('_', '-')
				+ ((this.role == ActorRole.TARGET) ? "-perpetrator" : "-target");
	}

	private static final Pattern HEADER = Pattern.compile("\\A\\s*/\\*(.*?)\\*/", Pattern.DOTALL);

	private static final List<String> STATUSES = List.of("experimental", "test", "stable", "deprecated");

	/** Reads the header of one rule file, or throws an error placed in that file. */
	static RuleMetadata parse(String file, String drl) {
		Matcher header = HEADER.matcher(drl);
		if (!header.find()) {
			throw new RuleCompileException(List.of(new RuleError(file, 1, 1,
					"a rule file must open with a /* ... */ metadata block (id, title, status, thresholds)")));
		}
		String yaml = header.group(1)
			.lines()
			.map((line) -> line.replaceFirst("^\\s*\\* ?", ""))
			.reduce("", (a, b) -> a + b + "\n");
		Map<?, ?> fields;
		try {
			Object loaded = new Yaml(new LoaderOptions()).load(yaml);
			fields = (loaded instanceof Map<?, ?> map) ? map : Map.of();
		}
		catch (YAMLException ex) {
			throw new RuleCompileException(List.of(new RuleError(file, 1, 1, "metadata block: " + ex.getMessage())));
		}
		String id = text(file, fields, "id");
		String status = text(file, fields, "status");
		if (!STATUSES.contains(status)) {
			throw error(file, "metadata status '" + status + "' is not one of " + STATUSES);
		}
		Map<String, ThresholdType> thresholds = new LinkedHashMap<>();
		if (fields.get("thresholds") instanceof Map<?, ?> declared) {
			declared.forEach((name, type) -> {
				try {
					thresholds.put(id + "." + name,
							ThresholdType.valueOf(String.valueOf(type).toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException ex) {
					throw error(file, "threshold " + name + " has unknown type '" + type + "'; expected one of "
							+ List.of(ThresholdType.values()).toString().toLowerCase(Locale.ROOT));
				}
			});
		}
		else if (fields.containsKey("thresholds")) {
			throw error(file, "metadata thresholds must map each name to its type");
		}
		List<Severity> levels = new ArrayList<>();
		Object declaredLevels = fields.get("levels");
		for (Object level : (declaredLevels instanceof List<?> list) ? list : List.of("WARNING")) {
			try {
				levels.add(Severity.valueOf(String.valueOf(level).toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw error(file, "metadata levels: '" + level + "' is not INFO, WARNING or CRITICAL");
			}
		}
		String role = text(file, fields, "role");
		ActorRole actorRole;
		try {
			actorRole = ActorRole.valueOf(role.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw error(file, "metadata role '" + role + "' is not one of perpetrator, target, any");
		}
		String group = Objects.toString(fields.get("group"), "ISKP").trim();
		if (!GROUP.matcher(group).matches()) {
			throw error(file, "metadata group '" + group
					+ "' is not a canonical group of config/actors.yml (such as ISKP or TTP)");
		}
		return new RuleMetadata(id, text(file, fields, "title"), Objects.toString(fields.get("description"), "").trim(),
				status, List.copyOf(levels), Boolean.TRUE.equals(fields.get("history")), actorRole, group, thresholds,
				globalThresholds(file, fields, id, thresholds));
	}

	/**
	 * {@code global-thresholds}: thresholds judged over every scope at once (an
	 * indicator's {@code global} alert), which a chart of one scope's alert leaves out.
	 */
	private static Set<String> globalThresholds(String file, Map<?, ?> fields, String id,
			Map<String, ThresholdType> thresholds) {
		Object declared = fields.get("global-thresholds");
		if (declared == null) {
			return Set.of();
		}
		if (!(declared instanceof List<?> names)) {
			throw error(file, "metadata global-thresholds must list threshold names");
		}
		Set<String> global = new LinkedHashSet<>();
		for (Object name : names) {
			if (!thresholds.containsKey(id + "." + name)) {
				throw error(file, "metadata global-thresholds: '" + name + "' is not one of the thresholds declared");
			}
			global.add(String.valueOf(name));
		}
		return Set.copyOf(global);
	}

	private static String text(String file, Map<?, ?> fields, String key) {
		Object value = fields.get(key);
		if (value == null || String.valueOf(value).isBlank()) {
			throw error(file, "metadata block lacks '" + key + "'");
		}
		return String.valueOf(value).trim();
	}

	private static RuleCompileException error(String file, String message) {
		return new RuleCompileException(List.of(new RuleError(file, 1, 1, message)));
	}

}
