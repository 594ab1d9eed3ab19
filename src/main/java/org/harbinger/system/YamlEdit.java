package org.harbinger.system;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Edits an administrator's YAML file in its text: a new value is spliced in where the
 * parser found the old one, so comments, blank lines and the order of keys survive an
 * edit made through the API (re-dumping the YAML would lose them). Paths are map keys
 * (strings) and list indexes (integers); maps and lists that gain or lose entries must be
 * in block style, as people write them. Each edit parses the current text again.
 */
public final class YamlEdit {

	private String text;

	public YamlEdit(String text) {
		this.text = text;
	}

	public String text() {
		return this.text;
	}

	/**
	 * Sets the value at the path; a missing last key (or keys) is added at the end of its
	 * map.
	 */
	public YamlEdit set(List<?> path, Object value) {
		String rendered = YamlValues.render(value);
		Node parent = null;
		Node key = null;
		Node node = root();
		for (int i = 0; i < path.size(); i++) {
			Located child = child(node, path.get(i));
			if (child == null) {
				addEntry(node, path.subList(i, path.size()), value);
				return this;
			}
			parent = node;
			key = child.key();
			node = child.node();
		}
		if (parent == null) {
			throw new IllegalArgumentException("expected a path to a value");
		}
		replace(key, node, rendered);
		return this;
	}

	/**
	 * Removes a key from its map, or an item from its list, with the lines it stands on.
	 */
	public YamlEdit remove(List<?> path) {
		Node parent = walk(path.subList(0, path.size() - 1));
		Located child = child(parent, path.get(path.size() - 1));
		if (child == null) {
			throw new IllegalArgumentException("nothing at " + path);
		}
		requireBlock(parent, path);
		if (parent instanceof SequenceNode sequence && sequence.getValue().size() == 1) {
			return set(path.subList(0, path.size() - 1), List.of());
		}
		int from = lineStart(offset((child.key() != null) ? child.key() : child.node()));
		int to = lineBreakEnd(lineEnd(contentEnd(child.node())));
		if (child.key() == null) {
			from = commentsAbove(from, column(parent));
		}
		if (from > 0 && isBlankLine(lineStart(from - 1))) {
			// Leave one blank line where the removed lines stood between two.
			if (to == this.text.length()) {
				from = lineStart(from - 1);
			}
			else if (isBlankLine(to)) {
				to = lineBreakEnd(lineEnd(to));
			}
		}
		this.text = this.text.substring(0, from) + this.text.substring(to);
		return this;
	}

	/** Appends a map as a new item, in block style, to the list at the path. */
	public YamlEdit append(List<?> path, Map<String, ?> item) {
		Node list = walk(path);
		if (!(list instanceof SequenceNode sequence) || isFlow(sequence) || sequence.getValue().isEmpty()) {
			Located owner = child(walk(path.subList(0, path.size() - 1)), path.get(path.size() - 1));
			int indent = column(owner.key()) + 2;
			splice(offset(owner.key().getEndMark()), contentEnd(owner.node()), ":" + newline() + item(item, indent));
			return this;
		}
		List<Node> items = sequence.getValue();
		int dash = column(sequence);
		int at = lineEnd(contentEnd(sequence));
		String separator = newline();
		if (items.size() > 1
				&& isBlankLine(lineStart(commentsAbove(lineStart(offset(items.get(items.size() - 1))), dash) - 1))) {
			separator += newline();
		}
		splice(at, at, separator + item(item, dash));
		return this;
	}

	private record Located(Node key, Node node) {
	}

	private Node root() {
		try {
			Node root = new Yaml(new LoaderOptions()).compose(new StringReader(this.text));
			return (root != null) ? root : new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			throw new IllegalArgumentException("line " + line + ": " + ex.getProblem());
		}
	}

	private Node walk(List<?> path) {
		Node node = root();
		for (Object step : path) {
			Located child = child(node, step);
			if (child == null) {
				throw new IllegalArgumentException("nothing at " + path);
			}
			node = child.node();
		}
		return node;
	}

	private static Located child(Node node, Object step) {
		if (node instanceof MappingNode mapping && step instanceof String name) {
			for (NodeTuple entry : mapping.getValue()) {
				if (name.equals(YamlFiles.scalar(entry.getKeyNode()))) {
					return new Located(entry.getKeyNode(), entry.getValueNode());
				}
			}
			return null;
		}
		if (node instanceof SequenceNode sequence && step instanceof Integer index && index >= 0
				&& index < sequence.getValue().size()) {
			return new Located(null, sequence.getValue().get(index));
		}
		if (!(node instanceof MappingNode) && !(node instanceof SequenceNode)) {
			throw new IllegalArgumentException("'" + step + "' is under a single value");
		}
		return null;
	}

	/**
	 * A block map or list becomes flow text on its key's line; a scalar is replaced where
	 * it stands.
	 */
	private void replace(Node key, Node node, String rendered) {
		if (key != null && node instanceof CollectionNode<?> && !isFlow(node)) {
			splice(offset(key.getEndMark()), contentEnd(node), ": " + rendered);
			return;
		}
		int from = offset(node.getStartMark());
		int to = contentEnd(node);
		if (key != null && from == to) {
			// An empty value ("key:") stands at the colon: write after it.
			rendered = " " + rendered;
		}
		int lineEnd = lineEnd(to);
		String rest = this.text.substring(to, lineEnd);
		int gap = rest.length() - rest.stripLeading().length();
		if (rest.stripLeading().startsWith("#") && gap > 0) {
			// Keep a trailing comment in its column where the new value leaves room.
			int keep = Math.max(1, gap - (rendered.length() - (to - from)));
			splice(from, to + gap, rendered + " ".repeat(keep));
			return;
		}
		splice(from, to, rendered);
	}

