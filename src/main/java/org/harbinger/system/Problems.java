package org.harbinger.system;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/**
 * Every API error as RFC 9457 problem details ({@code application/problem+json}):
 * {@code title} and {@code status}, a {@code detail} a person can act on, and, where a
 * request parameter or field was at fault, {@code parameter} (or {@code errors}, one per
 * field) and the values it {@code accepted}.
 */
public final class Problems {

	/**
	 * Jackson writes {@code application/problem+json} like any JSON; only the header
	 * differs.
	 */
	public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/** A problem with a detail sentence and no field. */
	public static ProblemDetail of(HttpStatusCode status, String detail) {
		return ProblemDetail.forStatusAndDetail(status, detail);
	}

	/**
	 * A request parameter with a value it does not take: names it, the value, and what it
	 * takes. {@code value} is null when the parameter was missing.
	 */
	public static ProblemDetail parameter(String name, String value, List<String> accepted, String reason) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, reason);
		problem.setTitle("Bad parameter '" + name + "'");
		problem.setProperty("parameter", name);
		if (value != null) {
			problem.setProperty("value", value);
		}
		if (accepted != null && !accepted.isEmpty()) {
			problem.setProperty("accepted", accepted);
		}
		return problem;
	}

	/**
	 * Several fields at fault: {@code errors} keeps the shape each API documents (an
	 * incident's {@code index}, a threshold's {@code key}); {@code detail} joins them for
	 * a reader.
	 */
	public static ProblemDetail errors(HttpStatusCode status, String detail, List<?> errors) {
		ProblemDetail problem = of(status, detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	/** The answer for a controller that returns its errors. */
	public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON).body(problem);
	}

	/** A 400 with one sentence: {@code detail} should name the field. */
	public static ResponseEntity<ProblemDetail> badRequest(String detail) {
		return answer(of(HttpStatus.BAD_REQUEST, detail));
	}

	/** To throw where the answer is 404: "no alert 42". */
	public static ErrorResponseException notFound(String detail) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND, of(HttpStatus.NOT_FOUND, detail), null);
	}

	/**
	 * To throw where the answer is 409: the thing exists but is in a state that refuses
	 * the change.
	 */
	public static ErrorResponseException conflict(String detail) {
		return new ErrorResponseException(HttpStatus.CONFLICT, of(HttpStatus.CONFLICT, detail), null);
	}

	/** For filters, which answer before Spring MVC: the same body, written by hand. */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (problem.getInstance() == null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		response.setStatus(problem.getStatus());
		response.setContentType(PROBLEM_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(map(problem)));
	}

	/**
	 * The members of RFC 9457 first, then the extensions, as Spring's own converter
	 * writes them.
	 */
	public static Map<String, Object> map(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (problem.getType() != null) {
			body.put("type", problem.getType().toString());
		}
		body.put("title", (problem.getTitle() != null) ? problem.getTitle()
				: HttpStatus.valueOf(problem.getStatus()).getReasonPhrase());
		body.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			body.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
