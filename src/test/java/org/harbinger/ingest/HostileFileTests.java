package org.harbinger.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.harbinger.EndToEndTest;
import org.harbinger.incident.IncidentKey;
import org.harbinger.incident.IncidentRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Files a real desk sends: each has a good row, a bad one, and a good one after it. The
 * bad line is refused with its number and a reason, kept raw in the quarantine, and both
 * good rows land.
 */
@EndToEndTest
class HostileFileTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private IncidentRepository incidents;

	static Stream<Arguments> hostileLines() {
		return Stream.of(
				bad("unbalanced quote",
						(id) -> text(AcledRow.of(id).set("notes", "x").line().replace("Pajhwok", "\"Pajhwok")),
						"unexpected text after a closing quote on line 4"),
				bad("quote inside a field", (id) -> text(AcledRow.of(id).line().replaceFirst(",Kabul,", ",Kab\"ul,")),
						"a quote inside an unquoted field"),
				bad("missing fields",
						(id) -> text(AcledRow.of(id).line().substring(0, AcledRow.of(id).line().lastIndexOf(','))),
						"has 30 fields but the header has 31"),
				bad("negative fatalities", (id) -> text(AcledRow.of(id).set("fatalities", "-3").line()),
						"fatalities: -3 is negative"),
				bad("unknown event type", (id) -> text(AcledRow.of(id).set("event_type", "Fighting").line()),
						"event_type: unknown event type 'Fighting'"),
				bad("date before 1900",
						(id) -> text(AcledRow.of(id).set("event_date", "1899-12-31").set("year", "").line()),
						"event_date: 1899-12-31 is out of range"),
				bad("date in the future",
						(id) -> text(AcledRow.of(id).set("event_date", "2999-01-01").set("year", "").line()),
						"event_date: 2999-01-01 is out of range"),
				bad("date not a date", (id) -> text(AcledRow.of(id).set("event_date", "18/04/2022").line()),
						"event_date: '18/04/2022' is not a date (2022-04-18 or 18 April 2022)"),
				bad("invalid UTF-8", HostileFileTests::invalidUtf8, "admin1: is not valid UTF-8 text"),
				bad("1 MB field", (id) -> text(AcledRow.of(id).set("notes", "x".repeat(1 << 20)).line()),
						"the record is longer than 1000000 characters"),
				bad("actor name too long", (id) -> text(AcledRow.of(id).set("actor1", "a".repeat(501)).line()),
						"actor1: is 501 characters long, at most 500"),
				bad("NUL in a field", (id) -> text(AcledRow.of(id).set("admin1", "Ka\u0000bul").line()),
						"admin1: contains the control character U+0000 at character 3"),
				bad("terminal escape in a field", (id) -> text(AcledRow.of(id).set("actor1", "ISKP\u001b[2J").line()),
						"actor1: contains the control character U+001B at character 5"),
				bad("duplicate id", (id) -> text(AcledRow.of(id.replace("-3", "-2")).set("notes", "again").line()),
						"event_id_cnty: '"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileLines")
	void refusesTheBadLineWithItsReasonAndStoresTheGoodRowsAroundIt(String name, BadLine badLine, String reason)
			throws Exception {
		String prefix = "HOSTILE-" + name.replace(' ', '_') + "-";
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.write((AcledRow.HEADER + "\n" + AcledRow.of(prefix + 2).line() + "\n").getBytes(StandardCharsets.UTF_8));
		byte[] bad = badLine.bytes(prefix + 3);
		file.write(bad);
		file.write(("\n" + AcledRow.of(prefix + 4).line() + "\n").getBytes(StandardCharsets.UTF_8));

		String report = upload(file.toByteArray()).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].reason", containsString(reason)))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(this.incidents.find(new IncidentKey("acled", prefix + 2))).isPresent();
		assertThat(this.incidents.find(new IncidentKey("acled", prefix + 4))).isPresent();
		String id = report.replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
		String start = new String(bad, 0, 20, StandardCharsets.UTF_8);
		this.mvc.perform(get("/api/imports/" + id + "/rejected"))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].line").value(3))
			.andExpect(jsonPath("$[0].raw", startsWith(start)));
	}

	private ResultActions upload(byte[] content) throws Exception {
		return this.mvc.perform(multipart("/api/incidents/import")
			.file(new MockMultipartFile("file", "hostile.csv", "text/csv", content)));
	}

	/** The bad line for a row id. */
	interface BadLine {

		byte[] bytes(String id);

	}

	private static Arguments bad(String name, BadLine line, String reason) {
		return Arguments.of(name, line, reason);
	}

	private static byte[] text(String line) {
		return line.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] invalidUtf8(String id) {
		byte[] line = text(AcledRow.of(id).set("admin1", "Kab@@").line());
		String text = new String(line, StandardCharsets.ISO_8859_1);
		int at = text.indexOf("Kab@@") + 3;
		line[at] = (byte) 0xC3;
		line[at + 1] = (byte) 0x28;
		return line;
	}

}
