package org.harbinger.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.harbinger.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code users reset-password NAME}: a lost password is set anew in the users file, under
 * the API's rule, and the running service signs the user in with it;
 * HARBINGER_ADMIN_PASSWORD, which applies only when there are no users, says so when it
 * is set and ignored.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResetPasswordTests {

	private static final String FIRST = "the first admin passphrase";

	private static final String NEW = "a new passphrase after the loss";

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void theNewPasswordSignsInOnTheRunningServiceAndTheOldOneNoLonger(@TempDir Path dir, CapturedOutput output)
			throws Exception {
		Path users = dir.resolve("config/users.yml");
		try (ConfigurableApplicationContext service = start(dir, "reset-first", FIRST)) {
			String port = service.getEnvironment().getProperty("local.server.port");
			assertThat(status(port, "admin", FIRST)).isEqualTo(200);

			assertThat(reset(users, "admin", NEW)).isZero();

			assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Password of 'admin' changed in " + users);
			assertThat(Files.readString(users)).contains("name: admin", "roles: [ADMIN]").doesNotContain(NEW);
			assertThat(status(port, "admin", NEW)).isEqualTo(200);
			assertThat(status(port, "admin", FIRST)).isEqualTo(401);
		}
		try (ConfigurableApplicationContext again = start(dir, "reset-again", "yet another admin passphrase")) {
			assertThat(output.getAll()).contains("HARBINGER_ADMIN_PASSWORD is ignored: " + users
					+ " already has users (it applies only when there are none); for a lost password run "
					+ "'java -jar harbinger.jar users reset-password NAME'");
			assertThat(status(again.getEnvironment().getProperty("local.server.port"), "admin", NEW)).isEqualTo(200);
		}
	}

	@Test
	void aWeakPasswordOrAnUnknownUserIsRefusedAndTheFileStaysAsItWas(@TempDir Path dir) throws Exception {
		Path users = dir.resolve("users.yml");
		Files.writeString(users, """
				users:
				  - name: farida
				    password: "$2a$04$sXcizI3zn/GlJdxtV3cnLeLVgslJ6DIyJ.j7mXXAs5Q/sszuv9Bim"
				    roles: [ANALYST]
				""");
		String before = Files.readString(users);

		assertThat(reset(users, "farida", "short")).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("users reset-password: the password must have at least 12 characters (it has 5)");
		assertThat(reset(users, "admin", NEW)).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("no user 'admin' in " + users + "; the users are farida");
		assertThat(Files.readString(users)).isEqualTo(before);
	}

	@Test
	void withoutAConsoleOrStandardInputItSaysHowToGiveThePassword(@TempDir Path dir) {
		assertThat(Cli.run(new String[] { "users", "reset-password", "admin", "--users-file", dir + "/users.yml" },
				(ignored) -> {
				}, new ByteArrayInputStream(new byte[0]), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8)))
			.isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).startsWith(
				"no console to read the password from: type it in a terminal, or pipe it with --password-stdin");
	}

	private int reset(Path users, String name, String password) {
		return Cli.run(
				new String[] { "users", "reset-password", name, "--password-stdin", "--users-file", users.toString() },
				(ignored) -> {
					throw new AssertionError("not a serve command");
				}, new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)),
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private static ConfigurableApplicationContext start(Path dir, String scheduler, String adminPassword)
			throws Exception {
		return TestServices.onH2File(dir, scheduler, LocalDate.of(2022, 5, 7),
				List.of("--HARBINGER_ADMIN_PASSWORD=" + adminPassword));
	}

	private static int status(String port, String user, String password) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/alerts"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

}
