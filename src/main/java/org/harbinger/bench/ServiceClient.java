package org.harbinger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running service seen as its clients see it, over HTTP on loopback: pages with the
 * session cookie a browser gets from the sign-in form, API calls with a bearer token.
 * Each call reads the whole answer, so its time is what the client waits for.
 */
public final class ServiceClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private final URI base;

	/** Keeps the session cookie; never follows a redirect, so one to sign in shows. */
	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final HttpClient api = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private String token;

	/** One call: its HTTP status, the bytes of its body and how long it took in all. */
	public record Answer(int status, byte[] body, double millis) {

		public boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	public ServiceClient(URI base) {
		this.base = base;
	}

	/**
	 * Signs in as a user would: the sign-in form with its CSRF token for the pages, and a
	 * token for the API made with the user's password and the roles given.
	 */
	public void signIn(String user, String password, String tokenName, String... roles) {
		Answer form = send(this.browser, request("/login").GET().build());
		Matcher csrf = CSRF.matcher(form.text());
		if (!csrf.find()) {
			throw new IllegalStateException("The sign-in page has no CSRF field: " + form.status());
		}
		String fields = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
				+ encode(csrf.group(1));
		HttpResponse<byte[]> signedIn = exchange(this.browser,
				request("/login").header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(fields))
					.build());
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Sign-in refused: " + signedIn.statusCode() + " " + location);
		}
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		String roleList = String.join("\",\"", roles);
		Answer made = send(this.api,
				request("/api/tokens").header("Authorization", "Basic " + basic)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"name\":\"" + tokenName + "\",\"roles\":[\"" + roleList + "\"]}"))
					.build());
		Matcher token = TOKEN.matcher(made.text());
		if (!made.ok() || !token.find()) {
			throw new IllegalStateException("No API token: " + made.status() + " " + made.text());
		}
		this.token = token.group(1);
	}

	/** A page, with the session cookie. */
	public Answer page(String path) {
		return send(this.browser, request(path).header("Accept", "text/html").GET().build());
	}

	/** An API read, with the token. */
	public Answer get(String path) {
		return send(this.api, authorized(path).GET().build());
	}

	/** An API write of a JSON body (or none), with the token. */
	public Answer post(String path, String json) {
		return send(this.api, authorized(path).header("Content-Type", "application/json")
			.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private HttpRequest.Builder authorized(String path) {
		return request(path).header("Authorization", "Bearer " + this.token);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.base.resolve(path)).timeout(Duration.ofMinutes(5));
	}

	private static Answer send(HttpClient client, HttpRequest request) {
		long began = System.nanoTime();
		HttpResponse<byte[]> response = exchange(client, request);
		return new Answer(response.statusCode(), response.body(), (System.nanoTime() - began) / 1e6);
	}

	private static HttpResponse<byte[]> exchange(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling " + request.uri(), ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
