package org.harbinger.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/audit}: the changes to thresholds and subscriptions, newest first,
 * filtered by file, who or key.
 */
@Controller
class AuditPage {

	private final ConfigAudit audit;

	AuditPage(ConfigAudit audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	ModelAndView show(@RequestParam(required = false) String file, @RequestParam(required = false) String who,
			@RequestParam(required = false) String item) {
		ModelAndView page = new ModelAndView("admin/audit");
		page.addObject("entries", this.audit.list(new ConfigAudit.Filter(file, who, item, 200)));
		page.addObject("file", file);
		page.addObject("who", who);
		page.addObject("item", item);
		return page;
	}

}
