package org.harbinger.system.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harbinger.system.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in (the login form's post, or HTTP Basic credentials) while
 * {@link LoginThrottle} holds its account or address locked, before the password is
 * looked at: the form goes back to {@code /login?locked}, the API answers 429 with
 * {@code Retry-After}.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final String BASIC = "Basic ";

	private static final RequestMatcher LOGIN_FORM = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/login");

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = LOGIN_FORM.matches(request);
		String account = form ? request.getParameter("username")
				: basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
		Duration wait = (account != null) ? this.throttle.wait(account, request.getRemoteAddr()) : Duration.ZERO;
		if (wait.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, wait.toSeconds() + ((wait.toMillisPart() > 0) ? 1 : 0));
		if (form) {
			response.sendRedirect(request.getContextPath() + "/login?locked");
			return;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		Problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS,
				"too many failed sign-ins for this account or address; try again in " + seconds + " s"));
	}

	/**
	 * The user name of HTTP Basic credentials, or null when there are none or they cannot
	 * be read.
	 */
	private static String basicUser(String header) {
		if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			return null;
		}
		try {
			String credentials = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
					StandardCharsets.UTF_8);
			int colon = credentials.indexOf(':');
			return (colon < 0) ? null : credentials.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
