package org.harbinger.system;

import java.io.ByteArrayInputStream;

import jakarta.servlet.http.HttpServlet;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bodies of unknown length (chunked), whose size only reading can tell: an API body is
 * buffered up to its limit and answered 413 past it; an upload is passed on as a stream
 * that fails at the limit, for its controller to answer 413 (and remove what it spooled).
 */
class RequestSizeFilterTests {

	private final RequestSizeFilter filter = new RequestSizeFilter(
			new RequestLimits(DataSize.ofBytes(1000), DataSize.ofBytes(5000)));

	@Test
	void aChunkedApiBodyOverItsLimitIsA413BeforeTheControllerSeesIt() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(chunked("/api/incidents", 1001), response, chain);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":413",
				"\"detail\":\"the request body is larger than 1000 bytes, the limit set by harbinger.limits.request-body\"");
		assertThat(chain.getRequest()).as("never passed on").isNull();
	}

	@Test
	void aChunkedApiBodyWithinItsLimitIsPassedOnWhole() throws Exception {
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(chunked("/api/incidents", 1000), new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest().getInputStream().readAllBytes()).hasSize(1000);
	}

	@Test
	void aChunkedUploadFailsWhenItsReaderGoesPastTheLimit() throws Exception {
		byte[][] read = new byte[1][];
		MockFilterChain upTo = new MockFilterChain(new HttpServlet() {
		}, (request, response, chain) -> read[0] = request.getInputStream().readNBytes(5000));
		this.filter.doFilter(chunked("/api/incidents/import", 5001), new MockHttpServletResponse(), upTo);
		assertThat(read[0]).hasSize(5000);

		MockFilterChain past = new MockFilterChain(new HttpServlet() {
		}, (request, response, chain) -> request.getInputStream().readAllBytes());
		assertThatExceptionOfType(BodyTooLargeException.class).isThrownBy(
				() -> this.filter.doFilter(chunked("/api/incidents/import", 5001), new MockHttpServletResponse(), past))
			.withMessage("the request body is larger than 5000 bytes, the limit set by harbinger.limits.upload");
	}

	/** A POST whose body has no declared length, as a chunked request has. */
	private static MockHttpServletRequest chunked(String path, int size) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public DelegatingServletInputStream getInputStream() {
				return new DelegatingServletInputStream(new ByteArrayInputStream(new byte[size]));
			}

		};
		request.setContentType("application/json");
		return request;
	}

}
