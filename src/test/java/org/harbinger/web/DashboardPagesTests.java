package org.harbinger.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.harbinger.EndToEndTest;
import org.harbinger.TestIncidents;
import org.harbinger.alert.Alert;
import org.harbinger.engine.EngineHost;
import org.harbinger.incident.IncidentService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's pages rendered on the shared context: alerts by severity with filters,
 * an alert with its evidence, chart and notes, the incident search, trends, rules and
 * outbox. Each test raises alerts in a made-up country of its own.
 */
@EndToEndTest
class DashboardPagesTests {

	private static final String HOSTILE_NOTES = "<script>alert(1)</script> then =cmd|' /C calc'!A0";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	private DashboardAlerts alerts;

	@BeforeEach
	void alerts() {
		this.alerts = new DashboardAlerts(this.context);
	}

	@Test
	void alertsPageListsCriticalBeforeWarningAndFiltersBySeverity() throws Exception {
		this.alerts.warning("Pagesland", "North");
		this.alerts.critical("Pagesland", "South", "A unit defected.");

		String page = this.mvc.perform(get("/alerts").param("scope", "Pagesland"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Pagesland/North", "Pagesland/South", "Defections to ISKP", "2 alerts");
		assertThat(page.indexOf("Pagesland/South")).as("CRITICAL first").isLessThan(page.indexOf("Pagesland/North"));
		assertThat(page).contains("<label for=\"scope\">", "<label for=\"severity\">",
				"<th scope=\"col\">Severity</th>", "Skip to content", "href=\"/admin/thresholds\"",
				"href=\"/admin/subscriptions\"", "href=\"/admin/audit\"", "action=\"/logout\"");

		this.mvc.perform(get("/").param("scope", "Pagesland").param("severity", "WARNING"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Pagesland/North"), not(containsString("Pagesland/South")),
					containsString("1 alert"))));
	}

	@Test
	void alertPageShowsEvidenceWithGradeAndLinkTheChartAndTheTransitions() throws Exception {
		Alert alert = this.alerts.warning("Evidenceland", "East");

		this.mvc.perform(get("/alerts/" + alert.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Defections to ISKP"), containsString("Evidenceland/East"),
					containsString("href=\"/incidents/test/WEB-Evidenceland-East-1\""), containsString(">B2<"),
					containsString("<svg"), containsString("class=\"line-label\" text-anchor=\"start\""),
					containsString(">min-count 3<"), containsString("FIRED"), containsString("Not yet"))));
	}

