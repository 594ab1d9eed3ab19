package org.harbinger.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls ACLED's API as it documents it: an OAuth password grant at {@code /oauth/token}
 * (client {@code acled}, scope {@code authenticated}), the access token as a bearer on
 * every call, and on a 401 the refresh token (or, refused, a new grant) once before
 * giving up. A 429, a 5xx or no answer is tried again after {@code Retry-After} or a
 * doubling back-off, at most {@code max-attempts} times. Neither the password nor a token
 * ever reaches a log line or an error message: messages name the URL (which carries none)
 * and the status.
 */
final class AcledClient {

	private static final Logger logger = LoggerFactory.getLogger(AcledClient.class);

	/** The longest piece of an answer's own message quoted in an error. */
	private static final int QUOTED = 300;

	private final AcledProperties settings;

	private final HttpClient http;

	private final JsonMapper json;

	private String accessToken;

	private String refreshToken;

	AcledClient(AcledProperties settings, HttpClient http, JsonMapper json) {
		this.settings = settings;
		this.http = http;
		this.json = json;
	}

	/**
	 * A call ACLED refused, or that could not be made: the pull fails with this message.
	 */
	static final class AcledException extends RuntimeException {

		AcledException(String message) {
			super(message);
		}

	}

	/**
	 * One page of a read endpoint: the rows of its {@code data}, every value as ACLED
	 * sent it.
	 */
	List<JsonNode> read(String path, Map<String, String> query) throws InterruptedException {
		URI uri = uri(path, query);
		HttpResponse<String> response = authorized(uri);
		JsonNode body;
		try {
			body = this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new AcledException(path + " answered something that is not JSON: " + ex.getOriginalMessage());
		}
		if (!body.path("success").asBoolean(true) || !body.path("data").isArray()) {
			throw new AcledException(path + " answered status " + body.path("status").asString("?") + " without data: "
					+ quote(body.path("error").isMissingNode() ? body : body.path("error")));
		}
		List<JsonNode> rows = new ArrayList<>();
		body.path("data").forEach(rows::add);
		return rows;
	}

	URI uri(String path, Map<String, String> query) {
		String base = this.settings.baseUrl().toString().replaceAll("/+$", "");
		String parameters = query.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return URI.create(base + path + (parameters.isEmpty() ? "" : "?" + parameters));
	}

	/** GETs with the bearer token, renewing it once when the answer is 401. */
	private HttpResponse<String> authorized(URI uri) throws InterruptedException {
		if (this.accessToken == null) {
			grant();
		}
		HttpResponse<String> response = withRetries(() -> HttpRequest.newBuilder(uri)
			.timeout(this.settings.timeout())
			.header("Authorization", "Bearer " + this.accessToken)
			.header("Accept", "application/json")
			.GET()
			.build(), uri.getPath());
		if (response.statusCode() == 401) {
			logger.info("ACLED answered 401 to {}: renewing the access token", uri.getPath());
			renew();
			response = withRetries(() -> HttpRequest.newBuilder(uri)
				.timeout(this.settings.timeout())
				.header("Authorization", "Bearer " + this.accessToken)
				.header("Accept", "application/json")
				.GET()
				.build(), uri.getPath());
		}
		if (response.statusCode() == 401 || response.statusCode() == 403) {
			throw new AcledException(uri.getPath() + " answered HTTP " + response.statusCode()
					+ " with a fresh token: the account of harbinger.acled.username may not use the API ("
					+ quote(response.body()) + ")");
		}
		if (response.statusCode() / 100 != 2) {
			throw new AcledException(
					uri.getPath() + " answered HTTP " + response.statusCode() + ": " + quote(response.body()));
		}
		return response;
	}

	/**
	 * The refresh token when there is one; a new password grant when there is none or it
	 * is refused.
	 */
	private void renew() throws InterruptedException {
		if (this.refreshToken != null) {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("grant_type", "refresh_token");
			form.put("refresh_token", this.refreshToken);
			form.put("client_id", "acled");
			if (token(form, false)) {
				return;
			}
			logger.info("ACLED refused the refresh token: asking for a new grant");
		}
		grant();
	}

