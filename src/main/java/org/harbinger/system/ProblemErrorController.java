package org.harbinger.system;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the server answers outside any controller (no such address, no credentials, a role
 * that does not allow the call): problem details for a client, the error page for a
 * browser (Spring Boot's {@code text/html} mapping, inherited).
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

	ProblemErrorController(ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> views) {
		super(attributes, web.getError(), views.orderedStream().toList());
	}

	@Override
	@RequestMapping
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Map<String, Object> attributes = getErrorAttributes(request,
				ErrorAttributeOptions.of(ErrorAttributeOptions.Include.PATH));
		String path = String.valueOf(attributes.getOrDefault("path", request.getRequestURI()));
		ProblemDetail problem = Problems.of(status, detail(status, request, path));
		problem.setInstance(URI.create(path));
		return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(Problems.map(problem));
	}

	/**
	 * A sentence for the status; the server's own message only where it says more than
	 * the status.
	 */
	private static String detail(HttpStatus status, HttpServletRequest request, String path) {
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		String said = (message instanceof String text && !text.isBlank()) ? text : null;
		return switch (status) {
			case NOT_FOUND -> "nothing at " + path + " (the API's addresses are listed in the README)";
			case UNAUTHORIZED -> "sign in: HTTP Basic with a user, or 'Authorization: Bearer <token>'"
					+ ((said != null && said.contains("token")) ? " (" + said + ")" : "");
			case FORBIDDEN -> "refused: " + path + " is not open to your roles, or does not exist"
					+ " (README, \"Users, roles and tokens\"); a form posted without its CSRF token is refused too";
			case METHOD_NOT_ALLOWED -> "this method is not allowed on " + path;
			default -> (said != null) ? said : status.getReasonPhrase();
		};
	}

}
