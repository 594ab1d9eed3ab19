package org.harbinger.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertTrend;
import org.harbinger.alert.Silence;
import org.harbinger.alert.Transition;
import org.harbinger.alert.TransitionKind;
import org.harbinger.alert.TrendCharts;
import org.harbinger.engine.RulesInForce;
import org.harbinger.engine.Severity;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentRepository;
import org.harbinger.system.HarbingerProperties;
import org.harbinger.system.PublicUrl;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Renders digests and flash notices from templates/digest.html and templates/digest.txt,
 * read from disk on every message so that an edit shows in the next one without a rebuild
 * (the jar's copies are the fallback). Each alert's trend chart travels as an inline
 * image.
 */
@Component
public class DigestComposer {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm z", Locale.ENGLISH);

	/**
	 * The latest incidents of an alert that a message shows; the alert's page has them
	 * all.
	 */
	private static final int MAX_EVIDENCE = 10;

	/**
	 * Enough charts for any digest one reads; beyond it an alert links to its page
	 * instead.
	 */
	private static final int MAX_CHARTS = 30;

	private final SpringTemplateEngine templates = new SpringTemplateEngine();

	private final RulesInForce inForce;

	private final IncidentRepository incidents;

	private final TrendCharts charts;

	private final ContentVersions versions;

	private final PublicUrl publicUrl;

	DigestComposer(HarbingerProperties properties, PublicUrl publicUrl, RulesInForce inForce,
			IncidentRepository incidents, TrendCharts charts, ContentVersions versions) {
		this.inForce = inForce;
		this.incidents = incidents;
		this.charts = charts;
		this.versions = versions;
		this.publicUrl = publicUrl;
		FileTemplateResolver disk = new FileTemplateResolver();
		disk.setPrefix(properties.templatesDir().toAbsolutePath() + "/");
		disk.setCheckExistence(true);
		disk.setCacheable(false);
		disk.setOrder(1);
		ClassLoaderTemplateResolver jar = new ClassLoaderTemplateResolver();
		jar.setPrefix("defaults/templates/");
		jar.setOrder(2);
		for (var resolver : List.of(disk, jar)) {
			resolver.setCharacterEncoding("UTF-8");
			resolver.setTemplateMode(TemplateMode.HTML);
			resolver.setTextTemplateModePatterns(Set.of("*.txt"));
			this.templates.addTemplateResolver(resolver);
		}
	}

	/**
	 * What one message reports: the transitions it shows, when any of them already went
	 * out as a flash notice, and the transitions silences muted (with the silence that
	 * muted each).
	 */
	record Batch(List<Transition> shown, Map<Long, Instant> flashed, List<Transition> muted,
			Map<Long, Silence> silences) {

		static Batch of(List<Transition> shown) {
			return new Batch(shown, Map.of(), List.of(), Map.of());
		}

	}

	/** What one silence muted in this message. */
	record Muted(long silenceId, String matchers, String author, String until, String comment, int count,
			List<String> what) {
	}

	Digest compose(Subscription subscription, Batch batch) {
		return render(subscription, batch, false);
	}

	/** A flash notice: the same layout, for CRITICAL transitions sent at once. */
	Digest flash(Subscription subscription, List<Transition> transitions) {
		return render(subscription, Batch.of(transitions), true);
	}

	/**
	 * The digest of these transitions as one standalone HTML page for a browser: the same
	 * template, with each chart as a {@code data:} URI instead of a {@code cid:}
	 * reference.
	 */
	public String standaloneHtml(Subscription subscription, List<Transition> transitions) {
		return compose(subscription, Batch.of(transitions)).standaloneHtml();
	}

	/** An alert still open under a silence that has ended. */
	record OpenAlert(String title, String scope, Severity severity, LocalDate since, String detail, String link) {
	}

	/** The notice that a silence has ended, with the alerts still open under it. */
	Digest silenceExpired(Subscription subscription, Silence silence, List<Alert> open) {
		String subject = "[Harbinger] Silence #" + silence.id() + " ended - " + open.size()
				+ ((open.size() == 1) ? " alert" : " alerts") + " still open under it - " + silence.matchers();
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("subject", subject);
		context.setVariable("subscription", subscription);
		context.setVariable("silence", silence);
		context.setVariable("until", moment(silence.endsAt(), subscription));
		context.setVariable("from", moment(silence.startsAt(), subscription));
		context.setVariable("alerts",
				open.stream()
					.map((alert) -> new OpenAlert(title(alert.indicator()), alert.scope(), alert.severity(),
							alert.firstFiredOn(), alert.detail(), this.publicUrl.get() + "/alerts/" + alert.id()))
					.toList());
		context.setVariable("publicUrl", this.publicUrl.get());
		// The name templates edited before public-url had.
		context.setVariable("dashboardUrl", this.publicUrl.get());
		context.setVariable("safe", new SafeText());
		return new Digest(subject, this.templates.process("silence-expired.txt", context),
				this.templates.process("silence-expired.html", context))
			.as("silence-expired",
					open.stream()
						.map((alert) -> new Digest.Line(alert.id(), alert.indicator(), title(alert.indicator()),
								alert.scope(), alert.severity(), "still open", alert.changedOn(), alert.detail(),
								this.publicUrl.get() + "/alerts/" + alert.id()))
						.toList());
	}

	private static String moment(Instant instant, Subscription subscription) {
		return ZonedDateTime.ofInstant(instant, subscription.timeZone()).format(MOMENT);
	}

	private Digest render(Subscription subscription, Batch batch, boolean flash) {
		List<Transition> shown = batch.shown();
		Map<String, Incident> cited = this.incidents
			.findByEventIds(shown.stream()
				.flatMap((t) -> Stream.concat(t.evidence().stream(), t.severityEvidence().stream()))
				.collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Incident::eventId, Function.identity(), (a, b) -> a));
		List<Digest.InlineImage> images = new ArrayList<>();
		TrendCharts.Replays replays = new TrendCharts.Replays();
		List<DigestView.Draft> drafts = shown.stream()
			.map((t) -> draft(subscription, t, cited, batch.flashed().get(t.id()), images, replays))
			.toList();
		Map<String, DigestView.Evidence> evidence = new LinkedHashMap<>();
		cited.forEach((id, incident) -> evidence.put(id, evidence(incident)));
		DigestView view = DigestView.of(drafts, evidence);
		LocalDate latest = Stream.concat(shown.stream(), batch.muted().stream())
			.map(Transition::date)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		String subject = DigestSubjects.subject(shown, batch.muted().size(), latest, flash);
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("subject", subject);
		context.setVariable("flash", flash);
		context.setVariable("subscription", subscription);
		context.setVariable("summary", view.summary());
		context.setVariable("groups", view.groups());
		context.setVariable("muted", muted(subscription, batch));
		context.setVariable("mutedCount", batch.muted().size());
		context.setVariable("asOf", DAY.format(latest));
		context.setVariable("generatedAt", moment(Instant.now(), subscription));
		context.setVariable("publicUrl", this.publicUrl.get());
		// The name templates edited before public-url had.
		context.setVariable("dashboardUrl", this.publicUrl.get());
		context.setVariable("rulesVersion", this.versions.rules());
		context.setVariable("thresholdsVersion", this.versions.thresholds());
		context.setVariable("safe", new SafeText());
		List<Digest.Line> lines = drafts.stream()
			.map(DigestView.Draft::item)
			.map((item) -> new Digest.Line(item.alertId(), item.indicator(), item.title(), item.scope(),
					item.severity(), item.changeText(), item.date(), item.detail(), item.link()))
			.toList();
		return new Digest(subject, this.templates.process("digest.txt", context),
				this.templates.process("digest.html", context), images)
			.as(flash ? "flash" : "digest", lines);
	}

	/**
	 * One transition before it is placed: the latest incidents it cites by id, its chart
	 * as a named inline image.
	 */
	private DigestView.Draft draft(Subscription subscription, Transition transition, Map<String, Incident> incidents,
			Instant flashedAt, List<Digest.InlineImage> images, TrendCharts.Replays replays) {
		List<String> evidence = latest(transition.evidence(), incidents);
		int earlier = (int) transition.evidence().stream().filter(incidents::containsKey).count() - evidence.size();
		String chart = null;
		String chartText = null;
		if (images.size() < MAX_CHARTS) {
			AlertTrend trend = this.charts.trend(transition.alertId(), transition.date(), replays);
			if (trend.observed() > 0) {
				chart = contentId(transition, images);
				images.add(new Digest.InlineImage(chart, "image/png", TrendPng.png(trend)));
				chartText = chartText(trend);
			}
		}
		String alreadySent = (flashedAt != null) ? moment(flashedAt, subscription) : null;
		DigestView.Item item = new DigestView.Item(0, transition.alertId(), title(transition.indicator()),
				transition.indicator(), transition.scope(), change(transition.kind()), transition.severity(),
				transition.previousSeverity(), transition.date(), transition.detail(), List.of(), earlier,
				this.publicUrl.get() + "/alerts/" + transition.alertId(), chart, chartText, alreadySent,
				SafeText.cell(transition.severityReason()), List.of());
		return new DigestView.Draft(item, evidence, latest(transition.severityEvidence(), incidents));
	}

	/**
	 * The chart's Content-ID, which is also its file name before the {@code @}: the
	 * indicator and the place, {@code attack-surge-AF.png@harbinger}, numbered when an
	 * alert moved twice.
	 */
	private static String contentId(Transition transition, List<Digest.InlineImage> images) {
		String name = Places.slug(transition.indicator()) + "-" + Places.code(transition.scope());
		String id = name + ".png@harbinger";
		for (int n = 2; taken(id, images); n++) {
			id = name + "-" + n + ".png@harbinger";
		}
		return id;
	}

	private static boolean taken(String contentId, List<Digest.InlineImage> images) {
		return images.stream().anyMatch((image) -> image.contentId().equalsIgnoreCase(contentId));
	}

	/** The ids of the {@value #MAX_EVIDENCE} latest known incidents, oldest first. */
	private static List<String> latest(List<String> ids, Map<String, Incident> incidents) {
		List<String> known = ids.stream()
			.map(incidents::get)
			.filter((incident) -> incident != null)
			.sorted(Comparator.comparing(Incident::eventDate).thenComparing(Incident::eventId))
			.map(Incident::eventId)
			.distinct()
			.toList();
		return known.subList(Math.max(0, known.size() - MAX_EVIDENCE), known.size());
	}

	/**
	 * From the rules in force, so an indicator added by a reload has its title in the
	 * next message.
	 */
	private String title(String indicator) {
		return this.inForce.now().title(indicator);
	}

	private DigestView.Evidence evidence(Incident incident) {
		String place = String.join(", ",
				new LinkedHashSet<>(Stream.of(incident.location(), incident.admin1(), incident.country())
					.filter((part) -> part != null && !part.isBlank())
					.toList()));
		String link = this.publicUrl.get() + "/incidents/" + UriUtils.encodePathSegment(incident.source(), "UTF-8")
				+ "/" + UriUtils.encodePathSegment(incident.eventId(), "UTF-8");
		return new DigestView.Evidence(SafeText.cell(incident.eventId()), incident.eventDate(), SafeText.cell(place),
				SafeText.cell(incident.actor1()), incident.fatalities(),
				incident.reliability() + incident.credibility(), SafeText.cell(incident.gradeReason()),
				SafeText.cell(incident.reportedBy()), SafeText.cell(SafeText.shorten(incident.notes())), link);
	}

	private List<Muted> muted(Subscription subscription, Batch batch) {
		Map<Long, List<Transition>> bySilence = new LinkedHashMap<>();
		batch.muted()
			.forEach((t) -> bySilence.computeIfAbsent(batch.silences().get(t.id()).id(), (id) -> new ArrayList<>())
				.add(t));
		return bySilence.values().stream().map((transitions) -> {
			Silence silence = batch.silences().get(transitions.get(0).id());
			return new Muted(silence.id(), silence.matchers(), silence.author(), moment(silence.endsAt(), subscription),
					silence.comment(), transitions.size(),
					transitions.stream()
						.map((t) -> title(t.indicator()) + " - " + t.scope() + ": " + change(t.kind()) + " "
								+ t.severity())
						.toList());
		}).toList();
	}

	/**
	 * The chart in words: the count judged, the lines it was compared with, the days of
	 * the window that had incidents.
	 */
	private static String chartText(AlertTrend trend) {
		String days = trend.withIncidents()
			.stream()
			.filter((day) -> day.date().isAfter(trend.to().minusDays(trend.windowDays())))
			.map((day) -> DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).format(day.date()) + ": " + day.count())
			.collect(Collectors.joining(", "));
		List<String> lines = trend.lines().stream().map(AlertTrend.Line::label).toList();
		return trend.observed() + " in the " + trend.windowDays() + " days to " + DAY.format(trend.to())
				+ (lines.isEmpty() ? "" : " (against " + String.join(", ", lines) + ")") + " - " + days;
	}

	static String change(TransitionKind kind) {
		return switch (kind) {
			case FIRED -> "new";
			case ESCALATED -> "escalated";
			case DEESCALATED -> "de-escalated";
			case RESOLVED -> "resolved";
			case RETRACTED -> "retracted";
		};
	}

}
