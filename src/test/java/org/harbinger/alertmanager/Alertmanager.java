package org.harbinger.alertmanager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) on a loopback port, with
 * a temporary configuration that routes every alert, one group per alert, to a webhook
 * with {@code send_resolved}; clustering off, its storage in a temporary folder. Without
 * the binary the test is skipped on a developer's machine and fails in CI (env {@code CI}
 * set), where .ci/run installs it.
 */
final class Alertmanager implements AutoCloseable {

	static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

	private final Process process;

	private final Path dir;

	private final URI url;

	private Alertmanager(Process process, Path dir, URI url) {
		this.process = process;
		this.dir = dir;
		this.url = url;
	}

	static Alertmanager start(URI webhook) throws IOException, InterruptedException {
		if (!Files.isExecutable(BINARY)) {
			String message = "The Alertmanager test needs Debian's prometheus-alertmanager (" + BINARY
					+ "): apt-get install prometheus-alertmanager";
			if (System.getenv("CI") != null) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
		Path dir = Files.createTempDirectory("harbinger-alertmanager");
		Path config = dir.resolve("alertmanager.yml");
		Files.writeString(config, """
				route:
				  receiver: test
				  group_by: ['...']
				  group_wait: 1s
				  group_interval: 1s
				  repeat_interval: 1h
				receivers:
				  - name: test
				    webhook_configs:
				      - url: '%s'
				        send_resolved: true
				""".formatted(webhook));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
				"--storage.path=" + dir.resolve("data"), "--cluster.listen-address=",
				"--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("alertmanager.log").toFile())
			.start();
		Alertmanager alertmanager = new Alertmanager(process, dir, URI.create("http://127.0.0.1:" + port));
		alertmanager.awaitReady();
		return alertmanager;
	}

	URI url() {
		return this.url;
	}

	private void awaitReady() throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				break;
			}
			try {
				HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(this.url.resolve("/-/ready")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (ready.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		String log = Files.readString(this.dir.resolve("alertmanager.log"));
		close();
		throw new IllegalStateException("Alertmanager did not become ready in 30s:\n" + log);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
