package org.harbinger.web;

import org.harbinger.digest.Outbox;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What was sent to whom and when: the latest outbox rows with their status, attempts and last error. */
@Controller
class OutboxPage {

	private static final int LIMIT = 200;

	private final Outbox outbox;

	OutboxPage(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/outbox")
	String outbox(Model model) {
		model.addAttribute("messages", this.outbox.latest(LIMIT));
		model.addAttribute("limit", LIMIT);
		return "outbox";
	}

}
