package org.harbinger.web;

import java.security.Principal;

import org.harbinger.digest.Outbox;
import org.harbinger.digest.OutboxAdmin;
import org.harbinger.system.ConfigAudit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What was sent to whom and when: the latest outbox rows with their status, attempts and
 * last error; administrators resend or cancel a message there (under /admin, so only they
 * may post).
 */
@Controller
class OutboxPage {

	private static final int LIMIT = 200;

	private final Outbox outbox;

	private final OutboxAdmin admin;

	OutboxPage(Outbox outbox, OutboxAdmin admin) {
		this.outbox = outbox;
		this.admin = admin;
	}

	@GetMapping("/outbox")
	String outbox(Model model) {
		model.addAttribute("messages", this.outbox.latest(LIMIT));
		model.addAttribute("limit", LIMIT);
		return "outbox";
	}

	@PostMapping("/admin/outbox/{id}/resend")
	String resend(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		return done(redirect, id, this.admin.resend(id, ConfigAudit.who(principal)), "will be sent again now");
	}

	@PostMapping("/admin/outbox/{id}/cancel")
	String cancel(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		return done(redirect, id, this.admin.cancel(id, ConfigAudit.who(principal)), "is cancelled: no more attempts");
	}

	@PostMapping("/admin/outbox/resend-undelivered")
	String resendUndelivered(Principal principal, RedirectAttributes redirect) {
		int resent = this.admin.resendUndelivered(ConfigAudit.who(principal));
		redirect.addFlashAttribute("outcome", resent + " undelivered message(s) will be sent again now.");
		return "redirect:/outbox";
	}

	private String done(RedirectAttributes redirect, long id, OutboxAdmin.Outcome outcome, String what) {
		switch (outcome) {
			case DONE -> redirect.addFlashAttribute("outcome", "Message " + id + " " + what + ".");
			case NOT_FOUND -> redirect.addFlashAttribute("refusal", "There is no message " + id + ".");
			case REFUSED -> redirect.addFlashAttribute("refusal", "Not done: " + this.admin.refusal(id) + ".");
		}
		return "redirect:/outbox";
	}

}
