package org.harbinger.system.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.harbinger.HarbingerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS proxy with {@code server.forward-headers-strategy: native}
 * (docs/security.md): the session cookie is Secure because the request came over HTTPS,
 * and sign-in failures are counted for the client's address, not the proxy's. The service
 * listens on loopback only.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReverseProxyTests {

	@Test
	void behindATlsProxyTheCookieIsSecureAndTheClientAddressIsTheOneCounted(@TempDir Path config, CapturedOutput output)
			throws Exception {
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(HarbingerApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--server.forward-headers-strategy=native",
				"--spring.quartz.auto-startup=false", "--spring.quartz.scheduler-name=reverse-proxy",
				"--harbinger.demo.enabled=false", "--harbinger.inbox.enabled=false",
				"--spring.datasource.url=jdbc:h2:mem:reverse-proxy",
				"--harbinger.security.users-file=" + config.resolve("users.yml"))) {
			String base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
			HttpClient client = HttpClient.newHttpClient();

			HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-For", "203.0.113.9")
				.build(), HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> plain = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts"))
				.header("X-Forwarded-For", "203.0.113.9")
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString("admin:not-the-password".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(login.headers().firstValue("Set-Cookie"))
				.hasValueSatisfying((cookie) -> assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Lax"));
			assertThat(plain.headers().firstValue("Set-Cookie"))
				.hasValueSatisfying((cookie) -> assertThat(cookie).doesNotContain("Secure"));
			assertThat(wrong.statusCode()).isEqualTo(401);
			assertThat(output).contains("Sign-in failed for 'admin' from 203.0.113.9");
		}
	}

}
