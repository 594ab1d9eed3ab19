package org.harbinger.system.security;

import java.util.LinkedHashMap;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what, in one place, by URL: pages use form login with CSRF; the API takes
 * HTTP Basic or a bearer token (a request that carries an Authorization header cannot be
 * forged cross-site, so CSRF is not asked of it); health is open; every other API path
 * must be granted here on purpose, or it is denied. Sign-ins pass the throttle first
 * ({@link LoginThrottle}); every answer carries the browser protections of
 * docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	private static final String ANALYST = Role.ANALYST.name();

	private static final String RULE_AUTHOR = Role.RULE_AUTHOR.name();

	private static final String ADMIN = Role.ADMIN.name();

	private static final String INGEST = Role.INGEST.name();

	/**
	 * The dashboard serves only its own style sheets and inline SVG, and no script at
	 * all: anything else a page tried to load (an injected script, a style, a frame) is
	 * refused by the browser.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	/** springdoc's document and Swagger UI's pages and assets. */
	static final String[] OPENAPI_PATHS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	/**
	 * Swagger UI runs its own scripts and inline styles, served from here; only its pages
	 * get them, the dashboard keeps the policy above.
	 */
	static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	/**
	 * Before the web server starts (after the singletons, not as a runner): a first
	 * sign-in as soon as the port answers must find the admin.
	 */
	@Bean
	SmartInitializingSingleton firstAdmin(Users users, Environment environment) {
		return () -> users.ensureAdmin(environment.getProperty("HARBINGER_ADMIN_PASSWORD"));
	}

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(ADMIN)
			.implies(ANALYST)
			.role(RULE_AUTHOR)
			.implies(ANALYST)
			.build();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Users users, LoginThrottle throttle) throws Exception {
		// The OpenAPI document answers an anonymous caller as the API does (401, or the
		// sign-in form for a browser).
		var api = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"));
		var swaggerUi = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));
		var actuator = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
		var basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName("Harbinger");
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/prometheus")
			.hasAnyRole(ADMIN, ANALYST)
			.requestMatchers("/actuator/**")
			.hasRole(ADMIN)
			// the OpenAPI document and Swagger UI: anyone signed in, whatever their roles
			.requestMatchers(OPENAPI_PATHS)
			.authenticated());
		http.authorizeHttpRequests((requests) -> {
			// the API, from the one table the OpenAPI document names roles from
			for (var grant : ApiGrants.GRANTS) {
				var granted = requests.requestMatchers(grant.method(), ApiGrants.patterns(grant));
				if (grant.roles().isEmpty()) {
					granted.denyAll();
				}
				else {
					granted.hasAnyRole(ApiGrants.names(grant.roles()));
				}
			}
		});
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/admin/**").hasRole(ADMIN).anyRequest().hasRole(ANALYST));
		http.formLogin((form) -> form.loginPage("/login").permitAll());
		http.logout((logout) -> logout.logoutSuccessUrl("/login?logout"));
		http.httpBasic((httpBasic) -> httpBasic.authenticationEntryPoint(basic));
		// A browser that opens an API address is sent to the sign-in form, never offered
		// a Basic
		// prompt: credentials a browser caches from that prompt go along with forged
		// cross-site posts.
		var browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		var login = new LoginUrlAuthenticationEntryPoint("/login");
		var entryPoints = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
		entryPoints.put(new AndRequestMatcher(api, browser), login);
		entryPoints.put(api, basic);
		entryPoints.put(actuator, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
		var entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
		entryPoint.setDefaultEntryPoint(login);
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(anonymousApiCallsAreAskedToSignIn(api, entryPoint)));
		http.headers((headers) -> headers
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
					new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
					new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frames) -> frames.deny()));
		http.csrf((csrf) -> csrf.ignoringRequestMatchers((request) -> request.getHeader("Authorization") != null));
		http.addFilterBefore(new TokenAuthenticationFilter(users), BasicAuthenticationFilter.class);
		http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
		http.userDetailsService(users);
		return http.build();
	}

	/**
	 * CSRF is checked before anyone is authenticated, so an API write without credentials
	 * would be refused as a forgery (403); it is a missing sign-in, answered by the API's
	 * entry point (401). A signed-in user without the token is still refused (403).
	 */
	private static AccessDeniedHandler anonymousApiCallsAreAskedToSignIn(RequestMatcher api,
			AuthenticationEntryPoint entryPoint) {
		var denied = new AccessDeniedHandlerImpl();
		var trust = new AuthenticationTrustResolverImpl();
		return (request, response, exception) -> {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			if (api.matches(request) && (authentication == null || trust.isAnonymous(authentication))) {
				entryPoint.commence(request, response,
						new InsufficientAuthenticationException("Credentials are required", exception));
			}
			else {
				denied.handle(request, response, exception);
			}
		};
	}

}
