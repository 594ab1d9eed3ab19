package org.harbinger.web;

import org.harbinger.ingest.AcledPuller;
import org.harbinger.ingest.ImportQueue;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The imports view: the latest imports (uploads, inbox files, command line, ACLED pulls)
 * with their counts and what went wrong, and the ACLED connector's state, so a failed
 * pull is seen.
 */
@Controller
class ImportPages {

	private final ImportQueue imports;

	private final AcledPuller acled;

	ImportPages(ImportQueue imports, AcledPuller acled) {
		this.imports = imports;
		this.acled = acled;
	}

	@GetMapping("/imports")
	String imports(Model model) {
		model.addAttribute("imports", this.imports.recentReports());
		model.addAttribute("acled", this.acled.status());
		return "imports";
	}

}
