package org.harbinger.system;

import java.nio.file.Path;

import org.harbinger.system.security.PasswordReset;

/**
 * For the command line: a lost password reset in the users file, under the users API's
 * rule.
 */
public final class UserPasswords {

	private UserPasswords() {
	}

	/**
	 * Why this password would be refused (too short, too long, control characters), or
	 * null.
	 */
	public static String problem(String password) {
		return PasswordReset.problem(password);
	}

	/**
	 * Sets the password of {@code name} in {@code usersFile}; a refusal is an
	 * IllegalArgumentException saying why.
	 */
	public static void reset(Path usersFile, String name, String password) {
		PasswordReset.reset(usersFile, name, password);
	}

}
