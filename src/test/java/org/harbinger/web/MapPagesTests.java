package org.harbinger.web;

import java.time.LocalDate;

import org.harbinger.EndToEndTest;
import org.harbinger.engine.EngineHost;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The map page and {@code GET /api/incidents/map} on the shared context: a place cited by
 * an open alert, its province and country, the links that narrow the incident search, the
 * incidents outside the view counted, and a view it does not have refused naming it.
 */
@EndToEndTest
class MapPagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private EngineHost engine;

	/**
	 * The map's default period, the 90 days up to the clock (other tests of the shared
	 * context move it), as query parameters.
	 */
	private String defaultPeriod() {
		LocalDate today = this.engine.currentDay();
		return "from=" + today.minusDays(MapPages.DEFAULT_DAYS - 1) + "&to=" + today;
	}

	@Test
	void theApiGivesEachPlaceAndProvinceWithItsIncidentsAndTheMostSevereOpenAlertCitingIt() throws Exception {
		new DashboardAlerts(this.context).criticalAt("Apiland", "Ridge", "Ridgetown", 33.0, 70.0);

		this.mvc.perform(get("/api/incidents/map"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.view").value("KHORASAN"))
			.andExpect(jsonPath("$.places[?(@.location == 'Ridgetown')].severity").value(hasItem("CRITICAL")))
			.andExpect(jsonPath("$.places[?(@.location == 'Ridgetown')].incidents").value(hasItem(1)))
			.andExpect(jsonPath("$.places[?(@.location == 'Ridgetown')].href")
				.value(hasItem("/incidents?" + defaultPeriod() + "&country=Apiland&admin1=Ridge")))
			.andExpect(jsonPath("$.provinces[?(@.admin1 == 'Ridge')].severity").value(hasItem("CRITICAL")))
			.andExpect(jsonPath("$.countries[*].name").value(hasItems("Afghanistan", "Pakistan", "Iran", "Tajikistan")))
			.andExpect(jsonPath("$.countries[0].path").doesNotExist())
			.andExpect(jsonPath("$.open_alerts[*].scope").value(hasItem("Apiland/Ridge")));

		// The wide view holds 70 E, 33 N too; a period before the incident holds nothing
		// there.
		this.mvc.perform(get("/api/incidents/map").param("view", "wide").param("to", "2021-03-31"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.view").value("WIDE"))
			.andExpect(jsonPath("$.places[?(@.location == 'Ridgetown')]").isEmpty());
	}

	@Test
	void aProvinceWithAnOutlineIsShadedInsteadOfADiscAndRingedByItsAlert() throws Exception {
		new DashboardAlerts(this.context).criticalAt("Afghanistan", "Kunar", "Asadabad", 34.87, 71.15);

		this.mvc.perform(get("/api/incidents/map"))
			.andExpect(jsonPath("$.areas[?(@.admin1 == 'Kunar')].severity").value(hasItem("CRITICAL")))
			.andExpect(jsonPath("$.areas[?(@.admin1 == 'Kunar')].href")
				.value(hasItem("/incidents?" + defaultPeriod() + "&country=Afghanistan&admin1=Kunar")))
			.andExpect(jsonPath("$.areas[0].path").doesNotExist())
			.andExpect(jsonPath("$.provinces[?(@.admin1 == 'Kunar')].r").value(hasItem(0.0)));
		String page = this.mvc.perform(get("/map")).andReturn().getResponse().getContentAsString();
		assertThat(page)
			.containsPattern(
					"<path class=\"province-area shade-[1-5] alert-CRITICAL\"[^>]*><title>Kunar, Afghanistan: ")
			.doesNotContainPattern("<circle class=\"province [^\"]*\"[^>]*><title>Kunar, Afghanistan");
	}

	@Test
	void incidentsOutsideTheViewAreCountedWithALinkToThem() throws Exception {
		new DashboardAlerts(this.context).criticalAt("Farland", "Coast", "Port", 4.2, 150.0);

		this.mvc.perform(get("/api/incidents/map"))
			.andExpect(jsonPath("$.outside[?(@.country == 'Farland')].incidents").value(hasItem(1)));
		String page = this.mvc.perform(get("/map"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<svg", "class=\"map\"", "Outside this view", "Farland 1",
				"href=\"/incidents?" + defaultPeriod().replace("&", "&amp;") + "&amp;country=Afghanistan\"",
				"aria-current=\"page\">Map<");
	}

	@Test
	void aViewTheMapDoesNotHaveIsAProblemNamingTheParameterAndItsViews() throws Exception {
		this.mvc.perform(get("/api/incidents/map").param("view", "europe"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("view: 'europe' is not one of KHORASAN, WIDE"));
	}

}
