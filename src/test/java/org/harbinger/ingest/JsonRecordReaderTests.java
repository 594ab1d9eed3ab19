package org.harbinger.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.harbinger.EndToEndTest;
import org.harbinger.incident.ClaimStatus;
import org.harbinger.incident.IncidentKey;
import org.harbinger.incident.IncidentRepository;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * JSON files through the import pipeline: an array of incident objects, read element by
 * element; a bad element is refused naming its number and line, and the good ones land.
 */
@EndToEndTest
class JsonRecordReaderTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private IncidentRepository incidents;

	@Autowired
	private JsonMapper json;

	@Test
	void theJsonExampleStoresTheSameIncidentsAsTheCsvExample() throws Exception {
		upload("native.csv", Files.readAllBytes(Path.of("src/test/resources/ingest/native-example.csv")))
			.andExpect(jsonPath("$.accepted").value(3));

		upload("native.json", Files.readAllBytes(Path.of("src/test/resources/ingest/native-example.json")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.format").value("JSON"))
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.unchanged").value(3))
			.andExpect(jsonPath("$.rejected").value(0));
		assertThat(this.incidents.find(new IncidentKey("desk", "DESK-2022-0418"))).hasValueSatisfying((incident) -> {
			assertThat(incident.tags()).containsExactly("propaganda", "lang=uz");
			assertThat(incident.claimStatus()).isEqualTo(ClaimStatus.DENIED);
		});
	}

	@Test
	void refusesBadElementsByNumberAndLineAndStoresTheGoodOnes() throws Exception {
		String file = """
				[
				  %s,
				  {"source": "desk", "id": "JSON-BAD-2", "event_date": "2022-04-18",
				   "event_type": "Protests", "country": "Afghanistan", "fatalities": -3},
				  42,
				  {"source": "desk", "id": "JSON-BAD-4", "event_date": "2022-04-18", "event_type": "Protests",
				   "country": "Afghanistan", "location": {"name": "Kabul"}},
				  %s
				]
				""".formatted(incident("JSON-BAD-1"), incident("JSON-BAD-5"));

		String report = upload("bad.json", file.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.rejected").value(3))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].reason").value("element 2 (line 3): fatalities: -3 is negative"))
			.andExpect(jsonPath("$.errors[1].reason")
				.value("element 3 (line 5): expected an incident object {...}, found a number"))
			.andExpect(jsonPath("$.errors[2].reason")
				.value("element 4 (line 6): location: is an object; expected text, a number or a list"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(this.incidents.find(new IncidentKey("desk", "JSON-BAD-1"))).isPresent();
		assertThat(this.incidents.find(new IncidentKey("desk", "JSON-BAD-5"))).isPresent();

		JsonNode rejected = this.json.readTree(this.mvc.perform(get("/api/imports/" + id(report) + "/rejected.json"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(rejected).as("the refused elements as they were, to fix and import again").hasSize(3);
		assertThat(rejected.get(0).get("fatalities").asInt()).isEqualTo(-3);
		assertThat(rejected.get(1).asInt()).isEqualTo(42);
	}

	@Test
	void malformedJsonMidFileKeepsWhatCameBeforeAndSaysWhereItBroke() throws Exception {
		String file = "[\n" + incident("JSON-BROKEN-1") + ",\n" + incident("JSON-BROKEN-2") + ",\n"
				+ "{\"source\": \"desk\", \"id\": \"JSON-BROKEN-3\", \"country\": Afghanistan},\n"
				+ incident("JSON-BROKEN-4") + "\n]\n";

		upload("broken.json", file.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].reason", startsWith("element 3: malformed JSON at line 4, column ")))
			.andExpect(jsonPath("$.errors[0].reason", containsString("Afghanistan")))
			.andExpect(jsonPath("$.message", containsString("What came before it is stored")));
		assertThat(this.incidents.find(new IncidentKey("desk", "JSON-BROKEN-2"))).isPresent();
		assertThat(this.incidents.find(new IncidentKey("desk", "JSON-BROKEN-4"))).as("not read past the break")
			.isEmpty();
	}

	@Test
	void elementsOnOneLineAreToldApartByNumberAndADuplicateNamesTheFirst() throws Exception {
		String file = "[" + incident("JSON-LINE-1") + "," + incident("JSON-LINE-2") + ","
				+ incident("JSON-LINE-1").replace("Protest for", "Second protest for") + "]";

		upload("compact.json", file.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].reason")
				.value("event_id_cnty: 'JSON-LINE-1' of feed 'desk' is already element 1 of this file"));
	}

	@Test
	void aHugeElementIsRefusedAndTheNextOneLands() throws Exception {
		String file = "[" + incident("JSON-HUGE-1").replace("Protest for", "x".repeat(1 << 20)) + ",\n"
				+ incident("JSON-HUGE-2") + "]";

		upload("huge.json", file.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.errors[0].reason")
				.value("element 1 (line 1): the element is longer than 1000000 characters"));
		assertThat(this.incidents.find(new IncidentKey("desk", "JSON-HUGE-2"))).isPresent();
	}

	@Test
	void aJsonBodyImportsAndAJsonFileWithoutJsonIsRefusedAsAWhole() throws Exception {
		this.mvc
			.perform(post("/api/incidents/import").param("name", "feed.json")
				.contentType("application/json")
				.content("\uFEFF  [" + incident("JSON-BODY-1") + "]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.file").value("feed.json"))
			.andExpect(jsonPath("$.created").value(1));

		upload("feed.json", AcledRow.file(AcledRow.of("JSON-NOT-1")).getBytes(StandardCharsets.UTF_8))
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.message")
				.value("line 1: a .json file must hold a JSON array of incident objects, [{...}, ...]"));
	}

	static String incident(String id) {
		return """
				{"source": "desk", "id": "%s", "event_date": "2022-04-18", "event_type": "Protests", \
				"sub_event_type": "Peaceful protest", "country": "Afghanistan", "admin1": "Kabul", "fatalities": 0, \
				"tags": ["lang=ps"], "notes": "Protest for electricity."}""".formatted(id);
	}

	private ResultActions upload(String name, byte[] content) throws Exception {
		return this.mvc.perform(multipart("/api/incidents/import")
			.file(new MockMultipartFile("file", name, "application/json", content)));
	}

	private static long id(String report) {
		return Long.parseLong(report.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
	}

}
