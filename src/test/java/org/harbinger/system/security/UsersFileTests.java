package org.harbinger.system.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.harbinger.system.ClusterProperties;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.SharedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UsersFileTests {

	private static final String HASH = "$2a$04$sXcizI3zn/GlJdxtV3cnLeLVgslJ6DIyJ.j7mXXAs5Q/sszuv9Bim";

	private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

	/** One node on its own: the file is the only truth. */
	private final SharedConfig alone = new SharedConfig(null, new ClusterProperties(false, "alone",
			Duration.ofMillis(500), Duration.ofSeconds(10), true, Duration.ofSeconds(2)));

	@TempDir
	Path dir;

	@Test
	void everyProblemIsNamedByLine() {
		String text = """
				users:
				  - name: analyst
				    password: plain-text
				    roles: [ANALYST]
				  - name: boss
				    password: "%s"
				    roles: [EMPEROR]
				  - name: analyst
				    password: "%s"
				    roles: [ANALYST]
				    shoe-size: 44
				""".formatted(HASH, HASH);

		assertThatExceptionOfType(ConfigFileException.class)
			.isThrownBy(() -> UsersFile.read(new EditableFiles.Text("users.yml", text)))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"line 2: password: expected a bcrypt hash ($2a$10$...)",
					"line 5: roles: 'EMPEROR' is not one of [ANALYST, RULE_AUTHOR, ADMIN, INGEST]",
					"line 11: unknown field 'shoe-size'; expected name, password, roles",
					"line 8: name: 'analyst' is defined twice"));
	}

	@Test
	void whatTheServiceWritesItReadsBack() {
		Accounts accounts = new Accounts(List.of(new Account("admin", HASH, List.of(Role.ADMIN, Role.ANALYST))),
				List.of(new Account("feed", Users.sha256("t"), List.of(Role.INGEST))));

		assertThat(UsersFile.read(new EditableFiles.Text("users.yml", UsersFile.render(accounts)))).isEqualTo(accounts);
	}

	@Test
	void aFirstStartCreatesAnAdminWithThePresetPasswordOnlyOnce() throws Exception {
		Path file = this.dir.resolve("users.yml");
		Users users = new Users(file, this.encoder, this.alone);

		users.ensureAdmin("preset-password-1");
		users.ensureAdmin("another-password-2");

		String hash = users.loadUserByUsername("admin").getPassword();
		assertThat(this.encoder.matches("preset-password-1", hash)).isTrue();
		assertThat(new Users(file, this.encoder, this.alone).current().users()).singleElement()
			.satisfies((admin) -> assertThat(admin.roles()).containsExactly(Role.ADMIN));
	}

	@Test
	void aHandEditIsPickedUpAndABrokenOneKeepsThePreviousUsers() throws Exception {
		Path file = this.dir.resolve("users.yml");
		Users users = new Users(file, this.encoder, this.alone);
		users.ensureAdmin("preset-password-1");

		edit(file, Files.readString(file).replace("name: admin", "name: chief"), 1);
		assertThat(users.loadUserByUsername("chief").getUsername()).isEqualTo("chief");
		assertThatExceptionOfType(UsernameNotFoundException.class).isThrownBy(() -> users.loadUserByUsername("admin"));

		edit(file, "users: [oops", 2);
		assertThat(users.loadUserByUsername("chief").getUsername()).isEqualTo("chief");
	}

	@Test
	void onlyTheHashOfATokenIsKeptAndItAuthenticatesThatToken() {
		Users users = new Users(this.dir.resolve("users.yml"), this.encoder, this.alone);
		users.ensureAdmin("preset-password-1");

		String token = users.createToken("acled-feed", List.of(Role.INGEST));

		assertThat(users.token(token)).get().extracting(Account::name).isEqualTo("acled-feed");
		assertThat(users.token(token + "x")).isEmpty();
		assertThat(users.current().token("acled-feed")).get()
			.extracting(Account::secretHash)
			.isEqualTo(Users.sha256(token))
			.isNotEqualTo(token);
	}

	/**
	 * A hand edit, with a later modification time so that a fast file system still shows
	 * the change.
	 */
	private static void edit(Path file, String text, int secondsLater) throws Exception {
		Files.writeString(file, text);
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsLater)));
	}

}
