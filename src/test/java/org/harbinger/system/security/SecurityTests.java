package org.harbinger.system.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.harbinger.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each role can do its work and nothing more, checked with the real users file of the
 * test context (HTTP Basic, form login, a bearer token), against the real endpoints.
 */
@EndToEndTest
class SecurityTests {

	private static final String TOKEN = "hbt_test-ingest-token";

	@Autowired
	private MockMvc mvc;

	@LocalServerPort
	private int port;

	/** Who calls what, and whether it is theirs to call. */
	static Stream<Arguments> calls() {
		return Stream.of(
				// analyst: reads
				arguments("analyst", HttpMethod.GET, "/api/alerts", true),
				arguments("analyst", HttpMethod.GET, "/api/outbox", true),
				arguments("analyst", HttpMethod.GET, "/api/imports", true),
				arguments("analyst", HttpMethod.GET, "/api/actors/unknown", true),
				arguments("analyst", HttpMethod.POST, "/api/incidents", false),
				arguments("analyst", HttpMethod.DELETE, "/api/incidents/acled/X1", false),
				arguments("analyst", HttpMethod.POST, "/api/backtest", false),
				arguments("analyst", HttpMethod.POST, "/api/subscriptions/none/digest", false),
				arguments("analyst", HttpMethod.GET, "/api/users", false),
				arguments("analyst", HttpMethod.GET, "/api/thresholds", true),
				arguments("analyst", HttpMethod.GET, "/api/rules/status", true),
				arguments("analyst", HttpMethod.GET, "/api/silences", true),
				arguments("analyst", HttpMethod.GET, "/api/feeds/alerts.csv", true),
				arguments("analyst", HttpMethod.PUT, "/api/thresholds", false),
				arguments("analyst", HttpMethod.POST, "/api/thresholds/preview", false),
				arguments("analyst", HttpMethod.GET, "/api/thresholds/audit", false),
				arguments("analyst", HttpMethod.GET, "/api/subscriptions", false),
				arguments("analyst", HttpMethod.POST, "/api/silences", false),
				arguments("analyst", HttpMethod.POST, "/api/rules/reload", false),
				// rule author: backtests, and reads like an analyst
				arguments("author", HttpMethod.POST, "/api/backtest", true),
				arguments("author", HttpMethod.GET, "/api/alerts", true),
				arguments("author", HttpMethod.POST, "/api/incidents", false),
				arguments("author", HttpMethod.POST, "/api/subscriptions/none/digest", false),
				arguments("author", HttpMethod.GET, "/api/users", false),
				arguments("author", HttpMethod.POST, "/api/rules/reload", true),
				arguments("author", HttpMethod.POST, "/api/thresholds/preview", true),
				arguments("author", HttpMethod.PUT, "/api/thresholds", false),
				arguments("author", HttpMethod.POST, "/api/silences", false),
				// administrator: subscriptions and users, and reads like an analyst
				arguments("admin", HttpMethod.GET, "/api/users", true),
				arguments("admin", HttpMethod.POST, "/api/subscriptions/none/digest", true),
				arguments("admin", HttpMethod.GET, "/api/alerts", true),
				arguments("admin", HttpMethod.POST, "/api/backtest", false),
				arguments("admin", HttpMethod.POST, "/api/incidents", false),
				arguments("admin", HttpMethod.PUT, "/api/thresholds", true),
				arguments("admin", HttpMethod.POST, "/api/thresholds/preview", true),
				arguments("admin", HttpMethod.GET, "/api/thresholds/audit", true),
				arguments("admin", HttpMethod.GET, "/api/subscriptions", true),
				arguments("admin", HttpMethod.POST, "/api/silences", true),
				arguments("admin", HttpMethod.POST, "/api/rules/reload", false),
				arguments("admin", HttpMethod.POST, "/api/acled/pull", true),
				arguments("analyst", HttpMethod.POST, "/api/acled/pull", false),
				arguments("ingest", HttpMethod.POST, "/api/acled/pull", false),
				// ingest: feeds incidents in, reads nothing else
				arguments("ingest", HttpMethod.POST, "/api/incidents", true),
				arguments("ingest", HttpMethod.DELETE, "/api/incidents/acled/X1", true),
				arguments("ingest", HttpMethod.GET, "/api/imports", true),
				arguments("ingest", HttpMethod.GET, "/api/alerts", false),
				arguments("ingest", HttpMethod.POST, "/api/backtest", false),
				arguments("ingest", HttpMethod.GET, "/api/users", false),
				arguments("ingest", HttpMethod.GET, "/api/feeds/alerts.csv", false),
				arguments("ingest", HttpMethod.GET, "/api/rules/status", false));
	}

	@ParameterizedTest(name = "{0} {1} {2} allowed={3}")
	@MethodSource("calls")
	void eachRoleMayCallItsOwnEndpointsAndGetsA403ForOthers(String user, HttpMethod method, String path,
			boolean allowed) throws Exception {
		MvcResult result = this.mvc.perform(call(method, path).with(httpBasic(user, user + "-password"))).andReturn();

		int status = result.getResponse().getStatus();
		if (allowed) {
			assertThat(status).as("%s %s %s", user, method, path).isNotIn(401, 403);
		}
		else {
			assertThat(status).as("%s %s %s", user, method, path).isEqualTo(403);
		}
	}

