package org.harbinger.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body ({@link RequestLimits}): a declared length over the limit is
 * answered 413 before a byte is read; a body of unknown length (chunked) is counted as it
 * is read. Bodies read whole into memory are buffered here up to their limit; an upload,
 * streamed to disk by its controller, fails with {@link BodyTooLargeException} at the
 * limit, which the controller answers 413.
 */
@Component
@ConditionalOnWebApplication
class RequestSizeFilter extends OncePerRequestFilter {

	private static final RequestMatcher UPLOAD = PathPatternRequestMatcher.withDefaults()
		.matcher("/api/incidents/import");

	private final RequestLimits limits;

	RequestSizeFilter(RequestLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean upload = UPLOAD.matches(request);
		long limit = (upload ? this.limits.upload() : this.limits.requestBody()).toBytes();
		String setting = upload ? "harbinger.limits.upload" : "harbinger.limits.request-body";
		long length = request.getContentLengthLong();
		if (length > limit) {
			tooLarge(request, response, new BodyTooLargeException(limit, setting));
			return;
		}
		// Forms and multipart are parsed by the server from its own stream, under its own
		// limits.
		if (length >= 0 || "GET".equals(request.getMethod()) || parsedByTheServer(request.getContentType())) {
			chain.doFilter(request, response);
			return;
		}
		if (upload) {
			chain.doFilter(new Body(request, new Bounded(request.getInputStream(), limit, setting)), response);
			return;
		}
		byte[] body;
		try {
			body = new Bounded(request.getInputStream(), limit, setting).readAllBytes();
		}
		catch (BodyTooLargeException ex) {
			tooLarge(request, response, ex);
			return;
		}
		chain.doFilter(new Body(request, new ByteArrayInputStream(body)), response);
	}

	private static boolean parsedByTheServer(String contentType) {
		return contentType != null && (contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				|| contentType.startsWith("multipart/"));
	}

	/** The 413 answer, as problem details like the API's other errors. */
	static void tooLarge(HttpServletRequest request, HttpServletResponse response, BodyTooLargeException ex)
			throws IOException {
		response.setHeader("Connection", "close");
		Problems.write(request, response, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage()));
	}

	/** A stream that fails once more than {@code limit} bytes have come through it. */
	private static final class Bounded extends InputStream {

		private final InputStream in;

		private final long limit;

		private final String setting;

		private long count;

		Bounded(InputStream in, long limit, String setting) {
			this.in = in;
			this.limit = limit;
			this.setting = setting;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) throws BodyTooLargeException {
			this.count += n;
			if (this.count > this.limit) {
				throw new BodyTooLargeException(this.limit, this.setting);
			}
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

	/** The request with its body read from another stream. */
	private static final class Body extends HttpServletRequestWrapper {

		private final InputStream body;

		Body(HttpServletRequest request, InputStream body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return Body.this.body.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return Body.this.body.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return false;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

	}

}
