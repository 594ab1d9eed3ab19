package org.harbinger.web;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in, and how dates read. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter MOMENT = DateTimeFormatter
		.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/**
	 * Date formats for the templates: {@code ${fmt.date(d)}}, {@code ${fmt.moment(i)}}.
	 */
	static final class Formats {

		public String date(LocalDate date) {
			return (date != null) ? DATE.format(date) : "";
		}

		public String moment(Instant instant) {
			return (instant != null) ? MOMENT.format(instant) : "";
		}

	}

	private static final Formats FORMATS = new Formats();

	@ModelAttribute("user")
	String user(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

	@ModelAttribute("fmt")
	Formats formats() {
		return FORMATS;
	}

}