	private void grant() throws InterruptedException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", this.settings.username());
		form.put("password", this.settings.password());
		form.put("grant_type", "password");
		form.put("client_id", "acled");
		form.put("scope", "authenticated");
		token(form, true);
	}

	/**
	 * Posts a token request; keeps the tokens it answers. Returns false when it is
	 * refused and {@code mustSucceed} is false; throws when it is refused and must
	 * succeed.
	 */
	private boolean token(Map<String, String> form, boolean mustSucceed) throws InterruptedException {
		String body = form.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		URI uri = uri("/oauth/token", Map.of());
		HttpResponse<String> response = withRetries(() -> HttpRequest.newBuilder(uri)
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), uri.getPath());
		JsonNode answer = null;
		try {
			answer = this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			// Described below by its status.
		}
		if (response.statusCode() / 100 == 2 && answer != null && answer.hasNonNull("access_token")) {
			this.accessToken = answer.get("access_token").asString();
			this.refreshToken = answer.hasNonNull("refresh_token") ? answer.get("refresh_token").asString() : null;
			return true;
		}
		if (!mustSucceed) {
			return false;
		}
		// Only the OAuth error's code and description: an answer might echo what was
		// sent.
		String reason = (answer == null) ? "" : (answer.path("error").asString("") + " "
				+ answer.path("error_description").asString(answer.path("message").asString("")))
			.trim();
		throw new AcledException("/oauth/token refused the password grant for harbinger.acled.username (HTTP "
				+ response.statusCode() + (reason.isEmpty() ? "" : ": " + cut(reason)) + ")");
	}

	/**
	 * Sends the request until it is answered with neither 429 nor 5xx, at most
	 * max-attempts times.
	 */
	private HttpResponse<String> withRetries(Supplier<HttpRequest> request, String path) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			Duration wait;
			String why;
			try {
				HttpResponse<String> response = this.http.send(request.get(), HttpResponse.BodyHandlers.ofString());
				int status = response.statusCode();
				if (status != 429 && status < 500) {
					return response;
				}
				why = "HTTP " + status;
				wait = retryAfter(response).orElse(backoff(attempt));
			}
			catch (IOException ex) {
				why = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
				wait = backoff(attempt);
			}
			if (attempt >= this.settings.maxAttempts()) {
				throw new AcledException(path + " failed " + attempt + " times, the last with " + why
						+ " (harbinger.acled.max-attempts is " + this.settings.maxAttempts() + ")");
			}
			wait = min(wait, this.settings.maxBackoff());
			logger.info("ACLED {}: {}; trying again in {} ms (attempt {} of {})", path, why, wait.toMillis(),
					attempt + 1, this.settings.maxAttempts());
			Thread.sleep(wait.toMillis());
		}
	}

	private Duration backoff(int attempt) {
		return min(this.settings.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 20)),
				this.settings.maxBackoff());
	}

	/** {@code Retry-After} in seconds or as an HTTP date. */
	private static Optional<Duration> retryAfter(HttpResponse<?> response) {
		return response.headers().firstValue("Retry-After").map(String::trim).flatMap((value) -> {
			try {
				return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
			}
			catch (NumberFormatException ex) {
				try {
					Duration until = Duration.between(ZonedDateTime.now(),
							ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
					return Optional.of(until.isNegative() ? Duration.ZERO : until);
				}
				catch (DateTimeParseException notADate) {
					return Optional.empty();
				}
			}
		});
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private String quote(Object answer) {
		return cut(String.valueOf(answer));
	}

	private static String cut(String text) {
		String line = text.replaceAll("\\s+", " ").trim();
		return (line.length() <= QUOTED) ? line : line.substring(0, QUOTED) + "…";
	}

}
