package org.harbinger.incident;

import org.harbinger.EndToEndTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Input a hostile feed might send through {@code POST /api/incidents}: control characters
 * in a field, and the same incident twice in one batch. Both are refused, naming the
 * record and field, and nothing of the batch is stored.
 */
@EndToEndTest
class IncidentInputTests {

	private static final String FIELDS = "\"source\":\"desk\",\"event_date\":\"2022-03-01\","
			+ "\"event_type\":\"Explosions/Remote violence\",\"sub_event_type\":\"Remote explosive/landmine/IED\"";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aNulInAFieldIsRefusedNamingTheField() throws Exception {
		send("[{" + FIELDS + ",\"id\":\"NUL-1\",\"country\":\"Afghan\\u0000istan\"}," + "{" + FIELDS
				+ ",\"id\":\"NUL-\\u00002\",\"country\":\"Pakistan\"}]")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].index").value(0))
			.andExpect(jsonPath("$.errors[0].field").value("country"))
			.andExpect(jsonPath("$.errors[0].message").value(
					"contains the control character U+0000 at character 7; the field is one line of text without them"))
			.andExpect(jsonPath("$.errors[1].index").value(1))
			.andExpect(jsonPath("$.errors[1].field").value("event_id_cnty"));

		assertThat(stored("NUL-%")).isZero();
	}

	@Test
	void notesKeepTabsAndLineBreaksButNoOtherControlCharacter() throws Exception {
		send("{" + FIELDS + ",\"id\":\"NOTES-1\",\"country\":\"Afghanistan\",\"notes\":\"First line\\n\\tsecond\"}")
			.andExpect(status().isOk());
		send("{" + FIELDS
				+ ",\"id\":\"NOTES-2\",\"country\":\"Afghanistan\",\"notes\":\"bell \\u0007 and escape \\u001b[2J\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("notes"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("contains the control character U+0007 at character 6; only tab and line breaks are allowed"));

		assertThat(stored("NOTES-%")).isEqualTo(1);
	}

	@Test
	void theSameIncidentTwiceInOneBatchIsRefusedAsInAFile() throws Exception {
		send("[{" + FIELDS + ",\"id\":\"TWICE-1\",\"country\":\"Afghanistan\",\"fatalities\":1}," + "{" + FIELDS
				+ ",\"id\":\"TWICE-2\",\"country\":\"Afghanistan\"}," + "{" + FIELDS
				+ ",\"id\":\"TWICE-1\",\"country\":\"Afghanistan\",\"fatalities\":9}]")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].index").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("event_id_cnty"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("'TWICE-1' of feed 'desk' is already record 0 of this batch"));

		assertThat(stored("TWICE-%")).isZero();
	}

	private ResultActions send(String json) throws Exception {
		return this.mvc.perform(post("/api/incidents").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private long stored(String idPattern) {
		return this.jdbc.sql("SELECT COUNT(*) FROM incident WHERE event_id LIKE ?")
			.param(idPattern)
			.query(Long.class)
			.single();
	}

}
