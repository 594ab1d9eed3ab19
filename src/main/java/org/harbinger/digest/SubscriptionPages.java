package org.harbinger.digest;

import java.security.Principal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.harbinger.system.ConfigAudit;
import org.harbinger.system.ConfigChangeRefused;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/subscriptions}: the subscriptions with their next digest, a form to add
 * one, and per subscription a form to change or delete it; each with a required reason.
 * Fields the form does not show (added by later versions) are kept as they are.
 */
@Controller
class SubscriptionPages {

	/** The fields the form shows; lists are typed as names separated by commas. */
	static final List<String> FIELDS = List.of("name", "recipients", "cron", "time-zone", "min-severity", "indicators",
			"scopes");

	private static final List<String> LISTS = List.of("recipients", "indicators", "scopes");

	/** Checkboxes: a browser sends them only when ticked. */
	private static final List<String> FLAGS = List.of("flash", "rule-errors");

	private final SubscriptionChanges changes;

	private final DigestSchedules schedules;

	SubscriptionPages(SubscriptionChanges changes, DigestSchedules schedules) {
		this.changes = changes;
		this.schedules = schedules;
	}

	@GetMapping("/admin/subscriptions")
	ModelAndView list() {
		return listPage(Map.of("cron", "0 0 7 * * ?", "time-zone", "UTC", "min-severity", "INFO"), "");
	}

	@PostMapping("/admin/subscriptions")
	ModelAndView add(@RequestParam Map<String, String> form, Principal principal, RedirectAttributes redirect) {
		return submit(() -> this.changes.add(fields(Map.of(), form), form.get("reason"), ConfigAudit.who(principal)),
				listPage(form, form.get("reason")), redirect, "redirect:/admin/subscriptions");
	}

	@GetMapping("/admin/subscriptions/{name}")
	ModelAndView edit(@PathVariable String name) {
		return editPage(name, texts(written(name)), "");
	}

	@PostMapping("/admin/subscriptions/{name}")
	ModelAndView replace(@PathVariable String name, @RequestParam Map<String, String> form, Principal principal,
			RedirectAttributes redirect) {
		return submit(
				() -> this.changes.replace(name, fields(written(name), form), form.get("reason"),
						ConfigAudit.who(principal)),
				editPage(name, form, form.get("reason")), redirect, "redirect:/admin/subscriptions");
	}

	@PostMapping("/admin/subscriptions/{name}/delete")
	ModelAndView remove(@PathVariable String name, @RequestParam Map<String, String> form, Principal principal,
			RedirectAttributes redirect) {
		return submit(() -> this.changes.remove(name, form.get("reason"), ConfigAudit.who(principal)),
				editPage(name, texts(written(name)), form.get("reason")), redirect, "redirect:/admin/subscriptions");
	}

	private ModelAndView submit(Supplier<SubscriptionChanges.Applied> change, ModelAndView page,
			RedirectAttributes redirect, String next) {
		try {
			redirect.addFlashAttribute("saved", change.get().changes());
			return new ModelAndView(next);
		}
		catch (ConfigChangeRefused refused) {
			page.addObject("errors", refused.problems());
			page.setStatus(refused.status());
			return page;
		}
	}

	private ModelAndView listPage(Map<String, String> form, String reason) {
		ModelAndView page = new ModelAndView("admin/subscriptions");
		List<Map<String, Object>> rows = this.changes.written().stream().map((written) -> {
			Map<String, Object> row = new LinkedHashMap<>(texts(written));
			row.put("next", this.schedules.nextDigest(String.valueOf(written.get("name"))).orElse(null));
			return row;
		}).toList();
		page.addObject("subscriptions", rows);
		page.addObject("form", form);
		page.addObject("reason", (reason != null) ? reason : "");
		return page;
	}

	private ModelAndView editPage(String name, Map<String, String> form, String reason) {
		ModelAndView page = new ModelAndView("admin/subscription");
		page.addObject("name", name);
		page.addObject("form", form);
		page.addObject("reason", (reason != null) ? reason : "");
		return page;
	}

	private Map<String, Object> written(String name) {
		return this.changes.written()
			.stream()
			.filter((written) -> name.equals(String.valueOf(written.get("name"))))
			.findFirst()
			.orElseThrow(() -> new SubscriptionChanges.UnknownSubscription(name));
	}

	/**
	 * The form over the fields as written: a blank field is left out, fields the form
	 * lacks stay.
	 */
	private static Map<String, Object> fields(Map<String, Object> written, Map<String, String> form) {
		Map<String, Object> fields = new LinkedHashMap<>(written);
		for (String field : FIELDS) {
			String text = form.getOrDefault(field, "").strip();
			if (text.isEmpty()) {
				fields.remove(field);
			}
			else if (LISTS.contains(field)) {
				fields.put(field,
						Arrays.stream(text.split(",")).map(String::strip).filter((item) -> !item.isEmpty()).toList());
			}
			else {
				fields.put(field, text);
			}
		}
		for (String flag : FLAGS) {
			if ("true".equals(form.get(flag))) {
				fields.put(flag, true);
			}
			else {
				fields.remove(flag);
			}
		}
		return fields;
	}

	private static Map<String, String> texts(Map<String, Object> written) {
		Map<String, String> texts = new LinkedHashMap<>();
		Delivery.hideSecrets(written)
			.forEach((field, value) -> texts.put(field, (value instanceof Collection<?> list)
					? String.join(", ", list.stream().map(String::valueOf).toList()) : String.valueOf(value)));
		return texts;
	}

}
