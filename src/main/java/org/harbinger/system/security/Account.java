package org.harbinger.system.security;

import java.util.List;

/**
 * A user (bcrypt password hash) or an API token (SHA-256 of the token), with its roles.
 */
record Account(String name, String secretHash, List<Role> roles) {

	Account {
		roles = List.copyOf(roles);
	}

}
