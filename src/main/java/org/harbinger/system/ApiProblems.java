package org.harbinger.system;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The API's errors as problem details that say why: a parameter that is missing or has a
 * value it does not take is named, with the value and what it accepts
 * ({@code status: 'Anything' is
 * not one of OPEN, RESOLVED, ANY}); a JSON body names the field. Only for the API's
 * {@code @RestController}s: a page's error stays a page. Errors outside a controller (no
 * such address, no credentials) are answered by {@link ProblemErrorController}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private final RequestLimits limits;

	ApiProblems(RequestLimits limits) {
		this.limits = limits;
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		String value = String.valueOf(ex.getValue());
		UnknownWord word = cause(ex, UnknownWord.class);
		List<String> accepted = (word != null) ? word.accepted() : accepted(ex.getRequiredType());
		String reason = (word != null) ? word.getMessage() : "'" + value + "' is not " + what(ex.getRequiredType());
		return answer(Problems.parameter(name, value, accepted, name + ": " + reason), headers);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		MethodParameter parameter = ex.getMethodParameter();
		Class<?> type = (parameter != null) ? parameter.getParameterType() : null;
		String name = ex.getParameterName();
		return answer(Problems.parameter(name, null, accepted(type), name + " is required: " + what(type)), headers);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String name = ex.getRequestPartName();
		return answer(Problems.parameter(name, null, List.of(),
				name + " is required: the file, sent as the form part '" + name + "'"), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		MismatchedInputException mismatch = cause(ex, MismatchedInputException.class);
		if (mismatch != null && !mismatch.getPath().isEmpty()) {
			String field = path(mismatch);
			Class<?> type = mismatch.getTargetType();
			String value = (mismatch instanceof InvalidFormatException invalid) ? String.valueOf(invalid.getValue())
					: null;
			String reason = (value != null) ? "'" + value + "' is not " + what(type) : "must be " + what(type);
			ProblemDetail problem = Problems.parameter(field, value, accepted(type), field + ": " + reason);
			problem.setTitle("Bad field '" + field + "'");
			problem.setProperty("errors", List.of(Map.of("field", field, "message", reason)));
			return answer(problem, headers);
		}
		JacksonException json = cause(ex, JacksonException.class);
		String detail = (json != null) ? "the body is not valid JSON: " + json.getOriginalMessage()
				: "the request needs a body (JSON)";
		return answer(Problems.of(HttpStatus.BAD_REQUEST, detail), headers);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", message(error)))
			.toList();
		return answer(Problems.errors(HttpStatus.BAD_REQUEST, joined(errors), errors), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((error) -> errors.add(Map.of("field", String.valueOf(name), "message", message(error))));
		});
		ProblemDetail problem = Problems.errors(HttpStatus.BAD_REQUEST, joined(errors), errors);
		if (errors.size() == 1) {
			problem.setProperty("parameter", errors.get(0).get("field"));
		}
		return answer(problem, headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(status, "Content-Type " + ex.getContentType() + " is not taken here; send "
				+ ex.getSupportedMediaTypes().stream().map(String::valueOf).collect(Collectors.joining(" or ")));
		problem.setProperty("accepted", ex.getSupportedMediaTypes().stream().map(String::valueOf).toList());
		return answer(problem, headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> allowed = (ex.getSupportedMethods() != null) ? Arrays.asList(ex.getSupportedMethods()) : List.of();
		ProblemDetail problem = Problems.of(status,
				ex.getMethod() + " is not allowed here; this address takes " + String.join(", ", allowed));
		problem.setProperty("accepted", allowed);
		return answer(problem, headers);
	}

	/**
	 * An upload over {@code harbinger.limits.upload}, stopped while it was read or
	 * declared too large.
	 */
	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return answer(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is larger than "
				+ this.limits.upload().toBytes() + " bytes, the limit set by harbinger.limits.upload"), headers);
	}

	@ExceptionHandler
	ResponseEntity<Object> tooLarge(BodyTooLargeException ex) {
		return answer(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage()), new HttpHeaders());
	}

	/**
	 * An administrator's change that was refused: 400 (409 for a conflict) with each key
	 * and reason.
	 */
	@ExceptionHandler
	ResponseEntity<Object> refused(ConfigChangeRefused refused) {
		String detail = refused.problems()
			.stream()
			.map((problem) -> (problem.key() != null) ? problem.key() + ": " + problem.reason() : problem.reason())
			.collect(Collectors.joining("; "));
		return answer(Problems.errors(refused.status(), detail, refused.problems()), new HttpHeaders());
	}

	private static ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(Problems.PROBLEM_JSON)
			.body(problem);
	}

	/** What a parameter of this type takes, for {@code accepted}. */
	static List<String> accepted(Class<?> type) {
		if (type == null) {
			return List.of();
		}
		if (type.isEnum()) {
			return Arrays.stream(type.getEnumConstants()).map((constant) -> ((Enum<?>) constant).name()).toList();
		}
		if (type == LocalDate.class) {
			return List.of("YYYY-MM-DD");
		}
		if (type == Instant.class) {
			return List.of("YYYY-MM-DDThh:mm:ssZ");
		}
		if (type == boolean.class || type == Boolean.class) {
			return List.of("true", "false");
		}
		return List.of();
	}

	/** The type in words: "a date as YYYY-MM-DD, e.g. 2022-01-31". */
	static String what(Class<?> type) {
		if (type == null) {
			return "a value";
		}
		if (type.isEnum()) {
			return "one of " + String.join(", ", accepted(type));
		}
		if (type == LocalDate.class) {
			return "a date as YYYY-MM-DD, e.g. 2022-01-31";
		}
		if (type == Instant.class) {
			return "a moment as YYYY-MM-DDThh:mm:ssZ, e.g. 2022-05-07T06:00:00Z";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "a list";
		}
		if (type == String.class) {
			return "text";
		}
		return "a " + type.getSimpleName();
	}

	/**
	 * {@code roles[0]}, {@code values.attack-surge.ratio}: where in the body the value
	 * was.
	 */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String message(MessageSourceResolvable error) {
		String field = (error instanceof FieldError fieldError) ? " (was " + fieldError.getRejectedValue() + ")" : "";
		return error.getDefaultMessage() + field;
	}

	private static String joined(List<Map<String, String>> errors) {
		return errors.stream()
			.map((error) -> error.get("field") + ": " + error.get("message"))
			.collect(Collectors.joining("; "));
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
