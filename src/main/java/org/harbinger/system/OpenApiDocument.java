package org.harbinger.system;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.harbinger.system.security.ApiGrants;
import org.harbinger.system.security.Role;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The API's OpenAPI document (springdoc, {@code /v3/api-docs}): springdoc reads the
 * controllers; this adds what it cannot see. The roles each operation needs come from the
 * table the security chain enforces ({@link ApiGrants}), so the document cannot drift
 * from the rules; the errors are the problem details of docs/errors.md.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	@Bean
	OpenAPI harbingerOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Harbinger API")
				.description("Rules-based early warning. Every call needs HTTP Basic or a bearer token "
						+ "(POST /api/tokens); each operation names the roles it takes. Errors are RFC 9457 "
						+ "problem details (docs/errors.md)."))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	@Bean
	OpenApiCustomizer rolesAndProblems() {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				return;
			}
			// here rather than on the OpenAPI bean: springdoc keeps only the schemas it
			// generated itself there
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths()
				.forEach((path, item) -> item.readOperationsMap()
					.forEach((method, operation) -> document(path, HttpMethod.valueOf(method.name()), operation)));
		};
	}

	private static void document(String path, HttpMethod method, Operation operation) {
		var roles = ApiGrants.rolesFor(method, path).orElse(List.of());
		var names = roles.stream().map(Role::name).toList();
		operation.addExtension("x-roles", names);
		var sentence = names.isEmpty() ? "Roles: none (denied)." : "Roles: " + String.join(" or ", names)
				+ (roles.contains(Role.ANALYST) ? " (ADMIN and RULE_AUTHOR include ANALYST)." : ".");
		operation.setDescription(
				(operation.getDescription() == null) ? sentence : operation.getDescription() + "\n\n" + sentence);
		var responses = operation.getResponses();
		if (responses == null) {
			return;
		}
		problem(responses, "400", "A parameter or field it does not take, named in the problem");
		problem(responses, "401", "No credentials, or wrong ones: send HTTP Basic or a bearer token");
		problem(responses, "403", "Signed in, without a role this call takes");
		if (path.contains("{")) {
			problem(responses, "404", "Nothing with that identity");
		}
	}

	private static void problem(Map<String, ApiResponse> responses, String status, String description) {
		var response = responses.computeIfAbsent(status, (key) -> new ApiResponse().description(description));
		// springdoc documents the advice's answers as the type the method returns; they
		// are sent as problem+json
		response.setContent(new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Map<String, Schema> properties = Map.of("type", new StringSchema(), "title", new StringSchema(), "status",
				new IntegerSchema(), "detail", new StringSchema(), "instance", new StringSchema(), "parameter",
				new StringSchema().description("the parameter or field that was wrong"), "value",
				new StringSchema().description("what was sent"), "accepted",
				new ArraySchema().items(new StringSchema()).description("the words or format it takes"), "errors",
				new ArraySchema().items(new ObjectSchema()).description("one object per field, as each API documents"));
		return new ObjectSchema().description("RFC 9457 problem details (docs/errors.md)")
			.properties(properties.entrySet()
				.stream()
				.collect(
						Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new)));
	}

}
