package org.harbinger;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.harbinger.engine.EngineHost;
import org.harbinger.ingest.AcledStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command in the README works (issue 16: a README command that fails is a bug). The
 * service starts as Quick start starts it (the shipped config/, the demo, the clock at 7
 * May 2022) on a port of its own; then every command of the README's shell blocks runs in
 * document order in one bash, as a reader would paste them, with curl failing on any HTTP
 * error and {@code java -jar target/harbinger.jar} run from the classes the jar is built
 * from (the jar itself is packaged after the tests). A reader fills in the placeholders
 * ({@link #PLACEHOLDERS}); the Maven commands are run by {@code .ci/run}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:readme;DB_CLOSE_DELAY=-1", "spring.quartz.scheduler-name=readme",
		"spring.quartz.auto-startup=false", "harbinger.inbox.enabled=false", "harbinger.mail.sender-enabled=false",
		"HARBINGER_ADMIN_PASSWORD=" + ReadmeCommandsTests.ADMIN_PASSWORD,
		"harbinger.acled.username=" + AcledStandIn.USERNAME, "harbinger.acled.password=" + AcledStandIn.PASSWORD,
		"harbinger.acled.countries=Afghanistan", "harbinger.acled.since=2021-01-01" })
class ReadmeCommandsTests {

	static final String ADMIN_PASSWORD = "readme-admin-passphrase";

	/** What a reader types in place of the README's placeholders. */
	private static final Map<String, String> PLACEHOLDERS = Map.of("PASSWORD='the password from the log'",
			"PASSWORD='" + ADMIN_PASSWORD + "'", "ACLED_PASSWORD='...'",
			"ACLED_PASSWORD='" + AcledStandIn.PASSWORD + "'");

	private static final Pattern JAR = Pattern.compile("\\bjava((?: -\\S+)*) -jar target/harbinger\\.jar");

	private static final Pattern END = Pattern.compile("(?m)^@@end (\\d+) (\\d+)$");

	private static final AcledStandIn ACLED = acled();

	private static Path work;

	@LocalServerPort
	private int port;

	@Autowired
	private EngineHost engine;

	/**
	 * The reader's folder: a checkout's src/, rules/ and templates/, and a copy of
	 * config/ (the commands change thresholds, subscriptions and users).
	 */
	@DynamicPropertySource
	static void folder(DynamicPropertyRegistry registry) throws IOException {
		work = Files.createTempDirectory("harbinger-readme");
		for (String shared : List.of("src", "rules", "templates")) {
			Files.createSymbolicLink(work.resolve(shared), Path.of(shared).toAbsolutePath());
		}
		Path config = Files.createDirectories(work.resolve("config"));
		for (String file : List.of("application.yml", "thresholds.yml", "subscriptions.yml", "actors.yml",
				"sources.yml")) {
			Files.copy(Path.of("config", file), config.resolve(file));
		}
		registry.add("harbinger.config-dir", config::toString);
		registry.add("harbinger.security.users-file", () -> config.resolve("users.yml").toString());
		registry.add("harbinger.mail.eml-dir", () -> work.resolve("var/mail").toString());
		registry.add("harbinger.ingest.spool-dir", () -> work.resolve("var/imports").toString());
		registry.add("harbinger.acled.base-url", () -> ACLED.url().toString());
	}

	@AfterAll
	static void stop() {
		ACLED.close();
	}

	/**
	 * The audit: a Maven command is run by .ci/run (with its batch-mode flags added), an
	 * inline command is one a shell block gives whole, and every other command is run by
	 * the test below.
	 */
	@Test
	void everyReadmeCommandIsRunHereOrByCi() throws IOException {
		Set<String> ci = ciLines().stream()
			.filter((line) -> line.contains("./mvnw "))
			.map((line) -> maven(line.substring(line.indexOf("./mvnw "))))
			.collect(Collectors.toSet());
		List<ReadmeCommands.Command> commands = readme();
		List<String> blocks = commands.stream()
			.filter((command) -> !command.inline())
			.map(ReadmeCommands.Command::text)
			.toList();

		List<String> maven = commands.stream()
			.map(ReadmeCommands.Command::program)
			.filter((program) -> program.startsWith("./mvnw "))
			.map(ReadmeCommandsTests::maven)
			.toList();
		List<String> inlineElsewhere = commands.stream()
			.filter((command) -> command.inline() && !command.program().startsWith("./mvnw "))
			.map(ReadmeCommands.Command::text)
			.filter((inline) -> blocks.stream().noneMatch((block) -> block.contains(inline)))
			.toList();

		assertThat(maven).contains("./mvnw spring-boot:run", "./mvnw verify", "./mvnw -q package -DskipTests");
		assertThat(ci).containsAll(maven);
		assertThat(inlineElsewhere).as("inline commands no shell block runs").isEmpty();
	}