	@Test
	void anUnauthenticatedApiRequestGetsA401WithABasicChallenge() throws Exception {
		this.mvc.perform(get("/api/alerts").with(anonymous()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Basic realm=\"Harbinger\"")));
	}

	@Test
	void anUnauthenticatedApiWriteGetsA401NotACsrfRefusal() throws Exception {
		this.mvc
			.perform(post("/api/incidents").with(anonymous())
				.with(csrf().useInvalidToken())
				.contentType(MediaType.APPLICATION_JSON)
				.content("[]"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Basic realm=\"Harbinger\"")));
		this.mvc
			.perform(request(HttpMethod.DELETE, "/api/users/admin").with(anonymous()).with(csrf().useInvalidToken()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void pagesForbidScriptsFramesAndForeignReferrers() throws Exception {
		this.mvc.perform(get("/login").with(anonymous()))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void theSessionCookieIsSameSiteAndHiddenFromScripts() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(page.headers().allValues(HttpHeaders.SET_COOKIE))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax"));
	}

	@Test
	void aBrowserOpeningAnApiAddressIsSentToTheSignInFormWithoutABasicPrompt() throws Exception {
		this.mvc.perform(get("/api/alerts").with(anonymous()).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"))
			.andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
	}

	@Test
	void aWrongPasswordGetsA401() throws Exception {
		this.mvc.perform(get("/api/alerts").with(httpBasic("analyst", "not-the-password")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anUnauthenticatedPageRequestIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/alerts").with(anonymous()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/login").with(anonymous())).andExpect(status().isOk());
	}

	@Test
	void healthIsOpenButOtherActuatorEndpointsAreNot() throws Exception {
		this.mvc.perform(get("/actuator/health").with(anonymous())).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/info").with(anonymous())).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/env").with(httpBasic("analyst", "analyst-password")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theH2ConsoleIsOff() throws Exception {
		this.mvc.perform(get("/h2-console/").with(httpBasic("admin", "admin-password")))
			.andExpect(status().isNotFound());
	}

	@Test
	void formLoginSignsInAndAWrongPasswordReturnsToTheForm() throws Exception {
		this.mvc
			.perform(
					post("/login").with(anonymous()).param("username", "analyst").param("password", "analyst-password"))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(post("/login").with(anonymous()).param("username", "analyst").param("password", "wrong"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aSessionUserMustSendTheCsrfTokenButAnApiClientWithCredentialsNeedNot() throws Exception {
		RequestPostProcessor sessionUser = user("author").roles("RULE_AUTHOR");
		this.mvc.perform(post("/api/backtest").with(sessionUser).with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/backtest").with(httpBasic("author", "author-password")).with(csrf().useInvalidToken()))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isNotIn(401, 403));
	}

	@Test
	void aFeedTokenMayPostIncidentsButReadNothingElse() throws Exception {
		this.mvc
			.perform(post("/api/incidents").with(anonymous())
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("[]"))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isNotIn(401, 403));
		this.mvc.perform(get("/api/alerts").with(anonymous()).header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/alerts").with(anonymous()).header(HttpHeaders.AUTHORIZATION, "Bearer hbt_forged"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anAdminCreatesAUserAndATokenThatThenWork() throws Exception {
		this.mvc
			.perform(put("/api/users/desk-analyst").with(httpBasic("admin", "admin-password"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"password\":\"a-long-enough-password\",\"roles\":[\"ANALYST\"]}"))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/alerts").with(httpBasic("desk-analyst", "a-long-enough-password")))
			.andExpect(status().isOk());
		this.mvc
			.perform(put("/api/users/desk-analyst").with(httpBasic("admin", "admin-password"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"password\":\"short\",\"roles\":[\"ANALYST\"]}"))
			.andExpect(status().isBadRequest());

		String body = this.mvc
			.perform(post("/api/tokens").with(httpBasic("admin", "admin-password"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"desk-feed\",\"roles\":[\"INGEST\"]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token").isString())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		this.mvc.perform(get("/api/imports").with(anonymous()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/users").with(httpBasic("admin", "admin-password")))
			.andExpect(jsonPath("$.tokens[?(@.name == 'desk-feed')].roles[0]").value("INGEST"))
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString()).doesNotContain(token)
				.doesNotContain("$2a$"));
		// The README's revocation: the token stops working at once.
		this.mvc.perform(request(HttpMethod.DELETE, "/api/tokens/desk-feed").with(httpBasic("admin", "admin-password")))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/imports").with(anonymous()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isUnauthorized());

		this.mvc
			.perform(request(HttpMethod.DELETE, "/api/users/desk-analyst").with(httpBasic("admin", "admin-password")))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/alerts").with(httpBasic("desk-analyst", "a-long-enough-password")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theLastAdminCannotBeRemoved() throws Exception {
		this.mvc.perform(request(HttpMethod.DELETE, "/api/users/admin").with(httpBasic("admin", "admin-password")))
			.andExpect(status().isConflict());
	}

	private static MockHttpServletRequestBuilder call(HttpMethod method, String path) {
		MockHttpServletRequestBuilder builder = request(method, path);
		return (method == HttpMethod.GET || method == HttpMethod.DELETE) ? builder
				: builder.contentType(MediaType.APPLICATION_JSON).content("[]");
	}

}
