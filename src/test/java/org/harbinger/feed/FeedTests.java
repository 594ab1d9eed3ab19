package org.harbinger.feed;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.harbinger.EndToEndTest;
import org.harbinger.engine.EngineHost;
import org.harbinger.ingest.IncidentFields;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Atom feed and the CSV exports, read as a feed reader and a spreadsheet would read
 * them.
 */
@EndToEndTest
class FeedTests {

	@Value("${local.server.port}")
	private int port;

	private static final String ATOM = "http://www.w3.org/2005/Atom";

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
	void atomFeedHasAnEntryPerTransitionNewestFirstWithAStableIdAndALinkToTheAlert() throws Exception {
		Document feed = atom("/api/feeds/transitions.atom?indicator=cross-border-fire&scope=Pakistan");

		assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
		assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo(ATOM);
		List<Element> entries = entries(feed);
		assertThat(entries).isNotEmpty()
			.allSatisfy((entry) -> assertThat(text(entry, "title")).endsWith(" - Pakistan"));
		Element newest = entries.get(0);
		assertThat(text(newest, "title")).isEqualTo("WARNING cross-border-fire FIRED - Pakistan");
		assertThat(text(newest, "id")).matches("tag:localhost,2022:harbinger:transition:\\d+");
		assertThat(text(newest, "updated")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
		assertThat(((Element) newest.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
			.isEqualTo(base() + "/alerts/" + alertId());
		assertThat(text(newest, "summary")).contains("PAK-FEED-1", HostileIncidents.HOSTILE_ID);
		assertThat(text(newest, "content")).contains("Cross-border fire from Afghanistan - Pakistan",
				"FIRED on 2020-10-20: WARNING", "PAK-FEED-1, 2020-10-18, Torkham, Khyber Pakhtunkhwa, Pakistan",
				HostileIncidents.HOSTILE_ID + ", 2020-10-17, ");
		List<Long> ids = entries.stream()
			.map((entry) -> Long.valueOf(text(entry, "id").replaceAll(".*:", "")))
			.toList();
		assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));

		assertThat(entries(atom("/api/feeds/transitions.atom?limit=1"))).hasSize(1);
		assertThat(entries(atom("/api/feeds/transitions.atom?indicator=no-such-indicator"))).isEmpty();
	}

	@Test
	void alertsCsvHasOneRowPerAlertWithItsTitleAndLink() throws Exception {
		List<Map<String, String>> rows = csv("/api/feeds/alerts.csv?indicator=cross-border-fire&scope=Pakistan",
				"alerts.csv");

		assertThat(rows).hasSize(1);
		Map<String, String> row = rows.get(0);
		assertThat(row).containsEntry("id", String.valueOf(alertId()))
			.containsEntry("title", "Cross-border fire from Afghanistan")
			.containsEntry("scope", "Pakistan")
			.containsEntry("status", "OPEN")
			.containsEntry("severity", "WARNING")
			.containsEntry("first_fired_on", "2020-10-20")
			.as("an evidence cell that starts with a hostile event id is neutralised")
			.containsEntry("evidence", "'" + HostileIncidents.HOSTILE_ID + ";PAK-FEED-1")
			.containsEntry("link", base() + "/alerts/" + alertId());
	}

	@Test
	void incidentsCsvHasTheNativeColumnsAndTheRowsTheFiltersPick() throws Exception {
		MvcResult result = this.mvc.perform(get("/api/feeds/incidents.csv").param("source", HostileIncidents.SOURCE))
			.andExpect(status().isOk())
			.andReturn();
		List<List<String>> records = CsvRecords.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(records.get(0)).as("importable again as the native format").isEqualTo(IncidentFields.NAMES);
		String hostile = "'" + HostileIncidents.HOSTILE_ID;
		assertThat(incidents()).as("oldest first").containsExactly(hostile, "PAK-FEED-1");

		assertThat(incidents("from", "2020-10-18", "to", "2020-10-18")).containsExactly("PAK-FEED-1");
		assertThat(incidents("to", "2020-10-17")).containsExactly(hostile);
		assertThat(incidents("actor", "sum(1")).as("actor2, in part and any case").containsExactly(hostile);
		assertThat(incidents("actor", "-2+3")).as("an associated actor").containsExactly(hostile);
		assertThat(incidents("actor", "IS_P")).as("_ is a character, not a wildcard").isEmpty();
		assertThat(incidents("actor", "%")).as("% is a character, not a wildcard").isEmpty();
		assertThat(incidents("country", "Pakistan", "admin1", "Khyber Pakhtunkhwa", "event_type",
				"Explosions/Remote violence"))
			.containsExactly("PAK-FEED-1");
		assertThat(incidents("country", "Atlantis")).isEmpty();
	}

	@Test
	void hostileIncidentTextIsNeutralisedInTheCsvAndEscapedInTheFeed() throws Exception {
		Map<String, String> row = csv("/api/feeds/incidents.csv?source=feedtest", "incidents.csv").stream()
			.filter((r) -> r.get("event_id_cnty").equals("'" + HostileIncidents.HOSTILE_ID))
			.findFirst()
			.orElseThrow();
		assertThat(row).containsEntry("notes", "'" + HostileIncidents.NOTES)
			.containsEntry("location", "'" + HostileIncidents.LOCATION)
			.containsEntry("actor2", "'" + HostileIncidents.ACTOR2)
			.containsEntry("assoc_actor_1", "'" + HostileIncidents.ASSOC_ACTOR)
			.containsEntry("admin1", HostileIncidents.ADMIN1)
			.as("numbers are not text: a negative latitude stays a number")
			.containsEntry("latitude", "-33.5")
			.containsEntry("fatalities", "2");
		assertThat(row.values()).as("no cell a spreadsheet would run")
			.allSatisfy((cell) -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@"));

		String raw = this.mvc.perform(get("/api/feeds/transitions.atom?indicator=cross-border-fire&scope=Pakistan"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(raw).doesNotContain("<script>")
			.contains("&lt;script&gt;alert('notes')&lt;/script&gt;")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
		String content = text(entries(parse(raw)).get(0), "content");
		assertThat(content).as("the reader gets the text back, as text")
			.contains(HostileIncidents.NOTES,
					HostileIncidents.LOCATION + ", " + HostileIncidents.ADMIN1 + ", Pakistan");
	}

	@Test
	void controlCharactersThatXmlCannotCarryAreReplaced() {
		assertThat(AtomFeed.legal("bell\u0007 nul\u0000 tab\t ok \uD83D\uDE00 lone\uD800"))
			.isEqualTo("bell\uFFFD nul\uFFFD tab\t ok \uD83D\uDE00 lone\uFFFD");
	}

	private Document atom(String url) throws Exception {
		MvcResult result = this.mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/atom+xml;charset=UTF-8"))
			.andReturn();
		return parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<Element> entries(Document feed) {
		NodeList nodes = feed.getElementsByTagNameNS(ATOM, "entry");
		List<Element> entries = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			entries.add((Element) nodes.item(i));
		}
		return entries;
	}

	private static String text(Element entry, String name) {
		return entry.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
	}

	/**
	 * The CSV's rows as column name to cell, after checking it downloads as a named CSV
	 * file.
	 */
	private List<Map<String, String>> csv(String url, String fileName) throws Exception {
		MvcResult result = this.mvc.perform(get(URI.create(url)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"" + fileName + "\""))
			.andReturn();
		List<List<String>> records = CsvRecords.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		List<String> header = records.get(0);
		return records.stream()
			.skip(1)
			.map((record) -> header.stream()
				.collect(Collectors.toMap(Function.identity(), (column) -> record.get(header.indexOf(column)))))
			.toList();
	}

	/**
	 * The ids of this test's incidents that the export picks with these parameters (name,
	 * value, ...).
	 */
	private List<String> incidents(String... params) throws Exception {
		StringBuilder url = new StringBuilder("/api/feeds/incidents.csv?source=").append(HostileIncidents.SOURCE);
		for (int i = 0; i < params.length; i += 2) {
			url.append('&')
				.append(params[i])
				.append('=')
				.append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
		}
		return csv(url.toString(), "incidents.csv").stream().map((row) -> row.get("event_id_cnty")).toList();
	}

	private long alertId() {
		return this.jdbc.sql("SELECT id FROM alert WHERE indicator = 'cross-border-fire' AND scope = 'Pakistan'")
			.query(Long.class)
			.single();
	}

	/** The links' base: this service's own random port, as no public URL is set. */
	private String base() {
		return "http://localhost:" + this.port;
	}

}
