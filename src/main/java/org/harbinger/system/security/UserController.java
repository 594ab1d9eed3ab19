package org.harbinger.system.security;

import java.util.List;
import java.util.Map;

import org.harbinger.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators manage users and feed tokens; secrets are stored only as hashes. */
@RestController
class UserController {

	private final Users users;

	UserController(Users users) {
		this.users = users;
	}

	record AccountView(String name, List<Role> roles) {
	}

	record UserChange(String password, List<Role> roles) {
	}

	record TokenRequest(String name, List<Role> roles) {
	}

	@GetMapping("/api/users")
	Map<String, List<AccountView>> list() {
		Accounts accounts = this.users.current();
		return Map.of("users", views(accounts.users()), "tokens", views(accounts.tokens()));
	}

	@PutMapping("/api/users/{name}")
	ResponseEntity<AccountView> put(@PathVariable String name, @RequestBody UserChange change) {
		check(UsersFile.NAME.matcher(name).matches(), "name: letters, digits and . _ @ - only");
		check(change.roles() != null && !change.roles().isEmpty(), "roles: at least one of " + List.of(Role.values()));
		boolean exists = this.users.current().user(name).isPresent();
		check(exists || change.password() != null, "password: required for a new user");
		if (change.password() != null) {
			PasswordPolicy.problem(change.password()).ifPresent((problem) -> check(false, "password: " + problem));
		}
		this.users.putUser(name, change.password(), change.roles());
		return ResponseEntity.status(exists ? HttpStatus.OK : HttpStatus.CREATED)
			.body(new AccountView(name, change.roles()));
	}

	@DeleteMapping("/api/users/{name}")
	ResponseEntity<Void> delete(@PathVariable String name) {
		if (!this.users.removeUser(name)) {
			throw Problems.notFound("no user '" + name + "'");
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/tokens")
	ResponseEntity<Map<String, Object>> createToken(@RequestBody TokenRequest request) {
		check(request.name() != null && UsersFile.NAME.matcher(request.name()).matches(),
				"name: letters, digits and . _ @ - only");
		check(request.roles() != null && !request.roles().isEmpty(),
				"roles: at least one of " + List.of(Role.values()));
		String token = this.users.createToken(request.name(), request.roles());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("name", request.name(), "roles", request.roles(), "token", token, "note",
					"Shown only this once; Harbinger keeps only its hash. Send it as 'Authorization: Bearer <token>'."));
	}

	@DeleteMapping("/api/tokens/{name}")
	ResponseEntity<Void> deleteToken(@PathVariable String name) {
		if (!this.users.removeToken(name)) {
			throw Problems.notFound("no token '" + name + "'");
		}
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> invalid(IllegalArgumentException ex) {
		return Problems.badRequest(ex.getMessage());
	}

	@ExceptionHandler(IllegalStateException.class)
	ResponseEntity<ProblemDetail> conflict(IllegalStateException ex) {
		return Problems.answer(Problems.of(HttpStatus.CONFLICT, ex.getMessage()));
	}

	private static List<AccountView> views(List<Account> accounts) {
		return accounts.stream().map((account) -> new AccountView(account.name(), account.roles())).toList();
	}

	private static void check(boolean condition, String problem) {
		if (!condition) {
			throw new IllegalArgumentException(problem);
		}
	}

}
