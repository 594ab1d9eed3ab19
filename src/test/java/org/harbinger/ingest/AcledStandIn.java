package org.harbinger.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process stand-in of ACLED's API on loopback, shaped as ACLED documents it: an
 * OAuth password grant and refresh at {@code /oauth/token} (form fields, client
 * {@code acled}, scope {@code authenticated}, answer {@code token_type},
 * {@code expires_in}, {@code access_token}, {@code refresh_token});
 * {@code /api/acled/read?_format=json} and {@code /api/deleted/read?_format=json} behind
 * a bearer token, filtered by {@code country} ({@code |} between values),
 * {@code event_date} with {@code event_date_where=BETWEEN}, {@code timestamp} and
 * {@code deleted_timestamp} (at least, ACLED's default), paged by {@code limit} and
 * {@code page}, newest event first, answering
 * {@code {"status":200,"success":true,"last_update":..,"count":N,"messages":[],"data":[...],"filename":..}}
 * with every value a string. Faults on demand: the token expiring after some calls, 429s
 * with {@code Retry-After}, 5xx, a refused refresh token.
 */
public final class AcledStandIn implements AutoCloseable {

	public static final String USERNAME = "desk@analysis.test";

	public static final String PASSWORD = "Pa55-word!of the desk";

	private final HttpServer server;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Map<String, String>> events = new CopyOnWriteArrayList<>();

	private final List<Map<String, String>> deleted = new CopyOnWriteArrayList<>();

	/** Every request: method, path and query (decoded), for the tests to read. */
	private final List<Request> requests = new CopyOnWriteArrayList<>();

	/** Every token handed out, so a test can look for them where they must not be. */
	private final List<String> issued = new CopyOnWriteArrayList<>();

	private final Set<String> valid = new HashSet<>();

	private final Set<String> refreshable = new HashSet<>();

	private volatile int expireAfterCalls = -1;

	private final AtomicInteger dataCalls = new AtomicInteger();

	private final AtomicInteger tooManyRequests = new AtomicInteger();

	private volatile int tooManyRequestsOnPage = -1;

	private volatile int failingStatus;

	private volatile boolean refuseRefresh;

	private int serial;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	/** While set, data calls wait for it: a pull that takes its time. */
	private volatile CountDownLatch hold;

	public record Request(String method, String path, Map<String, String> query, String grantType) {
	}

	public AcledStandIn() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/oauth/token", this::token);
		this.server.createContext("/api/acled/read", (exchange) -> read(exchange, this.events, "timestamp"));
		this.server.createContext("/api/deleted/read", (exchange) -> read(exchange, this.deleted, "deleted_timestamp"));
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	public AcledStandIn add(Map<String, String> event) {
		this.events.add(new LinkedHashMap<>(event));
		return this;
	}

	/**
	 * A quiet protest in Kabul on {@code date}, {@code fatalities} as given, for tests
	 * outside this package.
	 */
	public AcledStandIn addProtest(String id, String date, String fatalities) {
		return add(AcledRow.of(id)
			.set("event_date", date)
			.set("year", date.substring(0, 4))
			.set("fatalities", fatalities)
			.api());
	}

	/**
	 * ACLED deletes an event: it leaves the data and joins the deletions, stamped
	 * {@code deletedTimestamp}.
	 */
	public void delete(String eventId, long deletedTimestamp) {
		this.events.removeIf((event) -> event.get("event_id_cnty").equals(eventId));
		this.deleted.add(Map.of("event_id_cnty", eventId, "deleted_timestamp", String.valueOf(deletedTimestamp)));
	}

	/**
	 * The access token in use stops working after this many more data calls (it expires
	 * mid-pull).
	 */
	public void expireTokenAfter(int calls) {
		this.dataCalls.set(0);
		this.expireAfterCalls = calls;
	}

	/**
	 * The first {@code times} requests for this page of the events answer 429 with
	 * Retry-After: 0.
	 */
	public void tooManyRequestsOnPage(int page, int times) {
		this.tooManyRequestsOnPage = page;
		this.tooManyRequests.set(times);
	}

	/** Every data call answers this status (0: none). */
	public void failWith(int status) {
		this.failingStatus = status;
	}

	/** Data calls wait until {@link #release()}. */
	public void hold() {
		this.hold = new CountDownLatch(1);
	}

	public void release() {
		this.hold.countDown();
	}

	public void refuseRefreshTokens() {
		this.refuseRefresh = true;
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	public List<String> issuedTokens() {
		return List.copyOf(this.issued);
	}

	private synchronized void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String grant = form.getOrDefault("grant_type", "");
		this.requests.add(new Request(exchange.getRequestMethod(), "/oauth/token", Map.of(), grant));
		boolean ok = exchange.getRequestMethod().equals("POST")
				&& "application/x-www-form-urlencoded".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
				&& "acled".equals(form.get("client_id")) && switch (grant) {
					case "password" -> USERNAME.equals(form.get("username")) && PASSWORD.equals(form.get("password"))
							&& "authenticated".equals(form.get("scope"));
					case "refresh_token" -> !this.refuseRefresh && this.refreshable.remove(form.get("refresh_token"));
					default -> false;
				};
		if (!ok) {
			send(exchange, 400,
					Map.of("error", "invalid_grant", "error_description", "The user credentials were incorrect."));
			return;
		}
		this.serial++;
		String access = "access-" + this.serial + "-" + Long.toHexString(System.nanoTime());
		String refresh = "refresh-" + this.serial + "-" + Long.toHexString(System.nanoTime());
		this.valid.add(access);
		this.refreshable.add(refresh);
		this.issued.add(access);
		this.issued.add(refresh);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("token_type", "Bearer");
		answer.put("expires_in", 86400);
		answer.put("access_token", access);
		answer.put("refresh_token", refresh);
		send(exchange, 200, answer);
	}

	private void read(HttpExchange exchange, List<Map<String, String>> rows, String timeField) throws IOException {
		Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
		CountDownLatch waiting = this.hold;
		if (waiting != null) {
			try {
				waiting.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query, null));
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		synchronized (this) {
			String token = (authorization != null && authorization.startsWith("Bearer ")) ? authorization.substring(7)
					: "";
			if (!this.valid.contains(token)) {
				send(exchange, 401, Map.of("message", "The access token is invalid or expired."));
				return;
			}
			if (this.expireAfterCalls >= 0 && this.dataCalls.incrementAndGet() > this.expireAfterCalls) {
				this.expireAfterCalls = -1;
				this.valid.remove(token);
				send(exchange, 401, Map.of("message", "The access token is invalid or expired."));
				return;
			}
		}
		int page = Integer.parseInt(query.getOrDefault("page", "1"));
		if (timeField.equals("timestamp") && page == this.tooManyRequestsOnPage
				&& this.tooManyRequests.getAndDecrement() > 0) {
			exchange.getResponseHeaders().add("Retry-After", "0");
			send(exchange, 429, Map.of("message", "Too many requests"));
			return;
		}
		if (this.failingStatus != 0) {
			send(exchange, this.failingStatus, Map.of("message", "Service unavailable"));
			return;
		}
		if (!"json".equals(query.get("_format"))) {
			send(exchange, 400,
					Map.of("status", 400, "success", false, "error", Map.of("message", "_format=json expected")));
			return;
		}
		List<Map<String, String>> matching = new ArrayList<>(
				rows.stream().filter((row) -> matches(row, query, timeField)).toList());
		matching.sort(Comparator.comparing((Map<String, String> row) -> row.getOrDefault("event_date", ""))
			.reversed()
			.thenComparing((row) -> row.get("event_id_cnty")));
		int limit = Integer.parseInt(query.getOrDefault("limit", "5000"));
		int from = Math.min(matching.size(), (page - 1) * limit);
		List<Map<String, String>> data = matching.subList(from, Math.min(matching.size(), from + limit));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("status", 200);
		answer.put("success", true);
		answer.put("last_update", 12);
		answer.put("count", data.size());
		answer.put("messages", List.of());
		answer.put("data", data);
		answer.put("filename", "ACLED-stand-in");
		send(exchange, 200, answer);
	}

	private static boolean matches(Map<String, String> row, Map<String, String> query, String timeField) {
		String countries = query.get("country");
		if (countries != null && !List.of(countries.split("\\|")).contains(row.get("country"))) {
			return false;
		}
		String dates = query.get("event_date");
		if (dates != null) {
			if (!"BETWEEN".equals(query.get("event_date_where"))) {
				return row.get("event_date").equals(dates);
			}
			String[] range = dates.split("\\|");
			String date = row.get("event_date");
			if (date.compareTo(range[0]) < 0 || date.compareTo(range[1]) > 0) {
				return false;
			}
		}
		String time = query.get(timeField);
		if (time != null) {
			String where = query.getOrDefault(timeField + "_where", ">=");
			long value = Long.parseLong(row.get(timeField));
			long bound = Long.parseLong(time);
			return switch (where) {
				case ">=" -> value >= bound;
				case ">" -> value > bound;
				case "=" -> value == bound;
				default -> throw new IllegalArgumentException(where);
			};
		}
		return true;
	}

	private void send(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = this.json.writeValueAsBytes(body);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody(); InputStream in = exchange.getRequestBody()) {
			in.readAllBytes();
			out.write(bytes);
		}
	}

	private static Map<String, String> decode(String text) {
		Map<String, String> values = new LinkedHashMap<>();
		if (text == null || text.isEmpty()) {
			return values;
		}
		for (String pair : text.split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			values.put(name, (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