	@Test
	void everyOtherReadmeCommandSucceedsAgainstTheDemoService() throws Exception {
		this.engine.today();
		List<ReadmeCommands.Command> commands = readme().stream()
			.filter((command) -> !command.inline() && !command.program().startsWith("./mvnw "))
			.toList();
		assertThat(commands).hasSizeGreaterThan(40);

		String output = run(script(commands));

		Matcher end = END.matcher(output);
		List<String> failures = new ArrayList<>();
		int ended = 0;
		while (end.find()) {
			ended++;
			int index = Integer.parseInt(end.group(1));
			if (!end.group(2).equals("0")) {
				ReadmeCommands.Command command = commands.get(index);
				String said = output.substring(output.indexOf("@@begin " + index + "\n"), end.start());
				failures.add("README line " + command.line() + " exited " + end.group(2) + ": " + command.text() + "\n"
						+ said.strip());
			}
		}
		assertThat(failures).isEmpty();
		assertThat(ended).as(output).isEqualTo(commands.size());
	}

	/**
	 * A bash script running the commands in order: curl fails on an HTTP error, the jar's
	 * main class runs from the test's class path, and localhost:8080 is this service.
	 */
	private String script(List<ReadmeCommands.Command> commands) {
		StringBuilder script = new StringBuilder(
				"""
						set -o pipefail
						curl() { command curl --silent --show-error --fail-with-body --max-time 120 "$@"; }
						# The reload example signs in as farida, whom the Users section creates later.
						FARIDA_PASSWORD='a long passphrase of her own'
						curl -u admin:%s -X PUT localhost:8080/api/users/farida -H 'Content-Type: application/json' \\
						  -d "{\\"password\\":\\"$FARIDA_PASSWORD\\",\\"roles\\":[\\"ANALYST\\",\\"RULE_AUTHOR\\"]}" >/dev/null || exit 99
						"""
					.formatted(ADMIN_PASSWORD));
		for (int i = 0; i < commands.size(); i++) {
			String text = commands.get(i).text();
			for (Map.Entry<String, String> placeholder : PLACEHOLDERS.entrySet()) {
				text = text.replace(placeholder.getKey(), placeholder.getValue());
			}
			text = JAR.matcher(text)
				.replaceAll((jar) -> Matcher.quoteReplacement("\"$JAVA\" " + ChildJvm.QUICK_START + jar.group(1)
						+ " -cp \"$HARBINGER_CP\" " + HarbingerApplication.class.getName()));
			script.append("echo '@@begin ").append(i).append("'\n");
			script.append(text).append("\n");
			script.append("status=$?; echo; echo \"@@end ").append(i).append(" $status\"\n");
		}
		return script.toString().replace("localhost:8080", "localhost:" + this.port);
	}

	private String run(String script) throws Exception {
		Path file = work.resolve("readme.sh");
		Files.writeString(file, script);
		ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		bash.environment().put("JAVA", ChildJvm.java());
		bash.environment().put("HARBINGER_CP", ChildJvm.classPath());
		bash.environment().put("ACLED_USERNAME", AcledStandIn.USERNAME);
		bash.environment().put("HARBINGER_ACLED_BASEURL", ACLED.url().toString());
		bash.environment().put("HARBINGER_ACLED_COUNTRIES", "Afghanistan");
		Process process = bash.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isNotEqualTo(99);
		return output;
	}

	/**
	 * A Maven command as the README gives it: without CI's batch-mode flags and what the
	 * script does with its output.
	 */
	private static String maven(String command) {
		return command.replaceFirst(" *[>|&].*", "").replace(" -B", "").replace(" -ntp", "").strip();
	}

	/** The lines of .ci/run and the scripts beside it. */
	private static List<String> ciLines() throws IOException {
		List<String> lines = new ArrayList<>();
		try (Stream<Path> scripts = Files.list(Path.of(".ci"))) {
			for (Path script : scripts.toList()) {
				lines.addAll(Files.readAllLines(script));
			}
		}
		return lines;
	}

	private static List<ReadmeCommands.Command> readme() throws IOException {
		return ReadmeCommands.of(Files.readString(Path.of("README.md")));
	}

	private static AcledStandIn acled() {
		try {
			return new AcledStandIn().addProtest("README-1", "2021-03-01", "0")
				.addProtest("README-2", "2021-03-02", "1");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
