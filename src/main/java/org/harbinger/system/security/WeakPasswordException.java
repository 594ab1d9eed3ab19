package org.harbinger.system.security;

/**
 * A password from the environment that {@link PasswordPolicy} refuses: the service does
 * not start with it.
 */
class WeakPasswordException extends RuntimeException {

	WeakPasswordException(String message) {
		super(message);
	}

}
