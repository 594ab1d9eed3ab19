package org.harbinger.system;

import java.util.List;

/**
 * A request parameter's value that is none of the words it takes; the API's problem
 * details name the parameter and list {@link #accepted()}.
 */
public class UnknownWord extends IllegalArgumentException {

	private final List<String> accepted;

	public UnknownWord(String value, List<String> accepted) {
		super("'" + value + "' is not one of " + String.join(", ", accepted));
		this.accepted = List.copyOf(accepted);
	}

	public List<String> accepted() {
		return this.accepted;
	}

}
