package org.harbinger.threshold;

import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.harbinger.engine.ThresholdType;
import org.harbinger.system.ConfigAudit;
import org.harbinger.system.ConfigChangeRefused;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/thresholds}: the values in force with one form to change some of them (a
 * reason is required) or to preview the change over the last N days first. The form
 * carries every value; only those that differ from the values in force are changed.
 */
@Controller
class ThresholdPages {

	static final String VALUE = "value.";

	private final ThresholdChanges changes;

	private final ThresholdPreview preview;

	ThresholdPages(ThresholdChanges changes, ThresholdPreview preview) {
		this.changes = changes;
		this.preview = preview;
	}

	/**
	 * The form, its preview period {@code days} (90 unless given); the run a preview of
	 * that period compares with starts now, while the administrator chooses values.
	 */
	@GetMapping("/admin/thresholds")
	ModelAndView show(@RequestParam(name = "days", required = false) String days) {
		ThresholdsView view = ThresholdsView.of(this.changes);
		int period = parseDays(days);
		this.preview.warm(period);
		return page(view, texts(view), "", (period > 0) ? period : 90);
	}

	@PostMapping("/admin/thresholds")
	ModelAndView submit(@RequestParam Map<String, String> form, Principal principal, RedirectAttributes redirect) {
		ThresholdsView view = ThresholdsView.of(this.changes);
		Map<String, String> submitted = new LinkedHashMap<>(texts(view));
		form.forEach((name, text) -> {
			if (name.startsWith(VALUE) && submitted.containsKey(name.substring(VALUE.length()))) {
				submitted.put(name.substring(VALUE.length()), text.strip());
			}
		});
		Map<String, Object> values = new LinkedHashMap<>();
		texts(view).forEach((key, current) -> {
			if (!current.equals(submitted.get(key))) {
				values.put(key, value(view.type(key), submitted.get(key)));
			}
		});
		String reason = form.getOrDefault("reason", "");
		int days = parseDays(form.get("days"));
		ModelAndView page = page(view, submitted, reason, days);
		try {
			if ("preview".equals(form.get("action"))) {
				page.addObject("preview", this.preview.preview(values, days));
				return page;
			}
			ThresholdChanges.Applied applied = this.changes.change(values, reason, ConfigAudit.who(principal),
					form.get("version"));
			redirect.addFlashAttribute("saved", applied.changes());
			return new ModelAndView("redirect:/admin/thresholds");
		}
		catch (ConfigChangeRefused refused) {
			page.addObject("errors", refused.problems());
			page.setStatus(refused.status());
			return page;
		}
	}

	private static ModelAndView page(ThresholdsView view, Map<String, String> texts, String reason, int days) {
		ModelAndView page = new ModelAndView("admin/thresholds");
		page.addObject("thresholds", view);
		page.addObject("texts", texts);
		page.addObject("reason", reason);
		page.addObject("days", days);
		return page;
	}

	private static Map<String, String> texts(ThresholdsView view) {
		Map<String, String> texts = new LinkedHashMap<>();
		view.indicators()
			.forEach((indicator) -> indicator.thresholds().forEach((key) -> texts.put(key.key(), key.text())));
		return texts;
	}

	/**
	 * A list is typed as names separated by commas; the rest goes to the file as typed
	 * and is checked there.
	 */
	private static Object value(ThresholdType type, String text) {
		if (type == ThresholdType.LIST) {
			return Arrays.stream(text.split(",")).map(String::strip).filter((name) -> !name.isEmpty()).toList();
		}
		return text;
	}

	private static int parseDays(String text) {
		try {
			return (text == null || text.isBlank()) ? 90 : Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
