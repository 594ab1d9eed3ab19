package org.harbinger.system;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.harbinger.EndToEndTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * /v3/api-docs describes every API mapping, with its roles and problem responses, to
 * signed-in users only.
 */
@EndToEndTest
class OpenApiDocumentTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private JsonNode document(String user) throws Exception {
		var body = this.mvc.perform(get("/v3/api-docs").with(httpBasic(user, user + "-password")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new ObjectMapper().readTree(body);
	}

	@Test
	void everyApiMappingOfEveryControllerIsInTheDocument() throws Exception {
		var paths = document("analyst").path("paths");
		var missing = new ArrayList<String>();
		var checked = 0;
		for (var info : this.mappings.getHandlerMethods().keySet()) {
			for (var pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				var template = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
				var methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of(RequestMethod.GET)
						: info.getMethodsCondition().getMethods();
				for (var method : methods) {
					checked++;
					if (!paths.path(template).has(method.name().toLowerCase())) {
						missing.add(method + " " + template);
					}
				}
			}
		}
		assertThat(checked).as("API mappings found").isGreaterThan(40);
		assertThat(missing).as("mappings missing from /v3/api-docs").isEmpty();
	}

	@Test
	void theDocumentIsOpenApi3AndNamesEachOperationsRolesAndProblems() throws Exception {
		var document = document("ingest");
		assertThat(document.path("openapi").asText()).startsWith("3.");
		var acknowledge = document.path("paths").path("/api/alerts/{id}/acknowledge").path("post");
		assertThat(acknowledge.path("x-roles")).extracting(JsonNode::asText).containsExactly("ANALYST");
		assertThat(acknowledge.path("description").asText()).contains("Roles: ANALYST");
		assertThat(document.path("paths").path("/api/incidents/import").path("post").path("x-roles"))
			.extracting(JsonNode::asText)
			.containsExactly("INGEST");
		assertThat(document.path("paths").path("/api/acled/pull").path("post").path("x-roles"))
			.extracting(JsonNode::asText)
			.containsExactly("ADMIN");
		var forbidden = acknowledge.path("responses").path("403").path("content");
		assertThat(forbidden.has("application/problem+json")).isTrue();
		assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("parameter"))
			.isTrue();
	}

	@Test
	void anonymousCallersAreRefusedTheDocumentAndSwaggerUi() throws Exception {
		this.mvc.perform(get("/v3/api-docs").with(anonymous()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("WWW-Authenticate"));
		this.mvc.perform(get("/swagger-ui/index.html").with(anonymous())).andExpect(status().is3xxRedirection());
	}

	@Test
	void swaggerUiIsServedToSignedInUsersWithItsOwnScriptsAllowed() throws Exception {
		this.mvc.perform(get("/swagger-ui/index.html").with(httpBasic("ingest", "ingest-password")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("script-src 'self'")));
		this.mvc.perform(get("/alerts").with(httpBasic("analyst", "analyst-password")))
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("script-src"))));
	}

}
