package org.harbinger.system.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a password must be, for every way one is set: the users API and the first admin's
 * {@code HARBINGER_ADMIN_PASSWORD}. One rule, so the start-up cannot accept what the API
 * refuses.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	/**
	 * bcrypt reads only the first 72 bytes: a longer password would be checked on its
	 * prefix alone.
	 */
	static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/** Why the password is refused, or empty when it is acceptable. */
	static Optional<String> problem(String password) {
		if (password == null || password.isBlank()) {
			return Optional.of("is required");
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("must have at least " + MIN_LENGTH + " characters (it has "
					+ password.codePointCount(0, password.length()) + ")");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("must be at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt ignores the rest)");
		}
		if (password.chars().anyMatch(Character::isISOControl)) {
			return Optional.of("must not contain control characters");
		}
		return Optional.empty();
	}

}
