package org.harbinger.system.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form's POST and /logout. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
