package org.harbinger.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.harbinger.EndToEndTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every API error is RFC 9457 problem details that say why: the parameter or field, the
 * value sent and the values it takes. The API takes the dashboard's own words ("Any",
 * "critical").
 */
@EndToEndTest
class ApiProblemsTests {

	@Autowired
	private MockMvc mvc;

	@LocalServerPort
	private int port;

	@Test
	void theDashboardsWordsAreTheApisToo() throws Exception {
		this.mvc.perform(get("/api/alerts").param("status", "Any")).andExpect(status().isOk());
		this.mvc.perform(get("/api/alerts").param("status", "ANY").param("severity", "critical"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/alerts").param("status", "open").param("severity", "Warning"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/silences").param("state", "active")).andExpect(status().isOk());
		this.mvc.perform(get("/api/feeds/alerts.csv").param("status", "any").param("severity", "info"))
			.andExpect(status().isOk());
	}

	@Test
	void anUnknownStatusNamesTheParameterAndItsWords() throws Exception {
		problem(this.mvc.perform(get("/api/alerts").param("status", "closed")), 400, "status")
			.andExpect(jsonPath("$.value").value("closed"))
			.andExpect(jsonPath("$.accepted", hasItems("OPEN", "RESOLVED", "ANY")))
			.andExpect(jsonPath("$.detail").value("status: 'closed' is not one of OPEN, RESOLVED, ANY"));
	}

	@Test
	void anUnknownSeverityNamesTheParameterAndItsWords() throws Exception {
		problem(this.mvc.perform(get("/api/alerts").param("severity", "urgent")), 400, "severity")
			.andExpect(jsonPath("$.accepted", hasItems("INFO", "WARNING", "CRITICAL")))
			.andExpect(jsonPath("$.detail").value("severity: 'urgent' is not one of INFO, WARNING, CRITICAL"));
		problem(this.mvc.perform(get("/api/feeds/transitions.atom").param("severity", "high")), 400, "severity");
	}

	@Test
	void anUnknownSilenceStateNamesTheParameterAndItsWords() throws Exception {
		problem(this.mvc.perform(get("/api/silences").param("state", "over")), 400, "state")
			.andExpect(jsonPath("$.accepted", hasItems("PENDING", "ACTIVE", "EXPIRED")));
	}

	@Test
	void aDateThatIsNotADateNamesTheParameterAndTheFormat() throws Exception {
		problem(this.mvc.perform(get("/api/feeds/incidents.csv").param("from", "yesterday")), 400, "from")
			.andExpect(jsonPath("$.value").value("yesterday"))
			.andExpect(jsonPath("$.accepted[0]").value("YYYY-MM-DD"))
			.andExpect(jsonPath("$.detail").value(containsString("from: 'yesterday' is not a date as YYYY-MM-DD")));
		problem(this.mvc.perform(get("/api/feeds/incidents.csv").param("to", "31/01/2022")), 400, "to");
	}

	@Test
	void aNumberThatIsNotANumberNamesTheParameter() throws Exception {
		problem(this.mvc.perform(get("/api/feeds/transitions.atom").param("limit", "ten")), 400, "limit")
			.andExpect(jsonPath("$.detail").value("limit: 'ten' is not a whole number"));
		problem(this.mvc.perform(get("/api/alerts/abc")), 400, "id");
	}

	@Test
	void aParameterOutOfItsRangeIsNamedWithTheRange() throws Exception {
		problem(this.mvc.perform(get("/api/imports/1/rejected").param("limit", "0")), 400, "limit")
			.andExpect(jsonPath("$.errors[0].field").value("limit"))
			.andExpect(jsonPath("$.detail").value("limit: must be greater than or equal to 1"));
		problem(this.mvc.perform(get("/api/imports/1/rejected").param("limit", "1000000")), 400, "limit")
			.andExpect(jsonPath("$.detail").value("limit: must be less than or equal to 100000"));
	}

	@Test
	void aMissingParameterIsNamedWithWhatItTakes() throws Exception {
		problem(this.mvc.perform(post("/api/backtest").param("from", "2022-01-01")), 400, "to")
			.andExpect(jsonPath("$.detail").value("to is required: a date as YYYY-MM-DD, e.g. 2022-01-31"));
		problem(this.mvc.perform(post("/api/backtest").param("from", "2022-02-01").param("to", "2022-01-01")), 400,
				"to")
			.andExpect(jsonPath("$.detail").value("to: 2022-01-01 is before from 2022-02-01"));
	}

