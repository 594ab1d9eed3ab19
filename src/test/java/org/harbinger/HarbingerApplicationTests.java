package org.harbinger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.harbinger.engine.EngineHost;
import org.harbinger.incident.IncidentKey;
import org.harbinger.incident.IncidentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole flow in one shared context: the REST API, H2 through Flyway, the Drools
 * engine on the shipped rules, the alert store, Quartz's JDBC store, and a real SMTP
 * server (GreenMail). Each test uses its own countries or feed so that order does not
 * matter.
 */
@EndToEndTest
class HarbingerApplicationTests {

	@Value("${local.server.port}")
	private int port;

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	private static final LocalDate TAKHAR_DAY = LocalDate.of(2022, 5, 7);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private EngineHost engine;

	@Autowired
	private IncidentRepository incidents;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationContext context;

	@Test
	void rocketsIntoTwoNeighboursReachTheSubscriberAsOneCriticalDigestThatSaysWhy() throws Exception {
		postIncidents(
				"""
						[{"source":"acled","event_id_cnty":"UZB2001","event_date":"2022-04-18","event_type":"Explosions/Remote violence",
						  "sub_event_type":"Shelling/artillery/missile attack","actor1":"Islamic State (Afghanistan)",
						  "country":"Uzbekistan","admin1":"Surxondaryo","location":"Termez","fatalities":0,"tags":["claimed"],
						  "notes":"Ten 107-mm rockets fired from northern Afghanistan toward Termez."},
						 {"source":"acled","event_id_cnty":"TJK1001","event_date":"2022-05-07","event_type":"Explosions/Remote violence",
						  "sub_event_type":"Shelling/artillery/missile attack","actor1":"Islamic State (Afghanistan)",
						  "country":"Tajikistan","admin1":"Khatlon","location":"Farkhor","fatalities":0,"tags":"claimed",
						  "notes":"Seven rockets fired from Khwaja Ghar, Takhar, toward Tajik military posts."}]
						""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2));
		this.engine.advanceTo(TAKHAR_DAY).join();

		this.mvc.perform(post("/api/subscriptions/central-asia/digest"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SENT"));

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getSubject()).isEqualTo("[Harbinger] 2 new CRITICAL - Tajikistan, Uzbekistan - 7 May 2022");
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("central-asia@analysis.test");
		String outboxMessageId = this.jdbc.sql("SELECT message_id FROM outbox WHERE subscription = 'central-asia'")
			.query(String.class)
			.single();
		assertThat(mail.getMessageID()).isEqualTo(outboxMessageId);
		Map<String, String> parts = alternatives(mail);
		assertThat(parts).containsOnlyKeys("text/plain", "text/html", "image/png");
		for (String body : List.of(parts.get("text/plain"), parts.get("text/html"))) {
			assertThat(body).contains("Cross-border fire from Afghanistan", "Uzbekistan", "Tajikistan", "CRITICAL",
					"2 countries, 2 events in 30 days", "UZB2001", "TJK1001", "Termez", "Farkhor");
		}
		assertThat(parts.get("text/plain")).doesNotContain("WARNING");
		// Each country's alert cites its own incident; CRITICAL comes from both, and says
		// so.
		String because = "CRITICAL because: 2 countries hit in 30 days (critical at 2): Tajikistan, Uzbekistan";
		String text = parts.get("text/plain");
		assertThat(text).containsSubsequence("SUMMARY",
				"#1 CRITICAL Cross-border fire from Afghanistan - Tajikistan - new",
				"#2 CRITICAL Cross-border fire from Afghanistan - Uzbekistan - new", "==== Central Asia ====",
				"#2 Cross-border fire from Afghanistan - Uzbekistan", "What tripped it",
				because + " (UZB2001, TJK1001)", "Evidence: UZB2001", "-- Incidents cited (2)",
				"UZB2001 2022-04-18 Termez, Surxondaryo, Uzbekistan", "Islamic State (Afghanistan); killed 0; grade B2",
				"Cited by #1 Cross-border fire from Afghanistan - Tajikistan (its severity); #2 Cross-border fire from Afghanistan - Uzbekistan",
				base() + "/incidents/acled/UZB2001", "TJK1001 2022-05-07 Farkhor, Khatlon, Tajikistan",
				base() + "/incidents/acled/TJK1001");
		// Both alerts cite both incidents (one as evidence, both behind the severity):
		// each is listed once.
		assertThat(text).containsOnlyOnce("UZB2001 2022-04-18 Termez").containsOnlyOnce("TJK1001 2022-05-07 Farkhor");
		String html = parts.get("text/html");
		assertThat(html).containsSubsequence("Uzbekistan", "CRITICAL because: </strong>",
				"2 countries hit in 30 days (critical at 2): Tajikistan, Uzbekistan",
				"href=\"" + base() + "/incidents/acled/UZB2001\"", "href=\"" + base() + "/incidents/acled/TJK1001\"");
		assertThat(html).containsOnlyOnce("href=\"" + base() + "/incidents/acled/UZB2001\"")
			.containsOnlyOnce("href=\"" + base() + "/incidents/acled/TJK1001\"");
		long uzbekistan = this.jdbc
			.sql("SELECT id FROM alert WHERE indicator = 'cross-border-fire' AND scope = 'Uzbekistan'")
			.query(Long.class)
			.single();
		String page = this.mvc.perform(get("/alerts/" + uzbekistan)).andReturn().getResponse().getContentAsString();
		assertThat(page).containsSubsequence(because, "href=\"/incidents/acled/UZB2001\"",
				"href=\"/incidents/acled/TJK1001\"", "Incidents this alert cited and those behind its severity",
				"Evidence");
		assertThat(page).as("the chart counts both countries' fire, as the rule did")
			.contains("at most 2 in 30 days, on 2022-05-07");
		assertThat(text).containsSubsequence("#2 Cross-border fire from Afghanistan - Uzbekistan",
				"Trend: 2 in the 30 days to 7 May 2022");

		this.mvc.perform(post("/api/subscriptions/central-asia/digest"))
			.andExpect(jsonPath("$.status").value("NOTHING_CHANGED"));
		assertThat(smtp.getReceivedMessages()).as("nothing changed, so no second digest").hasSize(1);
	}

	@Test
	void postingTheSameIncidentTwiceLeavesOneIncidentAndOneAlert() throws Exception {
		String incident = """
				{"source":"desk","id":"TKM-7","event_date":"2022-02-01","event_type":"Explosions/Remote violence",
				 "sub_event_type":"Shelling/artillery/missile attack","actor1":"ISKP","origin_country":"Afghanistan",
				 "country":"Turkmenistan","fatalities":1}
				""";
		postIncidents(incident).andExpect(jsonPath("$.created").value(1));
		// February, so that this fire is out of the window of the Termez and Takhar test.
		this.engine.advanceTo(LocalDate.of(2022, 2, 2)).join();
		postIncidents(incident).andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.updated").value(1));
		this.engine.today();

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM incident WHERE event_id = 'TKM-7'").query(Long.class).single())
			.isEqualTo(1);
		this.mvc.perform(get("/api/alerts").param("indicator", "cross-border-fire").param("scope", "Turkmenistan"))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].status").value("OPEN"))
			.andExpect(jsonPath("$[0].evidence", contains("TKM-7")));
		long id = this.jdbc.sql("SELECT id FROM alert WHERE indicator = 'cross-border-fire' AND scope = 'Turkmenistan'")
			.query(Long.class)
			.single();
		this.mvc.perform(get("/api/alerts/" + id))
			.andExpect(jsonPath("$.transitions.length()").value(1))
			.andExpect(jsonPath("$.transitions[0].kind").value("FIRED"))
			.andExpect(jsonPath("$.transitions[0].evidence", contains("TKM-7")));
	}

	@Test
	void aBatchWithABadRecordIsRefusedWholeWithOneMessagePerField() throws Exception {
		postIncidents(
				"""
						[{"source":"desk","id":"OK-1","event_date":"2022-03-01","event_type":"Battles","country":"Afghanistan"},
						 {"source":"desk","id":"BAD-1","event_date":"18/04/2022","event_type":"Fighting","country":"Afghanistan",
						  "fatalities":-3,"reliability":"Z","colour":"red"}]
						""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(5))
			.andExpect(jsonPath("$.errors[?(@.field == 'event_date')].message")
				.value("'18/04/2022' is not a date (2022-04-18 or 18 April 2022)"))
			.andExpect(jsonPath("$.errors[?(@.field == 'event_type')].index").value(1))
			.andExpect(jsonPath("$.errors[?(@.field == 'fatalities')].message").value("-3 is negative"))
			.andExpect(jsonPath("$.errors[?(@.field == 'reliability')].message")
				.value("'Z' is not an Admiralty reliability grade A-F"))
			.andExpect(jsonPath("$.errors[?(@.field == 'colour')].message").value("unknown field"));

		assertThat(this.incidents.find(new IncidentKey("desk", "OK-1"))).as("nothing half-saved").isEmpty();
	}

