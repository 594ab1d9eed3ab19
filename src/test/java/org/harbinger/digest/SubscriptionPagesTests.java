package org.harbinger.digest;

import org.harbinger.ConfigEditingTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin pages for subscriptions: listed, added, changed and deleted by forms with a
 * reason.
 */
@ConfigEditingTest
class SubscriptionPagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Subscriptions subscriptions;

	@Test
	void aSubscriptionIsAddedChangedAndDeletedThroughThePages() throws Exception {
		this.mvc
			.perform(post("/admin/subscriptions").param("name", "page-desk")
				.param("recipients", "page@analysis.example, second@analysis.example")
				.param("cron", "0 15 7 * * ?")
				.param("time-zone", "")
				.param("min-severity", "CRITICAL")
				.param("indicators", "")
				.param("scopes", "Pakistan")
				.param("rule-errors", "true")
				.param("reason", "new desk"))
			.andExpect(redirectedUrl("/admin/subscriptions"));
		assertThat(this.subscriptions.find("page-desk").orElseThrow().recipients())
			.containsExactly("page@analysis.example", "second@analysis.example");
		assertThat(this.subscriptions.find("page-desk").orElseThrow().ruleErrors()).isTrue();
		this.mvc.perform(get("/admin/subscriptions"))
			.andExpect(content().string(allOf(containsString("href=\"/admin/subscriptions/page-desk\""),
					containsString("<label for=\"recipients\">"))));

		this.mvc.perform(get("/admin/subscriptions/page-desk"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"page@analysis.example, second@analysis.example\"")));
		this.mvc
			.perform(post("/admin/subscriptions/page-desk").param("name", "page-desk")
				.param("recipients", "page@analysis.example")
				.param("cron", "not a cron")
				.param("min-severity", "CRITICAL")
				.param("reason", "fewer people"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is not a Quartz cron expression")));
		this.mvc
			.perform(post("/admin/subscriptions/page-desk").param("name", "page-desk")
				.param("recipients", "page@analysis.example")
				.param("cron", "0 15 7 * * ?")
				.param("min-severity", "CRITICAL")
				.param("reason", "fewer people"))
			.andExpect(redirectedUrl("/admin/subscriptions"));
		assertThat(this.subscriptions.find("page-desk").orElseThrow().recipients())
			.containsExactly("page@analysis.example");
		assertThat(this.subscriptions.find("page-desk").orElseThrow().scopes()).isEmpty();
		assertThat(this.subscriptions.find("page-desk").orElseThrow().ruleErrors()).as("checkbox left unticked")
			.isFalse();

		this.mvc.perform(post("/admin/subscriptions/page-desk/delete").param("reason", ""))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/admin/subscriptions/page-desk/delete").param("reason", "desk closed"))
			.andExpect(redirectedUrl("/admin/subscriptions"));
		assertThat(this.subscriptions.find("page-desk")).isEmpty();
		this.mvc.perform(get("/admin/audit").param("file", "subscriptions").param("item", "page-desk"))
			.andExpect(content().string(
					allOf(containsString("desk closed"), containsString("fewer people"), containsString("new desk"))));
		this.mvc.perform(get("/admin/subscriptions/page-desk")).andExpect(status().isNotFound());
	}

}
