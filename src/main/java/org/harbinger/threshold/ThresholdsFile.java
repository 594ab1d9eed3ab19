package org.harbinger.threshold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harbinger.engine.ThresholdSet;
import org.harbinger.engine.ThresholdType;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.YamlFiles;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads config/thresholds.yml: one map per indicator, each key a threshold the
 * indicator's rule file declares. Every problem is reported at once, with its line and
 * full key; a file with any problem is refused whole.
 */
public final class ThresholdsFile {

	private ThresholdsFile() {
	}

	public static ThresholdSet read(EditableFiles.Text file, Map<String, ThresholdType> schema) {
		List<String> problems = new ArrayList<>();
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, Integer> lines = new HashMap<>();
		List<NodeTuple> indicators = YamlFiles.entries(YamlFiles.parse(file));
		if (indicators == null) {
			throw new ConfigFileException(file.location(), List.of("expected a map of indicator to its thresholds"));
		}
		for (NodeTuple indicator : indicators) {
			String id = YamlFiles.scalar(indicator.getKeyNode());
			List<NodeTuple> entries = YamlFiles.entries(indicator.getValueNode());
			if (entries == null) {
				problems.add(at(indicator.getKeyNode(), id, "expected a map of threshold name to value"));
				continue;
			}
			for (NodeTuple entry : entries) {
				String key = id + "." + YamlFiles.scalar(entry.getKeyNode());
				Node value = entry.getValueNode();
				ThresholdType type = schema.get(key);
				if (type == null) {
					problems.add(at(entry.getKeyNode(), key, "unknown key: no rule declares it"));
					continue;
				}
				if (lines.putIfAbsent(key, YamlFiles.line(entry.getKeyNode())) != null) {
					problems.add(at(entry.getKeyNode(), key, "set twice"));
					continue;
				}
				try {
					values.put(key, type.parse(YamlFiles.scalar(value), YamlFiles.strings(value)));
				}
				catch (IllegalArgumentException ex) {
					problems.add(at(value, key, ex.getMessage()));
				}
			}
		}
		schema.keySet()
			.stream()
			.filter((key) -> !lines.containsKey(key))
			.forEach((key) -> problems.add(key + ": missing; a rule reads it"));
		if (!problems.isEmpty()) {
			throw new ConfigFileException(file.location(), problems);
		}
		return ThresholdSet.of(values, schema);
	}

	private static String at(Node node, String key, String problem) {
		return "line " + YamlFiles.line(node) + ": " + key + ": " + problem;
	}

}
