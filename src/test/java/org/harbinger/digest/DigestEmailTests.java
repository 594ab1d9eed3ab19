package org.harbinger.digest;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.harbinger.EndToEndTest;
import org.harbinger.engine.EngineHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbinger.digest.DeskIncidents.attack;
import static org.harbinger.digest.DeskIncidents.record;
import static org.harbinger.digest.DeskIncidents.subscription;

/**
 * What an analyst reads (issue 6): the digest's subject, its sections by severity then
 * indicator, the evidence table, the trend chart as an inline image, and incident text
 * that comes out escaped. Each test has its own made-up countries and recipient, as the
 * context, its database and its GreenMail are shared.
 */
@EndToEndTest
class DigestEmailTests {

	@Value("${local.server.port}")
	private int port;

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private EngineHost engine;

	@Autowired
	private Digests digests;

	@Autowired
	private OutboxDispatcher dispatcher;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aDigestSaysWhatChangedBySeverityThenIndicatorWithEvidenceAndAnInlineChart() throws Exception {
		Subscription desk = subscription("composia", false, "Composia", "Compostan");
		this.digests.run(desk);
		record(this.mvc, this.engine,
				attack("COMP-1", "2022-05-05", "Composia", 12, "A", 1, "Reuters", "Suicide bombing at a market."),
				attack("COMP-2", "2022-05-06", "Compostan", 0, "C", 3, "Local media", "IED defused."));

		this.digests.run(desk).orElseThrow();
		this.dispatcher.dispatchDue();

		MimeMessage mail = single(desk);
		assertThat(mail.getSubject())
			.isEqualTo("[Harbinger] 1 new CRITICAL, 1 new WARNING - Composia, Compostan - 7 May 2022");
		Map<String, String> texts = Mails.texts(mail);
		assertThat(texts).containsOnlyKeys("text/plain", "text/html");
		String html = texts.get("text/html");
		assertThat(html).containsSubsequence("Summary", "▲ CRITICAL", "ISKP operations abroad", "· Composia · new",
				"● WARNING", "ISKP operations abroad", "· Compostan · new", ">Composia<", "#1",
				"ISKP operations abroad",
				"1 ISKP attacks or plots in Composia in 90 days, the deadliest killing 12 (critical at 10 killed)",
				"Evidence: ", ">COMP-1<", "Incidents cited (1)", ">Compostan<", "#2", ">COMP-2<");
		assertThat(html).contains("class=\"evidence\"", ">A1<", ">C3<", ">Reuters<", ">12<",
				"Suicide bombing at a market.", "reliability A given by the feed; credibility 1 given by the feed",
				"href=\"" + base() + "/incidents/desk/COMP-1\"",
				"href=\"" + base() + "/alerts/" + alertId("Composia") + "\"", "Rules version ", "thresholds version ",
				"config/subscriptions.yml");
		assertThat(html).doesNotContain("<script", "stylesheet");
		String text = texts.get("text/plain");
		assertThat(text).containsSubsequence("SUMMARY", "#1 CRITICAL ISKP operations abroad - Composia - new",
				"#2 WARNING ISKP operations abroad - Compostan - new", "==== Composia ====",
				"#1 ISKP operations abroad - Composia", "CRITICAL, new on 2022-05-07",
				"What tripped it: 1 ISKP attacks or plots in Composia",
				"Trend: 1 in the 90 days to 7 May 2022 - 5 May: 1", "Evidence: COMP-1", "-- Incidents cited (1)",
				"COMP-1 2022-05-05 Composia", "Islamic State (Afghanistan); killed 12; grade A1; Reuters",
				"Grade A1: reliability A given by the feed; credibility 1 given by the feed",
				"\"Suicide bombing at a market.\"", "Cited by #1 ISKP operations abroad - Composia",
				base() + "/incidents/desk/COMP-1", "==== Compostan ====", "#2 ISKP operations abroad - Compostan",
				"WARNING, new", "Rules version ");
	}

