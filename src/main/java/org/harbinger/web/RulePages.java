package org.harbinger.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harbinger.engine.RuleMetadata;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The rules status: each loaded rule file's indicator with its metadata and the thresholds it reads. */
@Controller
class RulePages {

	private final Indicators indicators;

	RulePages(Indicators indicators) {
		this.indicators = indicators;
	}

	/** What is loaded now; live reload will add the last reload's time and any compile errors here. */
	@GetMapping("/rules")
	String rules(Model model) {
		Map<String, RuleMetadata> loaded = this.indicators.all();
		Map<String, List<Indicators.Setting>> settings = new LinkedHashMap<>();
		loaded.values().forEach((indicator) -> settings.put(indicator.id(), this.indicators.settings(indicator)));
		model.addAttribute("indicators", loaded.values());
		model.addAttribute("settings", settings);
		return "rules";
	}

}
