package org.harbinger.system.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.harbinger.system.EditableFiles;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A new password for a user who lost theirs, written into the users file as the service
 * writes it (same rule, bcrypt hash, file replaced whole). A running service re-reads the
 * file within seconds; on a cluster that node then shares the change like any hand edit.
 */
public final class PasswordReset {

	private PasswordReset() {
	}

	/** Why this password would be refused, or null. */
	public static String problem(String password) {
		return PasswordPolicy.problem(password).orElse(null);
	}

	/**
	 * Sets the password of {@code name}, its roles unchanged; an unknown name lists the
	 * users.
	 */
	public static void reset(Path file, String name, String password) {
		String problem = problem(password);
		if (problem != null) {
			throw new IllegalArgumentException("the password " + problem);
		}
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException(file + " does not exist: there are no users yet; the service creates "
					+ "'admin' when it starts (with HARBINGER_ADMIN_PASSWORD if set)");
		}
		Accounts accounts = UsersFile.read(new EditableFiles.Text(file.toString(), UsersFile.text(file)));
		Account user = accounts.user(name)
			.orElseThrow(() -> new IllegalArgumentException("no user '" + name + "' in " + file + "; the users are "
					+ String.join(", ", names(accounts.users()))));
		String hash = new BCryptPasswordEncoder().encode(password);
		UsersFile.write(file, UsersFile.render(accounts.withUser(new Account(name, hash, user.roles()))));
	}

	private static List<String> names(List<Account> users) {
		return users.stream().map(Account::name).toList();
	}

}