	/**
	 * Issue 16: each chart is an inline part a mail client can name (Content-ID,
	 * Content-Disposition inline, a file name with its extension); the HTML reads as
	 * stacked rows without its style block, and only widens to a table where a client
	 * keeps it.
	 */
	@Test
	void chartsAreNamedInlinePartsAndTheEvidenceIsStackedUnlessTheClientIsWide() throws Exception {
		Subscription desk = subscription("mimeland", false, "Mimeland");
		this.digests.run(desk);
		record(this.mvc, this.engine, attack("MIME-1", "Mimeland", 12), attack("MIME-2", "Mimeland", 1));

		this.digests.run(desk).orElseThrow();
		this.dispatcher.dispatchDue();

		MimeMessage mail = single(desk);
		assertThat(mail.getContentType()).startsWith("multipart/mixed");
		MimeMultipart related = (MimeMultipart) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
		assertThat(related.getContentType()).startsWith("multipart/related");
		List<BodyPart> images = Mails.images(mail);
		assertThat(images).hasSize(1);
		BodyPart chart = images.get(0);
		assertThat(chart.getContentType()).startsWith("image/png");
		assertThat(chart.getDisposition()).isEqualTo(Part.INLINE);
		assertThat(chart.getFileName()).isEqualTo("external-operations-mimeland.png");
		assertThat(chart.getHeader("Content-ID")).containsExactly("<external-operations-mimeland.png@harbinger>");
		BufferedImage png = ImageIO.read(new ByteArrayInputStream(Mails.bytes(chart)));
		assertThat(png.getWidth()).isEqualTo(560);
		String html = Mails.texts(mail).get("text/html");
		assertThat(html).contains("src=\"cid:external-operations-mimeland.png@harbinger\"")
			.contains(
					"<table class=\"evidence\" role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"display:block;")
			.contains("@media screen and (min-width: 600px)")
			.contains("table.evidence tr { display: table-row !important; }");
		assertThat(html.replaceAll("(?s)<style>.*?</style>", ""))
			.as("without its style block the header row stays hidden and every row is a block")
			.contains("<thead style=\"display:none;\">")
			.doesNotContain("display:table");
	}

	@Test
	void incidentTextComesOutEscapedInTheHtmlAndTextParts() throws Exception {
		Subscription desk = subscription("escapia", false, "Escapia");
		this.digests.run(desk);
		record(this.mvc, this.engine,
				"""
						{"source":"desk","event_id_cnty":"ESC-1","event_date":"2022-05-06","event_type":"Strategic developments",
						 "sub_event_type":"Arrests","actor1":"=cmd|' /C calc'!A0","tags":"plot-interdicted","country":"Escapia",
						 "location":"<b>Town</b>","fatalities":0,
						 "notes":"<script>alert(1)</script> cell <b>bold</b> and =cmd|' /C calc'!A0"}
						""");

		this.digests.run(desk).orElseThrow();
		this.dispatcher.dispatchDue();

		Map<String, String> texts = Mails.texts(single(desk));
		String html = texts.get("text/html");
		assertThat(html).doesNotContain("<script>", "<b>Town</b>", "<b>bold</b>", ">=cmd|")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Town&lt;/b&gt;",
					">&#39;=cmd|&#39; /C calc&#39;!A0<");
		String text = texts.get("text/plain");
		assertThat(text).doesNotContain("<script>", "<b>", "</b>", "; =cmd|")
			.contains("\u2039script\u203Aalert(1)\u2039/script\u203A", "\u2039b\u203ATown\u2039/b\u203A",
					"'=cmd|' /C calc'!A0");
	}

	private MimeMessage single(Subscription desk) {
		List<MimeMessage> received = Mails.to(smtp, desk.recipients().get(0));
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	private long alertId(String scope) {
		return this.jdbc.sql("SELECT id FROM alert WHERE indicator = 'external-operations' AND scope = ?")
			.param(scope)
			.query(Long.class)
			.single();
	}

	/** The links' base: this service's own random port, as no public URL is set. */
	private String base() {
		return "http://localhost:" + this.port;
	}

}
