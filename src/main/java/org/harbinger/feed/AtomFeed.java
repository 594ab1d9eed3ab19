package org.harbinger.feed;

import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.harbinger.alert.AlertRepository;
import org.harbinger.alert.Transition;
import org.harbinger.incident.Incident;
import org.harbinger.incident.IncidentRepository;

import org.springframework.stereotype.Component;

/**
 * The alert transitions as an Atom feed (RFC 4287), newest first: one entry per
 * transition, with a stable tag: URI, the detail, the evidence and a link to the alert.
 * Written by a StAX writer, so incident text is escaped wherever it lands.
 */
@Component
class AtomFeed {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private final AlertRepository alerts;

	private final IncidentRepository incidents;

	private final Catalogue catalogue;

	private final String tagAuthority;

	AtomFeed(AlertRepository alerts, IncidentRepository incidents, Catalogue catalogue) {
		this.alerts = alerts;
		this.incidents = incidents;
		this.catalogue = catalogue;
		String host = URI.create(catalogue.publicUrl()).getHost();
		// A tag: URI names an authority and a date it held the name; the ids must never
		// change.
		this.tagAuthority = "tag:" + ((host != null) ? host : "localhost") + ",2022:harbinger";
	}

	/** Writes the feed; {@code self} is the feed's own URL, query included. */
	void write(AlertRepository.Filter filter, int limit, String self, OutputStream out) throws XMLStreamException {
		List<Transition> transitions = this.alerts.latestTransitions(filter, limit);
		Map<String, Incident> evidence = this.incidents
			.findByEventIds(transitions.stream().flatMap((t) -> t.evidence().stream()).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Incident::eventId, Function.identity(), (a, b) -> a));
		XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("feed");
		xml.writeDefaultNamespace(ATOM);
		element(xml, "id", self);
		element(xml, "title", "Harbinger alert transitions");
		element(xml, "updated", timestamp(transitions.isEmpty() ? Instant.EPOCH : transitions.get(0).recordedAt()));
		link(xml, "self", "application/atom+xml", self);
		link(xml, "alternate", "text/html", this.catalogue.publicUrl() + "/alerts");
		xml.writeStartElement("author");
		element(xml, "name", "Harbinger");
		xml.writeEndElement();
		element(xml, "generator", "Harbinger");
		for (Transition transition : transitions) {
			entry(xml, transition, evidence);
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.flush();
		xml.close();
	}

	private void entry(XMLStreamWriter xml, Transition t, Map<String, Incident> evidence) throws XMLStreamException {
		xml.writeStartElement("entry");
		element(xml, "id", this.tagAuthority + ":transition:" + t.id());
		element(xml, "title", t.severity() + " " + t.indicator() + " " + t.kind() + " - " + t.scope());
		element(xml, "updated", timestamp(t.recordedAt()));
		element(xml, "published", timestamp(t.recordedAt()));
		link(xml, "alternate", "text/html", this.catalogue.alertLink(t.alertId()));
		category(xml, t.indicator(), this.catalogue.title(t.indicator()));
		category(xml, t.severity().name(), null);
		category(xml, t.kind().name(), null);
		text(xml, "summary", Objects.requireNonNullElse(t.detail(), this.catalogue.title(t.indicator()))
				+ " (evidence: " + String.join(", ", t.evidence()) + ")");
		text(xml, "content", content(t, evidence));
		xml.writeEndElement();
	}

	private String content(Transition t, Map<String, Incident> evidence) {
		StringBuilder text = new StringBuilder(this.catalogue.title(t.indicator())).append(" - ").append(t.scope());
		text.append('\n').append(t.kind()).append(" on ").append(t.date()).append(": ").append(t.severity());
		if (t.previousSeverity() != null && t.previousSeverity() != t.severity()) {
			text.append(" (was ").append(t.previousSeverity()).append(')');
		}
		if (t.detail() != null) {
			text.append('\n').append(t.detail());
		}
		text.append("\nEvidence:");
		for (String id : t.evidence()) {
			text.append("\n- ").append(id);
			Incident incident = evidence.get(id);
			if (incident != null) {
				text.append(", ")
					.append(incident.eventDate())
					.append(", ")
					.append(place(incident))
					.append("; ")
					.append(Objects.toString(incident.actor1(), "unknown actor"))
					.append("; ")
					.append(incident.fatalities())
					.append(" fatalities");
				if (incident.notes() != null && !incident.notes().isBlank()) {
					text.append("; ").append(incident.notes());
				}
			}
		}
		return text.toString();
	}

	private static String place(Incident incident) {
		return Stream.of(incident.location(), incident.admin1(), incident.country())
			.filter((part) -> part != null && !part.isBlank())
			.distinct()
			.collect(Collectors.joining(", "));
	}

	private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(legal(value));
		xml.writeEndElement();
	}

	private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeAttribute("type", "text");
		xml.writeCharacters(legal(value));
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("type", type);
		xml.writeAttribute("href", legal(href));
	}

	private static void category(XMLStreamWriter xml, String term, String label) throws XMLStreamException {
		xml.writeEmptyElement("category");
		xml.writeAttribute("term", legal(term));
		if (label != null) {
			xml.writeAttribute("label", legal(label));
		}
	}

	private static String timestamp(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
	}

	/**
	 * The text with characters XML 1.0 cannot carry (most control characters, lone
	 * surrogates) replaced by U+FFFD: the writer escapes markup but would pass those
	 * through and make the document ill-formed.
	 */
	static String legal(String text) {
		StringBuilder legal = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
					|| (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
			legal.appendCodePoint(allowed ? c : 0xFFFD);
		});
		return legal.toString();
	}

}