	@Test
	void aBadFieldInAJsonBodyIsNamedWithWhatItTakes() throws Exception {
		problem(this.mvc.perform(put("/api/users/someone").contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"a long enough passphrase\",\"roles\":[\"reader\"]}")), 400, "roles[0]")
			.andExpect(jsonPath("$.accepted", hasItems("ANALYST", "ADMIN")));
		problem(this.mvc.perform(post("/api/silences").contentType(MediaType.APPLICATION_JSON)
			.content("{\"scope\":\"Nowhere\",\"ends_at\":\"tomorrow\",\"comment\":\"x\"}")), 400, "ends_at")
			.andExpect(jsonPath("$.detail").value(containsString("ends_at: 'tomorrow' is not a moment")));
		this.mvc.perform(post("/api/silences").contentType(MediaType.APPLICATION_JSON).content("{\"scope\":"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("the body is not valid JSON")));
	}

	@Test
	void validationErrorsKeepTheirFieldsAndSayWhyInTheDetail() throws Exception {
		this.mvc
			.perform(post("/api/silences").contentType(MediaType.APPLICATION_JSON).content("{\"scope\":\"Nowhere\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("ends_at"))
			.andExpect(jsonPath("$.detail").value(containsString("comment: is required")));
		this.mvc
			.perform(put("/api/thresholds").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"test\",\"values\":{\"attack-surge.ratio\":\"three\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].key").value("attack-surge.ratio"))
			.andExpect(jsonPath("$.detail").value(containsString("attack-surge.ratio")));
	}

	@Test
	void somethingThatDoesNotExistIsA404NamingIt() throws Exception {
		notFound(this.mvc.perform(get("/api/alerts/987654")), "no alert 987654");
		notFound(this.mvc.perform(get("/api/silences/987654")), "no silence 987654");
		notFound(this.mvc.perform(delete("/api/silences/987654")), "no silence 987654");
		notFound(this.mvc.perform(get("/api/imports/987654")), "no import 987654");
		notFound(this.mvc.perform(delete("/api/incidents/desk/NO-SUCH")), "no incident desk/NO-SUCH");
		notFound(this.mvc.perform(post("/api/outbox/987654/resend")), "no outbox message 987654");
		notFound(this.mvc.perform(delete("/api/users/nobody-here")), "no user 'nobody-here'");
		notFound(this.mvc.perform(post("/api/subscriptions/no-such/digest")), "no subscription named 'no-such'");
	}

	@Test
	void theServersOwnErrorsAreProblemDetailsForClientsAndPagesForBrowsers() throws Exception {
		HttpResponse<String> missing = call("/no-such-thing", "admin:admin-password", "application/json");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(missing.body()).contains("\"status\":404", "\"instance\":\"/no-such-thing\"",
				"nothing at /no-such-thing");

		// The API denies what it does not grant on purpose (docs/security.md): unknown
		// addresses too.
		HttpResponse<String> unknown = call("/api/no-such-thing", "admin:admin-password", "application/json");
		assertThat(unknown.statusCode()).isEqualTo(403);
		assertThat(unknown.body()).contains("\"status\":403", "is not open to your roles, or does not exist");

		HttpResponse<String> anonymous = call("/api/alerts", null, "application/json");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).contains("\"status\":401", "HTTP Basic");

		HttpResponse<String> forbidden = call("/api/users", "analyst:analyst-password", "application/json");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("\"status\":403", "/api/users is not open to your roles");

		HttpResponse<String> page = call("/alerts/987654", "analyst:analyst-password", "text/html");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("<html");
	}

	private static ResultActions problem(ResultActions result, int status, String parameter) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.parameter").value(parameter))
			.andExpect(jsonPath("$.detail").value(containsString(parameter)));
	}

	private static void notFound(ResultActions result, String detail) throws Exception {
		result.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(detail));
	}

	private HttpResponse<String> call(String path, String credentials, String accept) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept);
		if (credentials != null) {
			request.header("Authorization", basic(credentials));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

}
