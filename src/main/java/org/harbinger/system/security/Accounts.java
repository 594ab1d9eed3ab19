package org.harbinger.system.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The users and tokens of config/users.yml, as the file is now. */
record Accounts(List<Account> users, List<Account> tokens) {

	static final Accounts NONE = new Accounts(List.of(), List.of());

	Accounts {
		users = List.copyOf(users);
		tokens = List.copyOf(tokens);
	}

	Optional<Account> user(String name) {
		return this.users.stream().filter((user) -> user.name().equals(name)).findFirst();
	}

	Optional<Account> token(String name) {
		return this.tokens.stream().filter((token) -> token.name().equals(name)).findFirst();
	}

	Accounts withUser(Account user) {
		List<Account> next = new ArrayList<>(this.users.stream().filter((u) -> !u.name().equals(user.name())).toList());
		next.add(user);
		return new Accounts(next, this.tokens);
	}

	Accounts withoutUser(String name) {
		return new Accounts(this.users.stream().filter((u) -> !u.name().equals(name)).toList(), this.tokens);
	}

	Accounts withToken(Account token) {
		List<Account> next = new ArrayList<>(
				this.tokens.stream().filter((t) -> !t.name().equals(token.name())).toList());
		next.add(token);
		return new Accounts(this.users, next);
	}

	Accounts withoutToken(String name) {
		return new Accounts(this.users, this.tokens.stream().filter((t) -> !t.name().equals(name)).toList());
	}

	long admins() {
		return this.users.stream().filter((user) -> user.roles().contains(Role.ADMIN)).count();
	}

}
