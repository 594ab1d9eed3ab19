package org.harbinger.system.security;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which API path, in the order Spring Security checks them (the first grant
 * that matches decides). One table serves both the filter chain and the OpenAPI document,
 * so the roles the document names are the roles enforced. A path no grant names falls to
 * the last grant, {@code /api/**} for nobody: every API path is granted here on purpose,
 * or denied.
 */
public final class ApiGrants {

	/**
	 * One rule: a method (null for any) and path patterns, open to any of the roles
	 * (none: denied).
	 */
	public record Grant(HttpMethod method, List<String> patterns, List<Role> roles) {

		boolean matches(HttpMethod method, String path) {
			return (this.method == null || this.method.equals(method)) && this.patterns.stream()
				.map(PathPatternParser.defaultInstance::parse)
				.anyMatch((PathPattern pattern) -> pattern.matches(PathContainer.parsePath(path)));
		}

	}

	static final List<Grant> GRANTS = List.of(
			// analysts: read, acknowledge, comment
			grant(HttpMethod.GET, List.of(Role.ANALYST), "/api/alerts/**", "/api/incidents/**", "/api/actors/**",
					"/api/outbox", "/api/silences/**", "/api/rules/status", "/api/thresholds", "/api/feeds/**"),
			grant(HttpMethod.POST, List.of(Role.ANALYST), "/api/alerts/*/acknowledge", "/api/alerts/*/comments"),
			// rule authors
			grant(HttpMethod.POST, List.of(Role.RULE_AUTHOR), "/api/rules/reload", "/api/backtest"),
			grant(HttpMethod.POST, List.of(Role.ADMIN, Role.RULE_AUTHOR), "/api/thresholds/preview"),
			// administrators
			grant(null, List.of(Role.ADMIN), "/api/thresholds/**", "/api/thresholds", "/api/subscriptions/**",
					"/api/subscriptions", "/api/silences/**", "/api/silences", "/api/users/**", "/api/users",
					"/api/tokens/**", "/api/tokens", "/api/security/**"),
			grant(HttpMethod.POST, List.of(Role.ADMIN), "/api/outbox/**"),
			grant(HttpMethod.POST, List.of(Role.ADMIN), "/api/acled/pull"),
			// feeds
			grant(HttpMethod.POST, List.of(Role.INGEST), "/api/incidents", "/api/incidents/import"),
			grant(HttpMethod.DELETE, List.of(Role.INGEST), "/api/incidents/**"),
			grant(HttpMethod.GET, List.of(Role.INGEST, Role.ANALYST), "/api/imports/**", "/api/imports"),
			grant(null, List.of(), "/api/**"));

	private ApiGrants() {
	}

	private static Grant grant(HttpMethod method, List<Role> roles, String... patterns) {
		return new Grant(method, List.of(patterns), roles);
	}

	/**
	 * The roles that may call a method on a path (an OpenAPI template such as
	 * {@code /api/alerts/{id}} matches as its own literal segments); empty when it is
	 * denied.
	 */
	public static Optional<List<Role>> rolesFor(HttpMethod method, String path) {
		return GRANTS.stream().filter((grant) -> grant.matches(method, path)).findFirst().map(Grant::roles);
	}

	static String[] names(List<Role> roles) {
		return roles.stream().map(Role::name).toArray(String[]::new);
	}

	static String[] patterns(Grant grant) {
		return grant.patterns().toArray(String[]::new);
	}

}
