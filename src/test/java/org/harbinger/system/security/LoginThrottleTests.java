package org.harbinger.system.security;

import java.util.ArrayList;
import java.util.List;

import org.harbinger.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guessing passwords is slowed down per account and per client address, for HTTP Basic
 * and the sign-in form, and each lock is logged and audited. Each test uses an account
 * and a client address of its own (documentation ranges), so the locks it causes touch no
 * other test in the shared context.
 */
@EndToEndTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void fortyWrongPasswordsInARowAreThrottledLoggedAndAudited(CapturedOutput output) throws Exception {
		this.mvc
			.perform(put("/api/users/throttled-analyst").with(httpBasic("admin", "admin-password"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"password\":\"the-right-passphrase\",\"roles\":[\"ANALYST\"]}"))
			.andExpect(status().isCreated());

		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			statuses.add(
					this.mvc
						.perform(get("/api/alerts").with(httpBasic("throttled-analyst", "guess-" + i))
							.with(from("198.51.100.7")))
						.andReturn()
						.getResponse()
						.getStatus());
		}

		assertThat(statuses.subList(0, 6)).as("five free attempts, and the sixth locks").containsOnly(401);
		assertThat(statuses.subList(6, 40)).as("refused unchecked while locked").containsOnly(429);
		this.mvc
			.perform(get("/api/alerts").with(httpBasic("throttled-analyst", "the-right-passphrase"))
				.with(from("198.51.100.7")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "30"));
		this.mvc
			.perform(post("/login").with(anonymous())
				.with(from("203.0.113.50"))
				.param("username", "THROTTLED-analyst")
				.param("password", "the-right-passphrase"))
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(get("/api/security/events").with(httpBasic("admin", "admin-password")))
			.andExpect(jsonPath("$.events[?(@.account == 'throttled-analyst' && @.kind == 'LOGIN_LOCKED')].detail")
				.value("account locked for 30 s after 6 failed sign-ins in a row"))
			.andExpect(jsonPath("$.events[?(@.account == 'throttled-analyst')].address").value("198.51.100.7"));
		assertThat(output).contains("Sign-in locked: account locked for 30 s after 6 failed sign-ins in a row "
				+ "(account 'throttled-analyst', address 198.51.100.7)");
		this.mvc.perform(get("/api/users").with(httpBasic("analyst", "wrong")).with(from("198.51.100.8")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void oneAddressTryingManyAccountsIsLockedForAllOfThem(CapturedOutput output) throws Exception {
		for (int i = 0; i < 31; i++) {
			this.mvc
				.perform(post("/login").with(anonymous())
					.with(from("192.0.2.66"))
					.param("username", "sprayed-" + i)
					.param("password", "Winter2022!"))
				.andExpect(redirectedUrl("/login?error"));
		}

		this.mvc
			.perform(post("/login").with(anonymous())
				.with(from("192.0.2.66"))
				.param("username", "analyst")
				.param("password", "analyst-password"))
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc
			.perform(post("/login").with(anonymous())
				.with(from("192.0.2.67"))
				.param("username", "analyst")
				.param("password", "analyst-password"))
			.andExpect(redirectedUrl("/"));
		assertThat(output).contains("Sign-in locked: address locked for 30 s after 31 failed sign-ins in a row");
	}

	@Test
	void aSignInAfterFailuresIsAuditedAndClearsTheAccountsCount() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/alerts").with(httpBasic("author", "guess-" + i)).with(from("198.51.100.20")))
				.andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/api/alerts").with(httpBasic("author", "author-password")).with(from("198.51.100.20")))
			.andExpect(status().isOk());

		this.mvc.perform(get("/api/security/events").with(httpBasic("admin", "admin-password")))
			.andExpect(jsonPath("$.events[?(@.account == 'author' && @.kind == 'LOGIN_AFTER_FAILURES')].detail")
				.value("signed in after 3 failed attempts"));
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
