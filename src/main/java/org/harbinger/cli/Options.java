package org.harbinger.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and plain arguments, checked against what a command accepts. */
final class Options {

	private final Map<String, String> values = new HashMap<>();

	private final List<String> arguments = new ArrayList<>();

	private final Set<String> flags = new HashSet<>();

	Options(String[] args, Set<String> accepted) {
		this(args, accepted, Set.of());
	}

	/** {@code flags} are options without a value, on when given. */
	Options(String[] args, Set<String> accepted, Set<String> flags) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--")) {
				String name = args[i].substring(2);
				if (flags.contains(name)) {
					this.flags.add(name);
					continue;
				}
				if (!accepted.contains(name)) {
					throw new UsageException("Unknown option --" + name + "; expected one of " + accepted);
				}
				if (i + 1 >= args.length) {
					throw new UsageException("--" + name + " needs a value");
				}
				this.values.put(name, args[++i]);
			}
			else {
				this.arguments.add(args[i]);
			}
		}
	}

	List<String> arguments() {
		return this.arguments;
	}

	boolean flag(String name) {
		return this.flags.contains(name);
	}

	String get(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	String required(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new UsageException("--" + name + " is required");
		}
		return value;
	}

	Path path(String name, String fallback) {
		return Path.of(get(name, fallback));
	}

	LocalDate date(String name) {
		String value = required(name);
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new UsageException("--" + name + " '" + value + "' is not a date like 2022-04-18");
		}
	}

}
