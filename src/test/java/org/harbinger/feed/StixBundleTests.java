package org.harbinger.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.harbinger.EndToEndTest;
import org.harbinger.engine.EngineHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The STIX export of real alerts checked against the OASIS STIX 2.1 JSON schemas, kept in
 * src/test/resources/stix2.1-schemas and found there by their $id, never fetched.
 */
@EndToEndTest
class StixBundleTests {

	@Value("${local.server.port}")
	private int port;

	private static final String OASIS = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

	/**
	 * Not preloaded: a schema is read when validation reaches it. common/binary.json (for
	 * custom *_bin properties, which Harbinger never writes) is not shipped; see the
	 * LICENSE.md there.
	 */
	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(registry) -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().preloadSchema(false).build())
				.schemaIdResolvers((ids) -> ids.mapPrefix(OASIS, "classpath:stix2.1-schemas/")));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private EngineHost engine;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void rocketsIntoPakistan() throws Exception {
		HostileIncidents.record(this.mvc, this.engine);
	}

	@Test
	void everyObjectOfTheBundleValidatesAgainstItsStixSchema() throws Exception {
		JsonNode bundle = JSON.readTree(export("/api/feeds/alerts.stix.json"));

		assertThat(bundle.get("type").asString()).isEqualTo("bundle");
		assertThat(bundle.get("id").asString())
			.matches("bundle--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		List<JsonNode> objects = new ArrayList<>();
		bundle.get("objects").forEach(objects::add);
		long alerts = this.jdbc.sql("SELECT COUNT(*) FROM alert").query(Long.class).single();
		assertThat(objects).extracting((object) -> object.get("type").asString())
			.containsOnly("identity", "indicator", "report")
			.filteredOn("indicator"::equals)
			.hasSize((int) alerts);
		for (JsonNode object : objects) {
			assertThat(errors(object)).as(object.get("id").asString()).isEmpty();
		}
		JsonNode report = objects.stream()
			.filter((o) -> o.get("type").asString().equals("report"))
			.findFirst()
			.orElseThrow();
		List<String> refs = new ArrayList<>();
		report.get("object_refs").forEach((ref) -> refs.add(ref.asString()));
		assertThat(refs).containsExactlyInAnyOrderElementsOf(
				objects.stream().filter((o) -> !o.equals(report)).map((o) -> o.get("id").asString()).toList());
		assertThat(report.get("report_types").get(0).asString()).isEqualTo("threat-report");
	}

	@Test
	void anAlertBecomesAnIndicatorWithAPatternTheSeverityAndALinkToTheDashboard() throws Exception {
		JsonNode indicator = pakistan();
		long id = this.jdbc.sql("SELECT id FROM alert WHERE indicator = 'cross-border-fire' AND scope = 'Pakistan'")
			.query(Long.class)
			.single();

		assertThat(indicator.get("id").asString())
			.isEqualTo(StixIds.id("indicator", "harbinger:alert:cross-border-fire:Pakistan"));
		assertThat(indicator.get("name").asString()).isEqualTo("Cross-border fire from Afghanistan - Pakistan");
		assertThat(indicator.get("pattern").asString())
			.isEqualTo("[x-harbinger-alert:indicator = 'cross-border-fire' AND x-harbinger-alert:scope = 'Pakistan']");
		assertThat(indicator.get("pattern_type").asString()).isEqualTo("stix");
		assertThat(indicator.get("valid_from").asString()).isEqualTo("2020-10-20T00:00:00.000Z");
		assertThat(indicator.has("valid_until")).as("still open").isFalse();
		assertThat(indicator.get("labels").toString()).contains("severity:warning", "status:open");
		assertThat(indicator.get("description").asString()).contains("PAK-FEED-1", HostileIncidents.HOSTILE_ID);
		assertThat(indicator.get("created_by_ref").asString()).isEqualTo(StixBundle.IDENTITY_ID);
		assertThat(indicator.get("external_references").get(0).get("url").asString())
			.isEqualTo(base() + "/alerts/" + id);
	}

	@Test
	void aResolvedAlertIsValidUntilTheDayItResolved() throws Exception {
		this.engine.advanceTo(HostileIncidents.DAY.plusMonths(1)).join();

		JsonNode indicator = pakistan();
		assertThat(indicator.get("valid_until").asString()).isEqualTo("2020-11-20T00:00:00.000Z");
		assertThat(indicator.get("labels").toString()).contains("status:resolved");
		assertThat(errors(indicator)).isEmpty();
	}

	@Test
	void exportingUnchangedAlertsAgainGivesTheSameBundle() throws Exception {
		String first = export("/api/feeds/alerts.stix.json?indicator=cross-border-fire&scope=Pakistan");
		HostileIncidents.record(this.mvc, this.engine);

		assertThat(export("/api/feeds/alerts.stix.json?indicator=cross-border-fire&scope=Pakistan")).isEqualTo(first);
		assertThat(JSON.readTree(export("/api/feeds/alerts.stix.json?indicator=no-such-indicator")).get("objects"))
			.as("identity and an empty report, still valid")
			.hasSize(2)
			.allSatisfy((object) -> assertThat(errors(object)).isEmpty());
	}

	@Test
	void theSchemasRejectABrokenObject() throws Exception {
		ObjectNode broken = (ObjectNode) pakistan();
		broken.remove("pattern_type");
		broken.put("created", "2020-10-20T00:00:00Z");
		broken.put("id", "indicator--not-a-uuid");

		assertThat(errors(broken)).extracting(Error::toString)
			.containsExactlyInAnyOrder("/id: does not match the regex pattern "
					+ "^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$",
					"/created: does not match the regex pattern T\\d{2}:\\d{2}:\\d{2}\\.\\d{3,}Z$",
					": required property 'pattern_type' not found");
		ObjectNode severityProperty = (ObjectNode) pakistan();
		severityProperty.put("severity", "high");
		assertThat(errors(severityProperty)).as("STIX reserves 'severity'").isNotEmpty();
	}

	@Test
	void patternLiteralsEscapeQuotesAndBackslashes() {
		assertThat(StixBundle.quoted("Dera Ismail Khan")).isEqualTo("'Dera Ismail Khan'");
		assertThat(StixBundle.quoted("O'Brien\\x")).isEqualTo("'O\\'Brien\\\\x'");
	}

	private JsonNode pakistan() throws Exception {
		JsonNode bundle = JSON
			.readTree(export("/api/feeds/alerts.stix.json?indicator=cross-border-fire&scope=Pakistan"));
		List<JsonNode> indicators = new ArrayList<>();
		bundle.get("objects").forEach((object) -> {
			if (object.get("type").asString().equals("indicator")) {
				indicators.add(object);
			}
		});
		assertThat(indicators).hasSize(1);
		return indicators.get(0);
	}

	private String export(String url) throws Exception {
		return this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/stix+json;version=2.1"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<Error> errors(JsonNode object) {
		Schema schema = SCHEMAS.getSchema(SchemaLocation.of(OASIS + "sdos/" + object.get("type").asString() + ".json"));
		return schema.validate(object);
	}

	/** The links' base: this service's own random port, as no public URL is set. */
	private String base() {
		return "http://localhost:" + this.port;
	}

}
