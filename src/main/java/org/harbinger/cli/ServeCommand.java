package org.harbinger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code serve}: the service. Listed here for its help and the completion script; the
 * command line starts it before picocli parses anything (Cli), since its options are
 * Spring Boot's own.
 */
@Command(name = "serve", description = "Run the service (the default command).", footer = {
		"%nOther words are Spring Boot's arguments, e.g. --server.port=8081 or --spring.profiles.active=postgres.",
		"The exit status is the service's: 0 after a clean stop." })
final class ServeCommand implements Callable<Integer> {

	private final Consumer<String[]> serve;

	@Unmatched
	private List<String> springArguments = new ArrayList<>();

	ServeCommand(Consumer<String[]> serve) {
		this.serve = serve;
	}

	@Override
	public Integer call() {
		this.serve.accept(this.springArguments.toArray(String[]::new));
		return -1;
	}

}
