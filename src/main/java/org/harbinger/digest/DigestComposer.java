package org.harbinger.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.harbinger.alert.Transition;
import org.harbinger.alert.TransitionKind;
import org.harbinger.engine.RuleBase;
import org.harbinger.engine.RuleMetadata;
import org.harbinger.engine.Severity;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentRepository;
import org.harbinger.system.HarbingerProperties;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Renders a digest from templates/digest.html and templates/digest.txt, read from disk
 * on every digest so that an edit shows in the next one without a rebuild.
 */
@Component
class DigestComposer {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

	private final SpringTemplateEngine templates = new SpringTemplateEngine();

	private final RuleBase rules;

	private final IncidentRepository incidents;

	private final String dashboardUrl;

	DigestComposer(HarbingerProperties properties, RuleBase rules, IncidentRepository incidents) {
		this.rules = rules;
		this.incidents = incidents;
		this.dashboardUrl = properties.dashboardUrl();
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

	/** One alert's step, with the incidents behind it. */
	record Item(String title, String indicator, String scope, String change, Severity severity,
			Severity previousSeverity, LocalDate date, String detail, List<Evidence> evidence, String link) {
	}

	/** One incident as the analyst sees it in the evidence table. */
	record Evidence(String id, LocalDate date, String place, String actor, int fatalities, String grade,
			String reportedBy, String notes) {
	}

	/** The transitions of one severity. */
	record Section(Severity severity, List<Item> items) {
	}

	Digest compose(Subscription subscription, List<Transition> transitions) {
		Map<String, Incident> evidence = this.incidents
			.findByEventIds(transitions.stream().flatMap((t) -> t.evidence().stream()).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Incident::eventId, Function.identity(), (a, b) -> a));
		Map<Severity, List<Item>> bySeverity = new EnumMap<>(Severity.class);
		transitions.stream()
			.sorted(Comparator.comparing(Transition::indicator).thenComparing(Transition::scope))
			.forEach((t) -> bySeverity.computeIfAbsent(t.severity(), (s) -> new ArrayList<>()).add(item(t, evidence)));
		List<Section> sections = new ArrayList<>();
		for (Severity severity : List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO)) {
			if (bySeverity.containsKey(severity)) {
				sections.add(new Section(severity, bySeverity.get(severity)));
			}
		}
		LocalDate latest = transitions.stream().map(Transition::date).max(Comparator.naturalOrder()).orElseThrow();
		String subject = subject(transitions, latest);
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("subject", subject);
		context.setVariable("subscription", subscription);
		context.setVariable("sections", sections);
		context.setVariable("asOf", DAY.format(latest));
		context.setVariable("generatedAt",
				ZonedDateTime.ofInstant(Instant.now(), subscription.timeZone()).format(DateTimeFormatter.RFC_1123_DATE_TIME));
		context.setVariable("dashboardUrl", this.dashboardUrl);
		return new Digest(subject, this.templates.process("digest.txt", context),
				this.templates.process("digest.html", context));
	}

	private Item item(Transition transition, Map<String, Incident> incidents) {
		RuleMetadata metadata = this.rules.indicators().get(transition.indicator());
		String title = (metadata != null) ? metadata.title() : transition.indicator();
		List<Evidence> rows = transition.evidence()
			.stream()
			.map(incidents::get)
			.filter((incident) -> incident != null)
			.map(DigestComposer::evidence)
			.toList();
		return new Item(title, transition.indicator(), transition.scope(), change(transition.kind()),
				transition.severity(), transition.previousSeverity(), transition.date(), transition.detail(), rows,
				this.dashboardUrl + "/api/alerts/" + transition.alertId());
	}

	private static Evidence evidence(Incident incident) {
		String place = String.join(", ",
				new LinkedHashSet<>(Stream.of(incident.location(), incident.admin1(), incident.country())
					.filter((part) -> part != null && !part.isBlank())
					.toList()));
		return new Evidence(incident.eventId(), incident.eventDate(), place, incident.actor1(), incident.fatalities(),
				incident.reliability() + incident.credibility(), incident.reportedBy(), incident.notes());
	}

	private static String change(TransitionKind kind) {
		return switch (kind) {
			case FIRED -> "new";
			case ESCALATED -> "escalated";
			case DEESCALATED -> "de-escalated";
			case RESOLVED -> "resolved";
			case RETRACTED -> "retracted";
		};
	}

	/** Says what changed, e.g. "[Harbinger] 2 new CRITICAL, 1 resolved - Tajikistan, Uzbekistan - 7 May 2022". */
	private static String subject(List<Transition> transitions, LocalDate latest) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		transitions.stream()
			.sorted(Comparator.comparing(Transition::severity).reversed().thenComparing(Transition::kind))
			.forEach((t) -> counts.merge(switch (t.kind()) {
				case FIRED -> "new " + t.severity();
				case ESCALATED -> "escalated";
				case DEESCALATED -> "de-escalated";
				case RESOLVED -> "resolved";
				case RETRACTED -> "retracted";
			}, 1, Integer::sum));
		String what = counts.entrySet()
			.stream()
			.map((entry) -> entry.getValue() + " " + entry.getKey())
			.collect(Collectors.joining(", "));
		List<String> scopes = transitions.stream().map(Transition::scope).distinct().sorted().toList();
		String where = (scopes.size() <= 3) ? String.join(", ", scopes)
				: String.join(", ", scopes.subList(0, 3)) + " and " + (scopes.size() - 3) + " more";
		return "[Harbinger] " + what + " - " + where + " - " + DAY.format(latest);
	}

}
