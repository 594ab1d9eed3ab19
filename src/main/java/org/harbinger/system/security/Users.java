package org.harbinger.system.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.SharedConfig;
import org.harbinger.system.SharedFile;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users and tokens in force: read from the users file, re-read when someone edits it
 * (an invalid edit is logged and the previous accounts stay), written when the API
 * changes them.
 */
class Users implements UserDetailsService, SharedFile {

	static final String SHARED_NAME = "users";

	private static final Logger logger = LoggerFactory.getLogger(Users.class);

	private static final SecureRandom random = new SecureRandom();

	private final Path file;

	private final PasswordEncoder encoder;

	private Accounts accounts = Accounts.NONE;

	private FileTime loadedVersion;

	/**
	 * The text of the accounts in force (null before there are any), what the other nodes
	 * are given.
	 */
	private String text;

	private final SharedConfig shared;

	Users(Path file, PasswordEncoder encoder, SharedConfig shared) {
		this.file = file;
		this.encoder = encoder;
		this.shared = shared;
		if (Files.exists(file)) {
			this.text = readText();
			this.accounts = parse(this.text);
			this.loadedVersion = modified();
		}
	}

	/**
	 * On a first start with no users: an admin, with the given password or a random one
	 * printed once.
	 */
	synchronized void ensureAdmin(String presetPassword) {
		boolean preset = presetPassword != null && !presetPassword.isBlank();
		if (!current().users().isEmpty()) {
			if (preset) {
				logger.warn(
						"HARBINGER_ADMIN_PASSWORD is ignored: {} already has users (it applies only when there are "
								+ "none); for a lost password run 'java -jar harbinger.jar users reset-password NAME'",
						this.file);
			}
			return;
		}
		if (preset) {
			PasswordPolicy.problem(presetPassword).ifPresent((problem) -> {
				throw new WeakPasswordException("HARBINGER_ADMIN_PASSWORD " + problem
						+ "; the first admin's password follows the same rule as the users API");
			});
		}
		String password = preset ? presetPassword : randomSecret(18);
		save(current().withUser(new Account("admin", this.encoder.encode(password), List.of(Role.ADMIN))));
		if (preset) {
			logger.warn("Created user 'admin' with the password from HARBINGER_ADMIN_PASSWORD ({})", this.file);
		}
		else {
			String line = "=".repeat(72);
			logger.warn("\n{}\n  Harbinger: no users yet, so user 'admin' was created with the password\n\n      {}\n\n"
					+ "  It is shown only this once. Change it at PUT /api/users/admin.\n  Users live in {}\n{}", line,
					password, this.file.toAbsolutePath(), line);
		}
	}

	@Override
	public UserDetails loadUserByUsername(String name) {
		Account user = current().user(name).orElseThrow(() -> new UsernameNotFoundException(name));
		return User.withUsername(user.name())
			.password(user.secretHash())
			.authorities(user.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList())
			.build();
	}

	Optional<Account> token(String token) {
		String hash = sha256(token);
		return current().tokens()
			.stream()
			.filter((account) -> MessageDigest.isEqual(account.secretHash().getBytes(StandardCharsets.US_ASCII),
					hash.getBytes(StandardCharsets.US_ASCII)))
			.findFirst();
	}

	synchronized Accounts current() {
		FileTime version = modified();
		if (version != null && !version.equals(this.loadedVersion)) {
			try {
				String edited = readText();
				this.accounts = parse(edited);
				this.text = edited;
				logger.info("Users re-read from {}", this.file);
			}
			catch (ConfigFileException ex) {
				logger.error("{}\nThe previous users stay in force.", ex.getMessage());
			}
			this.loadedVersion = version;
		}
		return this.accounts;
	}

	synchronized void putUser(String name, String password, List<Role> roles) {
		Optional<Account> existing = current().user(name);
		String hash = (password != null) ? this.encoder.encode(password)
				: existing.map(Account::secretHash).orElseThrow();
		Accounts next = current().withUser(new Account(name, hash, roles));
		if (next.admins() == 0) {
			throw new IllegalStateException("the last ADMIN cannot lose the role");
		}
		save(next);
	}

	synchronized boolean removeUser(String name) {
		if (current().user(name).isEmpty()) {
			return false;
		}
		Accounts next = current().withoutUser(name);
		if (next.admins() == 0) {
			throw new IllegalStateException("the last ADMIN cannot be removed");
		}
		save(next);
		return true;
	}

	/**
	 * A new token for a feed; only its hash is kept, so the token is returned this once.
	 */
	synchronized String createToken(String name, List<Role> roles) {
		String token = "hbt_" + randomSecret(30);
		save(current().withToken(new Account(name, sha256(token), roles)));
		return token;
	}

	synchronized boolean removeToken(String name) {
		if (current().token(name).isEmpty()) {
			return false;
		}
		save(current().withoutToken(name));
		return true;
	}

	@Override
	public Location location() {
		return new Location(SHARED_NAME, this.file);
	}

	@Override
	public synchronized String textInForce() {
		current();
		return this.text;
	}

	/** Another node's version, checked as a hand edit is. */
	@Override
	public synchronized void adopt(String adopted) {
		Accounts next = parse(adopted);
		write(adopted);
		this.accounts = next;
		this.text = adopted;
	}

	private String readText() {
		return UsersFile.text(this.file);
	}

	private Accounts parse(String content) {
		return UsersFile.read(new EditableFiles.Text(this.file.toString(), content));
	}

	private void save(Accounts next) {
		String rendered = UsersFile.render(next);
		// First: a conflict with another node's newer version writes nothing.
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		this.shared.publish(SHARED_NAME, rendered, (caller != null) ? caller.getName() : "(service)");
		write(rendered);
		this.accounts = next;
		this.text = rendered;
	}

	private void write(String content) {
		UsersFile.write(this.file, content);
		this.loadedVersion = modified();
	}

	private FileTime modified() {
		try {
			return Files.exists(this.file) ? Files.getLastModifiedTime(this.file) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String randomSecret(int bytes) {
		byte[] secret = new byte[bytes];
		random.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
