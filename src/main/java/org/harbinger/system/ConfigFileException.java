package org.harbinger.system;

import java.util.List;

/** An edited file that cannot be used, with every problem named by file, line and key. */
public class ConfigFileException extends RuntimeException {

	private final List<String> problems;

	public ConfigFileException(String file, List<String> problems) {
		super(file + " is refused:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