	@Test
	void acknowledgingAndCommentingFromTheAlertPageShowsWhoAndWhen() throws Exception {
		Alert alert = this.alerts.critical("Ackland", "West", "Mass defection.");

		this.mvc.perform(post("/alerts/" + alert.id() + "/acknowledge"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/alerts/" + alert.id() + "#notes"));
		this.mvc.perform(post("/alerts/" + alert.id() + "/comments").param("text", "Checked with the <desk>."))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/alerts/" + alert.id() + "/comments").param("text", "  "))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("commentError", "a comment needs some text"));

		this.mvc.perform(get("/alerts/" + alert.id()))
			.andExpect(content().string(allOf(containsString("by e2e, "), containsString("acknowledged"),
					containsString("Checked with the &lt;desk&gt;."))));
		this.mvc.perform(get("/alerts").param("scope", "Ackland"))
			.andExpect(content().string(allOf(containsString("e2e"), not(containsString("Not yet")))));
	}

	@Test
	void pageFormsCarryACsrfTokenAndAreRefusedWithoutOne() throws Exception {
		Alert alert = this.alerts.critical("Csrfland", "Pass", "Mass defection.");

		String page = this.mvc.perform(get("/alerts/" + alert.id())).andReturn().getResponse().getContentAsString();
		assertThat(page).containsPattern("action=\"/alerts/" + alert.id()
				+ "/acknowledge\"><input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
		assertThat(page).containsPattern(
				"action=\"/alerts/" + alert.id() + "/comments\"[^>]*><input type=\"hidden\" name=\"_csrf\"");
		assertThat(page).containsPattern("<meta name=\"_csrf\" content=\"[^\"]+\"");
		this.mvc.perform(post("/alerts/" + alert.id() + "/acknowledge").with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/alerts/" + alert.id()).with(anonymous()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/api/alerts/" + alert.id())).andExpect(jsonPath("$.acknowledgements.length()").value(0));
	}

	@Test
	void theApiAcknowledgesCommentsAndReturnsBothWithTheAlert() throws Exception {
		Alert alert = this.alerts.critical("Apiland", "Centre", "Mass defection.");

		this.mvc.perform(post("/api/alerts/" + alert.id() + "/acknowledge"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("ACKNOWLEDGED"))
			.andExpect(jsonPath("$.author").value("e2e"));
		this.mvc
			.perform(post("/api/alerts/" + alert.id() + "/comments").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"Matches the desk's reporting.\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.text").value("Matches the desk's reporting."));
		this.mvc
			.perform(post("/api/alerts/" + alert.id() + "/comments").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("text: a comment needs some text"));
		this.mvc.perform(post("/api/alerts/999999/acknowledge")).andExpect(status().isNotFound());

		this.mvc.perform(get("/api/alerts/" + alert.id()))
			.andExpect(jsonPath("$.acknowledgements.length()").value(1))
			.andExpect(jsonPath("$.acknowledgements[0].author").value("e2e"))
			.andExpect(jsonPath("$.acknowledgements[0].created_at").exists())
			.andExpect(jsonPath("$.comments[0].text").value("Matches the desk's reporting."));
	}

	@Test
	void hostileIncidentNotesAreEscapedOnTheIncidentAndAlertPages() throws Exception {
		Alert alert = this.alerts.critical("Escapeland", "Hill", HOSTILE_NOTES);
		String escaped = "&lt;script&gt;alert(1)&lt;/script&gt; then =cmd|&#39; /C calc&#39;!A0";

		for (String url : new String[] { "/incidents/test/WEB-Escapeland-Hill-mass", "/alerts/" + alert.id() }) {
			this.mvc.perform(get(url))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString(escaped), not(containsString("<script>alert(1)")))));
		}
	}

	@Test
	void theIncidentPageShowsTheGradeBuiltFromTheOutletsWithItsReasons() throws Exception {
		this.mvc.perform(post("/api/incidents").contentType(MediaType.APPLICATION_JSON).content("""
				{"source":"desk","id":"GRADE-1","event_date":"2022-03-01","event_type":"Explosions/Remote violence",
				 "country":"Gradeland","reported_by":"Amaq News Agency; Kun.uz; Radio Free Europe/Radio Liberty"}
				""")).andExpect(status().isOk());

		this.mvc.perform(get("/incidents/desk/GRADE-1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Admiralty grade"), containsString(">B2<"),
					containsString("Why this grade"),
					containsString("reliability B from Radio Free Europe/Radio Liberty; credibility 2: 2 independent "
							+ "outlets (Kun.uz C, Radio Free Europe/Radio Liberty B); Amaq News Agency D is the group&#39;s "
							+ "claim, not confirmation"))));
	}

	@Test
	void incidentSearchFiltersPagesAndCountsByProvince() throws Exception {
		this.alerts.warning("Searchland", "Upper");
		this.alerts.critical("Searchland", "Lower", "One unit.");

		String page = this.mvc.perform(get("/incidents").param("country", "searchland").param("actor", "tali"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Showing 1-4 of 4 incidents", "WEB-Searchland-Upper-1", "WEB-Searchland-Lower-mass",
				"<label for=\"from\">", "By province");
		assertThat(page).containsPattern("Upper</a></th>\\s*<td>Searchland</td>\\s*<td class=\"num\">3</td>");
		LocalDate first = this.context.getBean(EngineHost.class).currentDay().minusDays(MapPages.DEFAULT_DAYS - 1);
		assertThat(page).contains("id=\"from\" name=\"from\" type=\"date\" value=\"" + first + "\"",
				"href=\"/incidents?from=" + first + "&amp;country=Searchland&amp;admin1=Upper&amp;actor=tali\"");

		this.mvc.perform(get("/incidents").param("country", "Searchland").param("admin1", "Lower"))
			.andExpect(content().string(allOf(containsString("Showing 1-1 of 1 incidents"),
					not(containsString("WEB-Searchland-Upper-1")))));
		this.mvc.perform(get("/incidents").param("country", "Searchland").param("from", "2999-01-01"))
			.andExpect(content().string(containsString("No incidents match.")));
	}

	@Test
	void incidentSearchReadsTheDefaultPeriodUnlessFromIsGivenAndAnEmptyFromReadsEveryDate() throws Exception {
		this.alerts.warning("Periodland", "Old");
		LocalDate today = this.context.getBean(EngineHost.class).currentDay();
		LocalDate old = today.minusDays(MapPages.DEFAULT_DAYS);
		this.context.getBean(IncidentService.class)
			.record(List.of(TestIncidents.builder("WEB-Periodland-before", old, "Periodland").admin1("Old").build()));

		this.mvc.perform(get("/incidents").param("country", "periodland"))
			.andExpect(content().string(
					allOf(containsString("Showing 1-3 of 3 incidents"), not(containsString("WEB-Periodland-before")))));
		this.mvc.perform(get("/incidents").param("country", "PERIODLAND").param("from", ""))
			.andExpect(content()
				.string(allOf(containsString("Showing 1-4 of 4 incidents"), containsString("WEB-Periodland-before"),
						containsString("href=\"/incidents?from=&amp;country=Periodland&amp;admin1=Old\""))));
		this.mvc.perform(get("/incidents").param("country", "Periodland").param("to", old.toString()))
			.andExpect(content().string(allOf(containsString("Showing 1-1 of 1 incidents"),
					containsString("value=\"" + old.minusDays(MapPages.DEFAULT_DAYS - 1) + "\""))));
	}

	/**
	 * Issue 15: an analyst sees whether an alert reports what ISKP did or what was done
	 * to it.
	 */
	@Test
	void alertTrendAndRulesPagesSayWhichRoleOfIskpTheIndicatorCounts() throws Exception {
		Alert alert = this.alerts.warning("Roleland", "North");

		this.mvc.perform(get("/alerts/" + alert.id()))
			.andExpect(
					content().string(allOf(containsString("<dt>Counts ISKP as</dt>"), containsString("<dd>any</dd>"))));
		this.mvc.perform(get("/trends/crackdown-surge"))
			.andExpect(content()
				.string(allOf(containsString("<dt>Counts ISKP as</dt>"), containsString("<dd>target</dd>"))));
		this.mvc.perform(get("/rules"))
			.andExpect(content().string(allOf(containsString("Counts the group as"), containsString("<td>ISKP</td>"),
					containsString("<td>TTP</td>"), containsString("<td>perpetrator</td>"),
					containsString("<td>target</td>"))));
		this.mvc.perform(get("/api/rules/status"))
			.andExpect(jsonPath("$.files[?(@.id == 'attack-surge')].role").value("perpetrator"));
	}

	@Test
	void theAlertsListCountsEachSeverityWithALinkThatFiltersToIt() throws Exception {
		this.alerts.warning("Countland", "North");
		this.alerts.critical("Countland", "South", "A unit defected.");
		this.alerts.critical("Countland", "East", "Another unit defected.");

		String page = this.mvc.perform(get("/alerts").param("scope", "Countland").param("severity", "WARNING"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The counts ignore the severity filter, so each stays a way to the others.
		assertThat(page).containsPattern("id=\"count-CRITICAL\"[^>]*>\\s*<span[^>]*>CRITICAL</span> <strong>2</strong>")
			.containsPattern(
					"id=\"count-WARNING\"[^>]*aria-current=\"true\"[^>]*>\\s*<span[^>]*>WARNING</span> <strong>1</strong>")
			.containsPattern("id=\"count-INFO\"[^>]*>\\s*<span[^>]*>INFO</span> <strong>0</strong>")
			.contains("href=\"/alerts?scope=Countland&amp;severity=CRITICAL\"", "1 alert");
	}

	@Test
	void trendRulesAndOutboxPagesShowWhatIsLoadedAndSent() throws Exception {
		this.alerts.warning("Trendland", "Valley");

		this.mvc.perform(get("/trends"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Cross-border fire from Afghanistan"),
					containsString("href=\"/trends/defection-to-iskp\""), containsString("<svg"),
					containsString("class=\"sparkline\""), containsString("Last 90 days"))));
		this.mvc.perform(get("/trends/defection-to-iskp"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("defection-to-iskp.min-count"),
					containsString("Trendland/Valley"), containsString("<svg"), containsString("Transitions over time"),
					containsString(">min-count "))));
		this.mvc.perform(get("/trends/no-such-indicator")).andExpect(status().isNotFound());
		this.mvc.perform(get("/rules"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("OK: files on disk in force"), containsString("attack-surge.drl"),
						containsString("baseline-days"), not(containsString("refused")))));
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc
			.sql("INSERT INTO outbox (subscription, message_id, recipients, subject, body_text, body_html, status, "
					+ "attempts, next_attempt_at, created_at) VALUES ('outbox-page', '<outbox-page@test>', "
					+ "'a@outbox.test,b@outbox.test', 'Outbox page subject', 'text', 'html', 'PENDING', 0, ?, ?)")
			.params(now, now)
			.update();
		this.mvc.perform(get("/outbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Outbox"), containsString("Outbox page subject"),
					containsString("a@outbox.test, b@outbox.test"))));
	}

}
