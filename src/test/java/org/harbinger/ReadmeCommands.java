package org.harbinger;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands a reader of the README would type: every command in its {@code sh} and
 * {@code bash} blocks (indented ones too) (a command runs on over a line ending in a
 * backslash or inside an open quote, as in the shell), and every inline code span that is
 * one (starting with {@code ./mvnw}, {@code java -jar} or {@code curl}, after any
 * variable assignments).
 */
final class ReadmeCommands {

	private static final Pattern FENCE = Pattern.compile("(?m)^( *)```(\\w*)\\n(.*?)^\\1```", Pattern.DOTALL);

	private static final Pattern INLINE = Pattern.compile("`((?:[A-Z_]+=\\S+ )*(?:\\./mvnw|java -jar|curl) [^`]*)`");

	private ReadmeCommands() {
	}

	/** One command, with the README line it starts on. */
	record Command(int line, String text, boolean inline) {

		/**
		 * The command without leading variable assignments such as
		 * {@code SERVER_PORT=9090}.
		 */
		String program() {
			return this.text.replaceFirst("^(?:[A-Z_]+=(?:'[^']*'|[^\\s'$(]+)\\s+)+", "");
		}

	}

	static List<Command> of(String readme) {
		List<Command> commands = new ArrayList<>();
		Matcher fence = FENCE.matcher(readme);
		int searched = 0;
		StringBuilder prose = new StringBuilder();
		while (fence.find()) {
			prose.append(readme, searched, fence.start());
			prose.append("\n".repeat(lines(fence.group())));
			searched = fence.end();
			if (fence.group(2).equals("sh") || fence.group(2).equals("bash")) {
				String block = fence.group(3).replaceAll("(?m)^" + fence.group(1), "");
				commands.addAll(split(block, lineOf(readme, fence.start(3))));
			}
		}
		prose.append(readme.substring(searched));
		Matcher inline = INLINE.matcher(prose);
		while (inline.find()) {
			commands.add(new Command(lineOf(prose.toString(), inline.start()), inline.group(1), true));
		}
		return commands;
	}

	/**
	 * Splits a block into commands as the shell reads it: a newline ends a command unless
	 * it follows a backslash or falls inside quotes; a {@code #} outside quotes starts a
	 * comment, whose apostrophes are not quotes.
	 */
	static List<Command> split(String block, int firstLine) {
		List<Command> commands = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int start = firstLine;
		char quote = 0;
		int lineNumber = firstLine;
		for (String line : block.split("\n", -1)) {
			if (current.isEmpty()) {
				start = lineNumber;
			}
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				if (quote != 0) {
					quote = (c == quote) ? 0 : quote;
				}
				else if (c == '\'' || c == '"') {
					quote = c;
				}
				else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
					break;
				}
			}
			current.append(line);
			boolean continues = quote != 0 || line.endsWith("\\");
			if (continues) {
				current.append('\n');
			}
			else {
				String text = current.toString().strip();
				if (!text.isEmpty()) {
					commands.add(new Command(start, text, false));
				}
				current.setLength(0);
			}
			lineNumber++;
		}
		if (!current.toString().isBlank()) {
			throw new IllegalArgumentException("README line " + start + ": a command never ends (an open quote?)");
		}
		return commands;
	}

	private static int lineOf(String text, int offset) {
		return lines(text.substring(0, offset)) + 1;
	}

	private static int lines(String text) {
		return (int) text.chars().filter((c) -> c == '\n').count();
	}

}
