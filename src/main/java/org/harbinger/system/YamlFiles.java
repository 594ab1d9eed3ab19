package org.harbinger.system;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the administrators' YAML files as node trees, so every error can name its line.
 */
public final class YamlFiles {

	private YamlFiles() {
	}

	/** The root node of a file; a syntax error is refused with its line. */
	public static Node parse(EditableFiles.Text file) {
		try {
			Node root = new Yaml(new LoaderOptions()).compose(new StringReader(file.content()));
			return (root != null) ? root : new MappingNode(null, List.of(), null);
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			throw new ConfigFileException(file.location(), List.of("line " + line + ": " + ex.getProblem()));
		}
	}

	public static int line(Node node) {
		return (node.getStartMark() != null) ? node.getStartMark().getLine() + 1 : 0;
	}

	/** The scalar text of a node, or null when the node is not a scalar. */
	public static String scalar(Node node) {
		return (node instanceof ScalarNode scalar) ? scalar.getValue() : null;
	}

	/** The entries of a mapping node, or null when it is not one. */
	public static List<NodeTuple> entries(Node node) {
		return (node instanceof MappingNode mapping) ? mapping.getValue() : null;
	}

	/**
	 * The scalar items of a list node (a single scalar counts as a one-item list), or
	 * null.
	 */
	public static List<String> strings(Node node) {
		if (node instanceof ScalarNode scalar) {
			return List.of(scalar.getValue());
		}
		if (!(node instanceof SequenceNode sequence)) {
			return null;
		}
		List<String> values = new ArrayList<>();
		for (Node item : sequence.getValue()) {
			String value = scalar(item);
			if (value == null) {
				return null;
			}
			values.add(value);
		}
		return values;
	}

	/** A plain map view of a simple file with no need for line numbers. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> load(EditableFiles.Text file) {
		try {
			Object loaded = new Yaml(new LoaderOptions()).load(file.content());
			return (loaded instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			throw new ConfigFileException(file.location(), List.of("line " + line + ": " + ex.getProblem()));
		}
	}

}
