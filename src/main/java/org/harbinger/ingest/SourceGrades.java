package org.harbinger.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.YamlFiles;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * {@code config/sources.yml}: each reporting outlet's Admiralty reliability and kind, and
 * how many independent outlets corroborate. {@link Grading} turns them into an incident's
 * grade. Every problem in the file is reported at once with its line and key.
 */
public final class SourceGrades {

	/** Who speaks through an outlet, which decides whether its report corroborates. */
	public enum Kind {

		/** The press, wires, monitors: each one is a separate witness. */
		INDEPENDENT,
		/**
		 * A government or its forces: their report of an event is official confirmation.
		 */
		OFFICIAL,
		/**
		 * Run by an armed group: its report is the group's claim, never corroboration.
		 */
		GROUP

	}

	/** One outlet as the file declares it. */
	public record Outlet(String name, String reliability, Kind kind) {
	}

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Set<String> TOP_KEYS = Set.of("unknown-reliability", "corroboration", "outlets");

	private static final Set<String> OUTLET_KEYS = Set.of("reliability", "kind", "aliases");

	private final Map<String, Outlet> byName;

	private final String unknownReliability;

	private final int confirmed;

	private final int probable;

	SourceGrades(Map<String, Outlet> byName, String unknownReliability, int confirmed, int probable) {
		this.byName = Map.copyOf(byName);
		this.unknownReliability = unknownReliability;
		this.confirmed = confirmed;
		this.probable = probable;
	}

	/**
	 * The outlet a name in a feed means (ignoring case and spacing), or an unknown
	 * independent one.
	 */
	public Outlet outlet(String name) {
		Outlet known = this.byName.get(normalise(name));
		return (known != null) ? known : new Outlet(name.strip(), this.unknownReliability, Kind.INDEPENDENT);
	}

	public boolean known(String name) {
		return this.byName.containsKey(normalise(name));
	}

	int confirmed() {
		return this.confirmed;
	}

	int probable() {
		return this.probable;
	}

	/**
	 * The name as the file's outlets are keyed: stripped, each run of white space one
	 * space, lower case. Called for every outlet of every imported row, so the pattern
	 * runs only on a name it would change (it took an eighth of the reading thread).
	 */
	static String normalise(String name) {
		String stripped = name.strip();
		return (spaced(stripped) ? SPACES.matcher(stripped).replaceAll(" ") : stripped).toLowerCase(Locale.ROOT);
	}

	/** Whether the text holds white space other than single spaces. */
	private static boolean spaced(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ') || (c >= '\t' && c <= '\r')) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Reads the file, or refuses it with every problem as {@code line N: key: problem}.
	 */
	public static SourceGrades load(EditableFiles.Text file) {
		Node root = YamlFiles.parse(file);
		List<String> problems = new ArrayList<>();
		List<NodeTuple> top = YamlFiles.entries(root);
		if (top == null) {
			throw new ConfigFileException(file.location(), List.of("line " + YamlFiles.line(root)
					+ ": expected a map with unknown-reliability, corroboration and outlets"));
		}
		String unknown = "F";
		int confirmed = 3;
		int probable = 2;
		Map<String, Outlet> outlets = new LinkedHashMap<>();
		for (NodeTuple entry : top) {
			String key = YamlFiles.scalar(entry.getKeyNode());
			Node value = entry.getValueNode();
			if ("unknown-reliability".equals(key)) {
				unknown = reliability(value, key, problems);
			}
			else if ("corroboration".equals(key)) {
				Map<String, Integer> counts = counts(value, problems);
				confirmed = counts.getOrDefault("confirmed", confirmed);
				probable = counts.getOrDefault("probable", probable);
				if (probable > confirmed) {
					problems.add(at(value, "corroboration",
							"probable (" + probable + ") must not be more than confirmed (" + confirmed + ")"));
				}
			}
			else if ("outlets".equals(key)) {
				outlets(value, outlets, problems);
			}
			else {
				problems.add(at(entry.getKeyNode(), key,
						"unknown key; expected one of " + TOP_KEYS.stream().sorted().toList()));
			}
		}
		if (!problems.isEmpty()) {
			throw new ConfigFileException(file.location(), problems);
		}
		return new SourceGrades(outlets, unknown, confirmed, probable);
	}

	private static Map<String, Integer> counts(Node node, List<String> problems) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		List<NodeTuple> entries = YamlFiles.entries(node);
		if (entries == null) {
			problems.add(at(node, "corroboration", "expected a map with confirmed and probable"));
			return counts;
		}
		for (NodeTuple entry : entries) {
			String name = YamlFiles.scalar(entry.getKeyNode());
			String key = "corroboration." + name;
			if (!"confirmed".equals(name) && !"probable".equals(name)) {
				problems.add(at(entry.getKeyNode(), key, "unknown key; expected confirmed or probable"));
				continue;
			}
			String text = YamlFiles.scalar(entry.getValueNode());
			try {
				int count = Integer.parseInt(String.valueOf(text).strip());
				if (count < 1 || count > 100) {
					problems.add(at(entry.getValueNode(), key, count + " is not between 1 and 100 outlets"));
				}
				counts.put(name, count);
			}
			catch (NumberFormatException ex) {
				problems.add(at(entry.getValueNode(), key, "'" + text + "' is not a whole number of outlets"));
			}
		}
		return counts;
	}

