package org.harbinger.threshold;

import java.nio.file.Files;
import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import org.harbinger.ConfigEditingTest;
import org.harbinger.HarbingerApplication;
import org.harbinger.engine.EngineHost;
import org.harbinger.engine.RulesInForce;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.system.ConfigAudit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Thresholds changed through the API on a running service (Today is 30 June 2022). Each
 * test changes keys of its own indicator and posts incidents in its own provinces.
 */
@ConfigEditingTest
class ThresholdApiTests {

	private static final Path FILE = Path.of(ConfigEditingTest.CONFIG_DIR, "thresholds.yml");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ThresholdChanges changes;

	@Autowired
	private EngineHost engine;

	@Autowired
	private ConfigAudit audit;

	@Autowired
	private MeterRegistry meters;

	@Test
	void aChangeIsAppliedLiveToWhatIsOpenAndToIncidentsPostedAfterAndAudited() throws Exception {
		postIncidents(defection("DEF-F1", "Faryab"), defection("DEF-F2", "Faryab"));
		assertOpen("defection-to-iskp", "Afghanistan/Faryab", 0);
		double changesBefore = this.meters.counter("harbinger.thresholds.changes").count();

		this.mvc.perform(put("/api/thresholds").contentType(MediaType.APPLICATION_JSON).content("""
				{"reason":"Two defections in a province are already a pattern (ticket 42)",
				 "values":{"defection-to-iskp.min-count":2}}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changed[0].item").value("defection-to-iskp.min-count"))
			.andExpect(jsonPath("$.changed[0].before").value("3"))
			.andExpect(jsonPath("$.changed[0].after").value("2"))
			.andExpect(jsonPath(
					"$.thresholds.indicators[?(@.indicator == 'defection-to-iskp')].thresholds[?(@.name == 'min-count')].value",
					hasItem(2)));

		assertOpen("defection-to-iskp", "Afghanistan/Faryab", 1);
		assertThat(this.meters.counter("harbinger.thresholds.changes").count()).isEqualTo(changesBefore + 1);
		postIncidents(defection("DEF-J1", "Jowzjan"), defection("DEF-J2", "Jowzjan"));
		assertOpen("defection-to-iskp", "Afghanistan/Jowzjan", 1);
		assertThat(Files.readString(FILE)).contains("defection-to-iskp:\n  window-days: 60\n  min-count: 2\n")
			.startsWith("# Thresholds the indicator rules read");
		this.mvc.perform(get("/api/thresholds/audit").param("key", "defection-to-iskp.min-count"))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].who").value(ConfigEditingTest.USER))
			.andExpect(jsonPath("$[0].reason").value("Two defections in a province are already a pattern (ticket 42)"))
			.andExpect(jsonPath("$[0].changes[0].before").value("3"))
			.andExpect(jsonPath("$[0].changes[0].after").value("2"));
	}

	@Test
	void anInvalidChangeWritesAppliesAndAuditsNothing() throws Exception {
		byte[] before = Files.readAllBytes(FILE);
		ThresholdSet inForce = this.changes.inForce();
		long audited = auditRows();

		this.mvc.perform(put("/api/thresholds").contentType(MediaType.APPLICATION_JSON).content("""
				{"reason":"tuning",
				 "values":{"cross-border-fire.min-countries":3, "attack-surge.ratio":-1,
				           "targeted-killings.window-days":"two months", "no-such-indicator.days":4,
				           "attack-surge":5, "attack-surge.min-count":5}}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].key",
					containsInAnyOrder("cross-border-fire.min-countries", "attack-surge.ratio",
							"targeted-killings.window-days", "no-such-indicator.days", "attack-surge")))
			.andExpect(jsonPath("$.errors[?(@.key == 'cross-border-fire.min-countries')].reason")
				.value("unknown key: no rule declares it"))
			.andExpect(
					jsonPath("$.errors[?(@.key == 'attack-surge.ratio')].reason").value("-1 must be a positive number"))
			.andExpect(jsonPath("$.errors[?(@.key == 'targeted-killings.window-days')].reason")
				.value("'two months' is not a whole number"));
		this.mvc.perform(put("/api/thresholds").contentType(MediaType.APPLICATION_JSON).content("""
				{"reason":"a slip", "values":{"targeted-killings.window-days":2147483647, "attack-surge.ratio":1e9}}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.key == 'targeted-killings.window-days')].reason")
				.value("2147483647 is above the maximum 3650"))
			.andExpect(jsonPath("$.errors[?(@.key == 'attack-surge.ratio')].reason")
				.value("1.0E9 is above the maximum 1000"));
		this.mvc.perform(put("/api/thresholds").contentType(MediaType.APPLICATION_JSON).content("""
				{"reason":"  ", "values":{"attack-surge.min-count":5}}
				""")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].key").value("reason"));
		this.mvc.perform(put("/api/thresholds").contentType(MediaType.APPLICATION_JSON).content("""
				{"reason":"tuning", "version":"0123456789ab", "values":{"attack-surge.min-count":5}}
				""")).andExpect(status().isConflict());

		assertThat(Files.readAllBytes(FILE)).isEqualTo(before);
		assertThat(this.changes.inForce()).isEqualTo(inForce);
		assertThat(auditRows()).isEqualTo(audited);
		this.mvc.perform(get("/api/thresholds"))
			.andExpect(jsonPath(
					"$.indicators[?(@.indicator == 'attack-surge')].thresholds[?(@.name == 'min-count')].value",
					hasItem(4)));
	}

	@Test
	void theValuesInForceAreListedByIndicatorWithTheirTypes() throws Exception {
		this.mvc.perform(get("/api/thresholds"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").isString())
			.andExpect(jsonPath("$.indicators.length()").value(19))
			.andExpect(jsonPath(
					"$.indicators[?(@.indicator == 'cross-border-fire')].thresholds[?(@.name == 'neighbours')].type",
					hasItem("list")))
			.andExpect(jsonPath("$.indicators[?(@.indicator == 'attack-surge')].thresholds[?(@.name == 'ratio')].type",
					hasItem("ratio")));
	}

	@Test
	void previewListsTheAlertsProposedValuesWouldOpenOrNoLongerOpenAndWritesNothing() throws Exception {
		postIncidents(killing("TK-A1", "PreviewA", "2022-06-01"), killing("TK-A2", "PreviewA", "2022-06-02"),
				killing("TK-B1", "PreviewB", "2022-06-01"), killing("TK-B2", "PreviewB", "2022-06-02"),
				killing("TK-B3", "PreviewB", "2022-06-03"));
		byte[] before = Files.readAllBytes(FILE);
		long audited = auditRows();

		this.mvc.perform(post("/api/thresholds/preview").contentType(MediaType.APPLICATION_JSON).content("""
				{"values":{"targeted-killings.min-count":2}, "days":60}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2022-05-02"))
			.andExpect(jsonPath("$.to").value("2022-06-30"))
			.andExpect(jsonPath("$.changes[0].item").value("targeted-killings.min-count"))
			.andExpect(jsonPath("$.would_open[?(@.indicator == 'targeted-killings')].scope")
				.value("Afghanistan/Kunduz/PreviewA"))
			.andExpect(jsonPath("$.would_open[?(@.indicator == 'targeted-killings')].date").value("2022-06-02"))
			.andExpect(jsonPath("$.would_no_longer_open[?(@.indicator == 'targeted-killings')]").isEmpty())
			.andExpect(jsonPath("$.current[?(@.scope == 'Afghanistan/Kunduz/PreviewB')].transition").value("FIRED"))
			.andExpect(jsonPath("$.proposed[?(@.scope =~ /.*Preview.*/)].transition",
					containsInAnyOrder("FIRED", "FIRED")));
		this.mvc.perform(post("/api/thresholds/preview").contentType(MediaType.APPLICATION_JSON).content("""
				{"values":{"targeted-killings.min-count":4, "targeted-killings.critical-count":2}, "days":60}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.would_open[?(@.indicator == 'targeted-killings')]").isEmpty())
			.andExpect(jsonPath("$.would_no_longer_open[?(@.indicator == 'targeted-killings')].scope")
				.value("Afghanistan/Kunduz/PreviewB"));
		this.mvc.perform(post("/api/thresholds/preview").contentType(MediaType.APPLICATION_JSON).content("""
				{"values":{"targeted-killings.min-count":-2}}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].key").value("targeted-killings.min-count"));

		assertThat(Files.readAllBytes(FILE)).isEqualTo(before);
		assertThat(auditRows()).isEqualTo(audited);
		assertOpen("targeted-killings", "Afghanistan/Kunduz/PreviewA", 0);
	}

	@Test
	void aPreviewAfterIncidentsArrivedCountsThemWithTheValuesInForceToo() throws Exception {
		String proposal = """
				{"values":{"targeted-killings.critical-count":4}, "days":60}
				""";
		this.mvc.perform(post("/api/thresholds/preview").contentType(MediaType.APPLICATION_JSON).content(proposal))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.current[?(@.scope == 'Afghanistan/Kunduz/PreviewC')]").isEmpty());

		// The run with the values in force is kept between previews, but not past a
		// change of the stored incidents.
		postIncidents(killing("TK-C1", "PreviewC", "2022-06-10"), killing("TK-C2", "PreviewC", "2022-06-11"),
				killing("TK-C3", "PreviewC", "2022-06-12"));

		this.mvc.perform(post("/api/thresholds/preview").contentType(MediaType.APPLICATION_JSON).content(proposal))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.current[?(@.scope == 'Afghanistan/Kunduz/PreviewC')].transition").value("FIRED"))
			.andExpect(jsonPath("$.proposed[?(@.scope == 'Afghanistan/Kunduz/PreviewC')].transition").value("FIRED"));
	}

	@Test
	void aChangeSurvivesARestart() throws Exception {
		this.mvc
			.perform(put("/api/thresholds").contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"reason":"strongholds re-emerge over longer periods", "values":{"stronghold-reemergence.window-days":45}}
								"""))
			.andExpect(status().isOk());

		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(HarbingerApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:config-editing;DB_CLOSE_DELAY=-1",
				"--spring.quartz.auto-startup=false", "--spring.quartz.scheduler-name=restarted",
				"--harbinger.demo.enabled=false", "--harbinger.clock.fixed-date=2022-06-30",
				"--harbinger.inbox.enabled=false", "--harbinger.config-dir=" + ConfigEditingTest.CONFIG_DIR,
				"--harbinger.security.users-file=" + ConfigEditingTest.CONFIG_DIR + "/users.yml",
				"--harbinger.reload.enabled=false", "--harbinger.subscriptions.poll=0")) {
			assertThat(restarted.getBean(RulesInForce.class).now().thresholds().values())
				.containsEntry("stronghold-reemergence.window-days", 45);
			assertThat(restarted.getBean(ConfigAudit.class)
				.list(new ConfigAudit.Filter("thresholds", null, "stronghold-reemergence.window-days", 10)))
				.singleElement()
				.satisfies(
						(entry) -> assertThat(entry.reason()).isEqualTo("strongholds re-emerge over longer periods"));
		}
	}

	private long auditRows() {
		return this.audit.list(new ConfigAudit.Filter("thresholds", null, null, 10_000)).size();
	}

	private void assertOpen(String indicator, String scope, int count) throws Exception {
		this.mvc.perform(get("/api/alerts").param("indicator", indicator).param("scope", scope).param("status", "OPEN"))
			.andExpect(jsonPath("$.length()").value(count));
	}

	private ResultActions postIncidents(String... incidents) throws Exception {
		ResultActions result = this.mvc
			.perform(post("/api/incidents").contentType(MediaType.APPLICATION_JSON)
				.content("[" + String.join(",", incidents) + "]"))
			.andExpect(status().isOk());
		this.engine.today();
		return result;
	}

	private static String defection(String id, String province) {
		return """
				{"source":"desk","id":"%s","event_date":"2022-06-29","event_type":"Strategic developments",
				 "sub_event_type":"Other","actor1":"Taliban","country":"Afghanistan","admin1":"%s","tags":["defection"]}
				""".formatted(id, province);
	}

	private static String killing(String id, String district, String date) {
		return """
				{"source":"desk","id":"%s","event_date":"%s","event_type":"Violence against civilians",
				 "sub_event_type":"Attack","actor1":"Islamic State (Afghanistan)","country":"Afghanistan",
				 "admin1":"Kunduz","admin2":"%s","tags":["official-targeted"]}
				""".formatted(id, date, district);
	}

}
