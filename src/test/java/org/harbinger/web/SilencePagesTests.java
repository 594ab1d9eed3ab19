package org.harbinger.web;

import org.harbinger.EndToEndTest;
import org.harbinger.alert.Alert;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The silence pages check roles as the API does (analysts read, administrators change)
 * and CSRF as the other forms; the form is pre-filled from an alert and names what it
 * refuses.
 */
@EndToEndTest
class SilencePagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Test
	void theFormOpenedFromAnAlertCarriesItsMatchersAndNamesWhatItRefuses() throws Exception {
		Alert alert = new DashboardAlerts(this.context).critical("Formland", "East", "A unit went over.");

		this.mvc.perform(get("/alerts/" + alert.id())).andExpect(content().string(containsString("id=\"silence\"")));
		this.mvc.perform(get("/admin/silences/new").param("alert", String.valueOf(alert.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"" + DashboardAlerts.INDICATOR + "\""),
					containsString("value=\"Formland/East\""))));
		this.mvc
			.perform(post("/admin/silences").param("indicator", "~(")
				.param("scope", "Formland/East")
				.param("duration", "soon")
				.param("comment", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("is not a regular expression"),
					containsString("&#39;soon&#39; is not a duration"), containsString("is required"))));
		this.mvc
			.perform(post("/admin/silences").param("indicator", DashboardAlerts.INDICATOR)
				.param("scope", "Formland/East")
				.param("duration", "3h")
				.param("comment", "Checking"))
			.andExpect(redirectedUrlPattern("/silences#silence-*"))
			.andExpect(flash().attribute("outcome", containsString("scope=Formland/East")));
		this.mvc.perform(get("/silences"))
			.andExpect(content().string(allOf(containsString("scope=Formland/East"), containsString("1 open alert"))));
	}

	@Test
	void analystsReadSilencesButOnlyAdministratorsChangeThemAndEveryFormNeedsItsToken() throws Exception {
		this.mvc.perform(get("/silences").with(user("reader").roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("<h1>Silences</h1>"), not(containsString("New silence")))));
		this.mvc.perform(get("/admin/silences/new").with(user("reader").roles("ANALYST")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/silences").with(user("reader").roles("ANALYST"))
				.param("scope", "Formland")
				.param("duration", "1h")
				.param("comment", "x"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/silences/1/expire").with(user("reader").roles("ANALYST")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/silences").with(user("boss").roles("ADMIN"))
				.with(csrf().useInvalidToken())
				.param("scope", "Formland")
				.param("duration", "1h")
				.param("comment", "x"))
			.andExpect(status().isForbidden());
	}

}