	private static void outlets(Node node, Map<String, Outlet> outlets, List<String> problems) {
		List<NodeTuple> entries = YamlFiles.entries(node);
		if (entries == null) {
			problems.add(at(node, "outlets", "expected a map of outlet name to {reliability, kind, aliases}"));
			return;
		}
		for (NodeTuple entry : entries) {
			String name = YamlFiles.scalar(entry.getKeyNode());
			String key = "outlets." + name;
			List<NodeTuple> fields = YamlFiles.entries(entry.getValueNode());
			if (name == null || name.isBlank() || fields == null) {
				problems.add(at(entry.getKeyNode(), key, "expected {reliability: A-F, kind: ..., aliases: [...]}"));
				continue;
			}
			String reliability = null;
			Kind kind = Kind.INDEPENDENT;
			List<String> names = new ArrayList<>(List.of(name));
			for (NodeTuple field : fields) {
				String fieldName = YamlFiles.scalar(field.getKeyNode());
				Node value = field.getValueNode();
				String fieldKey = key + "." + fieldName;
				if ("reliability".equals(fieldName)) {
					reliability = reliability(value, fieldKey, problems);
				}
				else if ("kind".equals(fieldName)) {
					kind = kind(value, fieldKey, problems);
				}
				else if ("aliases".equals(fieldName)) {
					List<String> aliases = YamlFiles.strings(value);
					if (aliases == null || aliases.stream().anyMatch(String::isBlank)) {
						problems.add(at(value, fieldKey, "expected a list of names"));
					}
					else {
						names.addAll(aliases);
					}
				}
				else {
					problems.add(at(field.getKeyNode(), fieldKey,
							"unknown key; expected one of " + OUTLET_KEYS.stream().sorted().toList()));
				}
			}
			if (reliability == null) {
				problems.add(at(entry.getKeyNode(), key + ".reliability", "missing"));
				continue;
			}
			Outlet outlet = new Outlet(name, reliability, kind);
			for (String each : names) {
				Outlet earlier = outlets.putIfAbsent(normalise(each), outlet);
				if (earlier != null) {
					problems
						.add(at(entry.getKeyNode(), key, "'" + each + "' is already the name of " + earlier.name()));
				}
			}
		}
	}

	private static String reliability(Node node, String key, List<String> problems) {
		String text = YamlFiles.scalar(node);
		if (text == null || !text.strip().matches("[A-Fa-f]")) {
			problems.add(at(node, key, "'" + text + "' is not a reliability; expected one letter A to F"));
			return "F";
		}
		return text.strip().toUpperCase(Locale.ROOT);
	}

	private static Kind kind(Node node, String key, List<String> problems) {
		String text = YamlFiles.scalar(node);
		try {
			return Kind.valueOf(String.valueOf(text).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(at(node, key, "'" + text + "' is not a kind; expected independent, official or group"));
			return Kind.INDEPENDENT;
		}
	}

	private static String at(Node node, String key, String problem) {
		return "line " + YamlFiles.line(node) + ": " + key + ": " + problem;
	}

}
