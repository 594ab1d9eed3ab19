package org.harbinger.digest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.harbinger.engine.EngineHost;
import org.harbinger.engine.Severity;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ISKP attacks in made-up countries, posted through the API on one day: each opens an
 * external-operations alert for its country, CRITICAL from 10 killed, WARNING below.
 */
final class DeskIncidents {

	static final LocalDate DAY = LocalDate.of(2022, 5, 7);

	private DeskIncidents() {
	}

	static String attack(String id, String date, String country, int fatalities, String reliability, int credibility,
			String reportedBy, String notes) {
		return """
				{"source":"desk","event_id_cnty":"%s","event_date":"%s","event_type":"Explosions/Remote violence",
				 "sub_event_type":"Suicide bomb","actor1":"Islamic State (Afghanistan)","country":"%s","location":"%s",
				 "fatalities":%d,"reliability":"%s","credibility":%d,"reported_by":"%s","notes":"%s"}
				""".formatted(id, date, country, country, fatalities, reliability, credibility, reportedBy, notes);
	}

	static String attack(String id, String country, int fatalities) {
		return attack(id, "2022-05-06", country, fatalities, "B", 2, "Desk", "Attack in " + country + ".");
	}

	/**
	 * Stores the incidents with the clock on {@link #DAY} and waits until the engine has
	 * judged them.
	 */
	static void record(MockMvc mvc, EngineHost engine, String... incidents) throws Exception {
		engine.advanceTo(DAY).join();
		mvc.perform(post("/api/incidents").contentType(MediaType.APPLICATION_JSON)
			.content("[" + String.join(",", incidents) + "]")).andExpect(status().isOk());
		engine.today();
	}

	/**
	 * A subscription of its own, mailed to {@code <name>@digest.test}, for the given
	 * countries.
	 */
	static Subscription subscription(String name, boolean flash, String... scopes) {
		return new Subscription(name, List.of(name + "@digest.test"), "0 0 7 * * ?", ZoneId.of("UTC"), Severity.INFO,
				List.of(), List.of(scopes), flash, false);
	}

}
