package org.harbinger.web;

import java.security.Principal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.alert.Silence;
import org.harbinger.alert.SilenceEdits;
import org.harbinger.alert.Silences;
import org.harbinger.system.ConfigAudit;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Silences on the dashboard, as Alertmanager offers them: the list of active, pending and
 * expired silences (analysts), and, for administrators as in the API, a form pre-filled
 * from an alert's matchers, extending and expiring (under /admin, so only they may post).
 */
@Controller
class SilencePages {

	/** How far "Extend" moves an end, in the words a duration field takes. */
	static final List<String> EXTEND_BY = List.of("1h", "1d", "7d");

	private static final int EXPIRED_SHOWN = 100;

	private final Silences silences;

	private final SilenceEdits edits;

	private final AlertRepository alerts;

	SilencePages(Silences silences, SilenceEdits edits, AlertRepository alerts) {
		this.silences = silences;
		this.edits = edits;
		this.alerts = alerts;
	}

	/** A silence in the list, with its state now and the open alerts it mutes. */
	record Row(Silence silence, Silence.State state, long muting) {
	}

	/** The form's fields, as typed (or pre-filled from an alert). */
	record Form(String indicator, String scope, String duration, String comment, Long alert) {
	}

	@GetMapping("/silences")
	String list(Model model) {
		Instant now = Instant.now();
		List<Alert> open = this.alerts.find(new AlertRepository.Filter(Alert.Status.OPEN, null, null, null));
		List<Row> rows = this.silences.all()
			.stream()
			.map((silence) -> new Row(silence, silence.state(now),
					open.stream().filter((alert) -> silence.matches(alert.indicator(), alert.scope())).count()))
			.toList();
		model.addAttribute("current",
				rows.stream()
					.filter((row) -> row.state() != Silence.State.EXPIRED)
					.sorted(Comparator.comparing((Row row) -> row.silence().endsAt()))
					.toList());
		model.addAttribute("expired",
				rows.stream().filter((row) -> row.state() == Silence.State.EXPIRED).limit(EXPIRED_SHOWN).toList());
		model.addAttribute("expiredShown", EXPIRED_SHOWN);
		model.addAttribute("extendBy", EXTEND_BY);
		return "silences";
	}

	/**
	 * The form, pre-filled with an alert's matchers when it is opened from that alert's
	 * page.
	 */
	@GetMapping("/admin/silences/new")
	String form(@RequestParam(required = false) Long alert, Model model) {
		Optional<Alert> silenced = Optional.ofNullable(alert).flatMap(this.alerts::find);
		if (alert != null && silenced.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + alert);
		}
		model.addAttribute("form",
				silenced.map((found) -> new Form(found.indicator(), found.scope(), "1d", "", found.id()))
					.orElse(new Form("", "", "1d", "", null)));
		model.addAttribute("errors", Map.of());
		return "silence-form";
	}

	@PostMapping("/admin/silences")
	String create(Form form, Principal principal, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		SilenceEdits.Outcome outcome = this.edits.create(
				new SilenceEdits.Request(form.indicator(), form.scope(), null, null, form.duration(), form.comment()),
				ConfigAudit.who(principal));
		if (!outcome.ok()) {
			Map<String, String> errors = new LinkedHashMap<>();
			// The form has no separate end: a missing end is the duration's to fix.
			outcome.problems()
				.forEach((problem) -> errors.merge(problem.field().equals("ends_at") ? "duration" : problem.field(),
						problem.message(), (first, second) -> first + "; " + second));
			model.addAttribute("form", form);
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "silence-form";
		}
		Silence silence = outcome.silence();
		redirect.addFlashAttribute("outcome",
				"Silence " + silence.id() + " created: " + silence.matchers() + ", until " + silence.endsAt() + ".");
		return "redirect:/silences#silence-" + silence.id();
	}

	@PostMapping("/admin/silences/{id}/extend")
	String extend(@PathVariable long id, @RequestParam(required = false) String by, Principal principal,
			RedirectAttributes redirect) {
		Optional<SilenceEdits.Outcome> outcome = this.edits.extend(id, by, ConfigAudit.who(principal));
		if (outcome.isEmpty()) {
			redirect.addFlashAttribute("refusal", "There is no silence " + id + ".");
		}
		else if (!outcome.get().ok()) {
			redirect.addFlashAttribute("refusal",
					"Silence " + id + " not extended: " + outcome.get().problems().get(0).message() + ".");
		}
		else {
			redirect.addFlashAttribute("outcome",
					"Silence " + id + " extended by " + by + ", until " + outcome.get().silence().endsAt() + ".");
		}
		return "redirect:/silences#silence-" + id;
	}

	@PostMapping("/admin/silences/{id}/expire")
	String expire(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		Optional<Silence> expired = this.edits.expire(id, ConfigAudit.who(principal));
		redirect.addFlashAttribute(expired.isPresent() ? "outcome" : "refusal", expired.isPresent()
				? "Silence " + id + " expired: its alerts notify again." : "There is no silence " + id + ".");
		return "redirect:/silences#silence-" + id;
	}

}
