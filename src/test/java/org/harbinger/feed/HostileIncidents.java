package org.harbinger.feed;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.harbinger.engine.EngineHost;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rockets from Afghanistan into Pakistan in October 2020 (no other test uses that country
 * and month): a plain incident and one whose text is hostile, both evidence of one
 * cross-border-fire alert. Posting them again changes nothing, so every test may.
 */
final class HostileIncidents {

	static final LocalDate DAY = LocalDate.of(2020, 10, 20);

	static final String SOURCE = "feedtest";

	/**
	 * An event id that a spreadsheet would run, so the alert's evidence cell starts with
	 * it too.
	 */
	static final String HOSTILE_ID = "=PAK-FEED-2";

	static final String NOTES = "=cmd|' /C calc'!A0 <script>alert('notes')</script>";

	static final String LOCATION = "+1+1";

	static final String ACTOR2 = "@SUM(1)";

	static final String ASSOC_ACTOR = "-2+3";

	static final String ADMIN1 = "<script>alert(1)</script> & Co";

	private HostileIncidents() {
	}

	static void record(MockMvc mvc, EngineHost engine) throws Exception {
		engine.advanceTo(DAY).join();
		Map<String, Object> plain = rockets("PAK-FEED-1", "2020-10-18");
		plain.put("admin1", "Khyber Pakhtunkhwa");
		plain.put("location", "Torkham");
		plain.put("notes", "Rockets fired from Nangarhar toward Torkham.");
		plain.put("latitude", 34.1);
		plain.put("longitude", 71.09);
		Map<String, Object> hostile = rockets(HOSTILE_ID, "2020-10-17");
		hostile.put("admin1", ADMIN1);
		hostile.put("location", LOCATION);
		hostile.put("actor2", ACTOR2);
		hostile.put("assoc_actor_1", ASSOC_ACTOR);
		hostile.put("notes", NOTES);
		// A negative number, as numeric columns may legitimately hold: it must stay a
		// number.
		hostile.put("latitude", -33.5);
		hostile.put("longitude", 70.2);
		hostile.put("fatalities", 2);
		mvc.perform(post("/api/incidents").contentType(MediaType.APPLICATION_JSON)
			.content(JsonMapper.builder().build().writeValueAsString(List.of(plain, hostile))))
			.andExpect(status().isOk());
		engine.today();
	}

	private static Map<String, Object> rockets(String id, String date) {
		Map<String, Object> incident = new LinkedHashMap<>();
		incident.put("source", SOURCE);
		incident.put("id", id);
		incident.put("event_date", date);
		incident.put("event_type", "Explosions/Remote violence");
		incident.put("sub_event_type", "Shelling/artillery/missile attack");
		incident.put("actor1", "ISKP");
		incident.put("origin_country", "Afghanistan");
		incident.put("country", "Pakistan");
		incident.put("fatalities", 0);
		return incident;
	}

}