	@Test
	void aRecordWithoutItsRequiredFieldsNamesEachOne() throws Exception {
		postIncidents("{\"source\":\"desk\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("event_id_cnty", "event_date", "event_type", "country")));
	}

	@Test
	void normalisesActorsAndDerivesOriginAndClaimFromTheRecord() throws Exception {
		postIncidents("""
				{"source":"desk","id":"N-1","event_date":"2022-04-18","event_type":"explosions/remote VIOLENCE",
				 "actor1":"Islamic State (Afghanistan)","country":"Uzbekistan",
				 "notes":"The group claimed responsibility via Amaq."}
				""").andExpect(status().isOk());

		assertThat(this.incidents.find(new IncidentKey("desk", "N-1"))).hasValueSatisfying((incident) -> {
			assertThat(incident.eventType()).isEqualTo("Explosions/Remote violence");
			assertThat(incident.actor1Group()).isEqualTo("ISKP");
			assertThat(incident.originCountry()).isEqualTo("Afghanistan");
			assertThat(incident.claimStatus().name()).isEqualTo("CLAIMED");
			assertThat(incident.reliability() + incident.credibility()).isEqualTo("B2");
		});
	}

	@Test
	void eachSubscriptionIsAJobInQuartzsJdbcStoreOnItsOwnCronAndTimeZone() {
		assertThat(this.jdbc.sql("SELECT j.JOB_NAME, c.CRON_EXPRESSION, c.TIME_ZONE_ID FROM QRTZ_JOB_DETAILS j "
				+ "JOIN QRTZ_TRIGGERS t ON t.JOB_NAME = j.JOB_NAME AND t.JOB_GROUP = j.JOB_GROUP "
				+ "JOIN QRTZ_CRON_TRIGGERS c ON c.TRIGGER_NAME = t.TRIGGER_NAME AND c.TRIGGER_GROUP = t.TRIGGER_GROUP "
				+ "WHERE j.JOB_GROUP = 'digest'")
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list())
			.containsExactlyInAnyOrder("central-asia 0 0 7 * * ? Asia/Tashkent", "rule-authors 0 0 5 1 1 ? UTC");
		assertThat(this.jdbc.sql("SELECT JOB_NAME FROM QRTZ_JOB_DETAILS ORDER BY JOB_NAME").query(String.class).list())
			.contains("advance-today", "notices")
			.as("sending runs on the outbox's own thread, not a Quartz worker")
			.doesNotContain("outbox-dispatch");
	}

	/**
	 * The shared context does not start Quartz: build each stored job the way its job
	 * factory does.
	 */
	@Test
	void everyStoredJobCanBeBuiltFromTheContext() throws Exception {
		List<String> classes = this.jdbc.sql("SELECT DISTINCT JOB_CLASS_NAME FROM QRTZ_JOB_DETAILS")
			.query(String.class)
			.list();
		assertThat(classes).isNotEmpty();
		for (String name : classes) {
			assertThat(this.context.getAutowireCapableBeanFactory().createBean(Class.forName(name))).as(name)
				.isNotNull();
		}
	}

	@Test
	void theBacktestApiReplaysAPostedCsvOnTheRulesInForce() throws Exception {
		this.mvc
			.perform(post("/api/backtest").param("from", "2022-04-01")
				.param("to", "2022-05-31")
				.contentType("text/csv")
				.content(
						"""
								event_id_cnty,event_date,event_type,sub_event_type,actor1,country
								UZB2001,2022-04-18,Explosions/Remote violence,Shelling/artillery/missile attack,Islamic State (Afghanistan),Uzbekistan
								TJK1001,2022-05-07,Explosions/Remote violence,Shelling/artillery/missile attack,Islamic State (Afghanistan),Tajikistan
								"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.import.accepted").value(2))
			.andExpect(jsonPath("$.transitions[?(@.indicator == 'cross-border-fire')].transition",
					contains("FIRED", "FIRED", "ESCALATED", "DEESCALATED", "RESOLVED")))
			.andExpect(jsonPath("$.transitions[?(@.indicator == 'cross-border-fire' && @.transition == 'FIRED')].scope",
					contains("Uzbekistan", "Tajikistan")))
			.andExpect(
					jsonPath("$.transitions[?(@.indicator == 'external-operations' && @.transition == 'FIRED')].scope",
							contains("Uzbekistan", "Tajikistan")));
	}

	@Test
	void anUnknownSubscriptionOrAlertIsNotFound() throws Exception {
		this.mvc.perform(post("/api/subscriptions/nobody/digest")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/alerts/999999")).andExpect(status().isNotFound());
	}

	private ResultActions postIncidents(String json) throws Exception {
		return this.mvc.perform(post("/api/incidents").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private static Map<String, String> alternatives(MimeMessage mail) throws Exception {
		Map<String, String> parts = new LinkedHashMap<>();
		collect(mail.getContent(), parts);
		return parts;
	}

	private static void collect(Object content, Map<String, String> parts) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				if (part.getContent() instanceof Multipart nested) {
					collect(nested, parts);
				}
				else {
					parts.put(part.getContentType().split(";")[0].trim(), String.valueOf(part.getContent()));
				}
			}
		}
	}

	/** The links' base: this service's own random port, as no public URL is set. */
	private String base() {
		return "http://localhost:" + this.port;
	}

}
