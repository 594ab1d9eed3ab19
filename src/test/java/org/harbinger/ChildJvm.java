package org.harbinger;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Harbinger in a JVM of its own, as {@code java -jar} runs it: the service's context must
 * not meet the test classes, and a second process is what finds the database locked.
 */
public final class ChildJvm {

	/**
	 * The JIT's first tier alone: a child runs seconds of start-up and small inputs,
	 * which the optimising compiler's own work would slow (start-up and a rules check
	 * took half the processor time and wall time with it, docs/performance.md, "Test
	 * suite"). The service itself runs with the full JIT (pom.xml); options given after
	 * it win.
	 */
	public static final String QUICK_START = "-XX:TieredStopAtLevel=1";

	private ChildJvm() {
	}

	/** The exit status and what the process wrote, standard error included. */
	public record Result(int status, String output) {
	}

	public static Result run(List<String> jvmOptions, String... args) throws Exception {
		return run(Map.of(), jvmOptions, args);
	}

	/** With these variables added to the child's environment. */
	public static Result run(Map<String, String> environment, List<String> jvmOptions, String... args)
			throws Exception {
		List<String> command = new ArrayList<>(List.of(java(), QUICK_START));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classPath(), HarbingerApplication.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.waitFor(), output);
	}

	/** The java command of the running JDK. */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The jar's class path: the main classes and their dependencies, no test classes. */
	public static String classPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}

}
