package org.harbinger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HttpServer on loopback that records every request it gets and answers each with
 * the next status the test queued (200 when none is left): the far end of a push or a
 * webhook.
 */
public final class HttpReceiver implements AutoCloseable {

	/**
	 * One request as received: its method, path, headers (names in lower case) and body.
	 */
	public record Request(String method, String path, Map<String, String> headers, String body) {
	}

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Deque<Integer> statuses = new ArrayDeque<>();

	private HttpReceiver(HttpServer server) {
		this.server = server;
	}

	public static HttpReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			HttpReceiver receiver = new HttpReceiver(server);
			server.createContext("/", (exchange) -> {
				byte[] body;
				try (InputStream in = exchange.getRequestBody()) {
					body = in.readAllBytes();
				}
				Map<String, String> headers = new java.util.TreeMap<>();
				exchange.getRequestHeaders()
					.forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
							String.join(",", values)));
				receiver.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
						headers, new String(body, StandardCharsets.UTF_8)));
				int status = receiver.nextStatus();
				byte[] answer = (status / 100 == 2) ? "{}".getBytes(StandardCharsets.UTF_8)
						: ("failing on purpose: " + status).getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(status, answer.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer);
				}
			});
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The next requests are answered with these statuses, in order. */
	public synchronized HttpReceiver answer(Integer... statuses) {
		this.statuses.addAll(List.of(statuses));
		return this;
	}

	private synchronized int nextStatus() {
		Integer next = this.statuses.poll();
		return (next != null) ? next : 200;
	}

	/** The address of {@code path} here, e.g. {@code http://127.0.0.1:41234/hook}. */
	public URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
