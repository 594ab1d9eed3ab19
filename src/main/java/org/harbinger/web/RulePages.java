package org.harbinger.web;

import java.util.List;

import org.harbinger.engine.RuleMetadata;
import org.harbinger.engine.RulesInForce;
import org.harbinger.engine.RulesStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The rules status, as {@code GET /api/rules/status} gives it: whether the files on disk
 * are in force or were refused (with every error by file and line), and each rule file in
 * force with its indicator's metadata and the thresholds it reads.
 */
@Controller
class RulePages {

	private final RulesInForce inForce;

	private final Indicators indicators;

	RulePages(RulesInForce inForce, Indicators indicators) {
		this.inForce = inForce;
		this.indicators = indicators;
	}

	/** A rule file in force with its metadata and thresholds. */
	record Rule(String file, RuleMetadata indicator, List<Indicators.Setting> settings) {
	}

	@GetMapping("/rules")
	String rules(Model model) {
		RulesStatus status = this.inForce.status();
		model.addAttribute("status", status);
		model.addAttribute("rules",
				status.files()
					.stream()
					.flatMap((file) -> this.indicators.find(file.id())
						.map((indicator) -> new Rule(file.file(), indicator, this.indicators.settings(indicator)))
						.stream())
					.toList());
		return "rules";
	}

}