	private void addEntry(Node map, List<?> keys, Object value) {
		if (!(map instanceof MappingNode mapping) || !(keys.get(0) instanceof String)) {
			throw new IllegalArgumentException("no " + keys.get(0) + " to set");
		}
		List<NodeTuple> entries = mapping.getValue();
		if (entries.isEmpty()) {
			if (mapping.getStartMark() != null) {
				throw new IllegalArgumentException("cannot add '" + keys.get(0) + "' to an empty map");
			}
			String start = (this.text.isEmpty() || this.text.endsWith("\n")) ? "" : newline();
			splice(this.text.length(), this.text.length(), start + entry(keys, value, 0) + newline());
			return;
		}
		requireBlock(mapping, keys);
		int indent = column(entries.get(0).getKeyNode());
		int at = lineEnd(contentEnd(mapping));
		splice(at, at, newline() + " ".repeat(indent) + entry(keys, value, indent));
	}

	private String entry(List<?> keys, Object value, int indent) {
		String key = YamlValues.render(keys.get(0));
		if (keys.size() > 1) {
			return key + ":" + newline() + " ".repeat(indent + 2)
					+ entry(keys.subList(1, keys.size()), value, indent + 2);
		}
		if (value instanceof Map<?, ?> map) {
			StringBuilder nested = new StringBuilder(key + ":");
			map.forEach((name, inner) -> nested.append(newline())
				.append(" ".repeat(indent + 2))
				.append(entry(List.of(name), inner, indent + 2)));
			return nested.toString();
		}
		return key + ": " + YamlValues.render(value);
	}

	private String item(Map<String, ?> fields, int dash) {
		StringBuilder item = new StringBuilder();
		fields.forEach((name, value) -> item
			.append(item.isEmpty() ? " ".repeat(dash) + "- " : newline() + " ".repeat(dash + 2))
			.append(entry(List.of(name), value, dash + 2)));
		return item.toString();
	}

	private static void requireBlock(Node node, List<?> path) {
		if (isFlow(node)) {
			throw new IllegalArgumentException("cannot edit " + path + " inside a flow-style [...] or {...}");
		}
	}

	private static boolean isFlow(Node node) {
		return node instanceof CollectionNode<?> collection
				&& collection.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
	}

	/**
	 * Where a node's own text ends: a block map or list ends with its last value, not at
	 * the next token.
	 */
	private int contentEnd(Node node) {
		if (node instanceof MappingNode mapping && !isFlow(node) && !mapping.getValue().isEmpty()) {
			NodeTuple last = mapping.getValue().get(mapping.getValue().size() - 1);
			return Math.max(offset(last.getKeyNode().getEndMark()), contentEnd(last.getValueNode()));
		}
		if (node instanceof SequenceNode sequence && !isFlow(node) && !sequence.getValue().isEmpty()) {
			return contentEnd(sequence.getValue().get(sequence.getValue().size() - 1));
		}
		if (node instanceof ScalarNode && node.getStartMark().getIndex() == node.getEndMark().getIndex()) {
			return offset(node.getStartMark());
		}
		return offset(node.getEndMark());
	}

	private int offset(Node node) {
		return offset(node.getStartMark());
	}

	/** SnakeYAML counts code points; a Java string counts UTF-16 units. */
	private int offset(Mark mark) {
		return this.text.offsetByCodePoints(0, mark.getIndex());
	}

	private static int column(Node node) {
		return node.getStartMark().getColumn();
	}

	/** The first of the comment lines directly above a line, indented exactly so. */
	private int commentsAbove(int lineStart, int indent) {
		int from = lineStart;
		while (from > 0) {
			int previous = lineStart(from - 1);
			String line = this.text.substring(previous, lineEnd(previous));
			if (!line.startsWith(" ".repeat(Math.max(indent, 0)) + "#")) {
				break;
			}
			from = previous;
		}
		return from;
	}

	private boolean isBlankLine(int lineStart) {
		return lineStart < this.text.length() && this.text.substring(lineStart, lineEnd(lineStart)).isBlank();
	}

	private int lineStart(int offset) {
		return this.text.lastIndexOf('\n', offset - 1) + 1;
	}

	/** The end of the line, before its line break. */
	private int lineEnd(int offset) {
		int newline = this.text.indexOf('\n', offset);
		if (newline < 0) {
			return this.text.length();
		}
		return (newline > 0 && this.text.charAt(newline - 1) == '\r') ? newline - 1 : newline;
	}

	private int lineBreakEnd(int lineEnd) {
		if (this.text.startsWith("\r\n", lineEnd)) {
			return lineEnd + 2;
		}
		return (lineEnd < this.text.length()) ? lineEnd + 1 : lineEnd;
	}

	private String newline() {
		return this.text.contains("\r\n") ? "\r\n" : "\n";
	}

	private void splice(int from, int to, String replacement) {
		this.text = this.text.substring(0, from) + replacement + this.text.substring(to);
	}

}
