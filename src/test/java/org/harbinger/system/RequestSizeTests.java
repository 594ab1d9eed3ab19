package org.harbinger.system;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.harbinger.EndToEndTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A request body over its limit (harbinger.limits.request-body, 10 MB by default) is
 * answered 413, naming the limit.
 */
@EndToEndTest
class RequestSizeTests {

	private static final int LIMIT = 10 * 1024 * 1024;

	@Autowired
	private MockMvc mvc;

	@LocalServerPort
	private int port;

	@Test
	void aJsonBodyOverTheLimitIsA413NamingTheSetting() throws Exception {
		this.mvc
			.perform(post("/api/incidents").with(httpBasic("ingest", "ingest-password"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(jsonArrayOf(LIMIT + 1)))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(
					"the request body is larger than 10485760 bytes, the limit set by harbinger.limits.request-body"));
	}

	@Test
	void aChunkedBodyIsCountedAsItIsReadAndStoppedAtTheLimit() throws Exception {
		byte[] body = jsonArrayOf(LIMIT + 100_000);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/incidents"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString("ingest:ingest-password".getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("harbinger.limits.request-body");
	}

	@Test
	void aBodyUnderTheLimitIsRead() throws Exception {
		this.mvc
			.perform(post("/api/incidents").with(httpBasic("ingest", "ingest-password"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(jsonArrayOf(100_000)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(0));
	}

	/** An empty JSON array padded with spaces to {@code size} bytes. */
	private static byte[] jsonArrayOf(int size) {
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) ' ');
		body[0] = '[';
		body[size - 1] = ']';
		return body;
	}

}
