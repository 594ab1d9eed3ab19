package org.harbinger.digest;

import java.util.List;
import java.util.stream.Collectors;

import org.harbinger.engine.RuleError;
import org.harbinger.engine.RulesRejected;
import org.harbinger.ingest.AcledPullFailed;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Tells the rule authors when their edit was refused: one message per subscription with
 * {@code rule-errors: true}, through the outbox like a digest, listing every error as
 * {@code file:line:col: message}. The same subscriptions hear when a pull from ACLED
 * fails: both are the machinery stopping short of what it should do.
 */
@Component
class RuleErrorNotices {

	private final Subscriptions subscriptions;

	private final Outbox outbox;

	RuleErrorNotices(Subscriptions subscriptions, Outbox outbox) {
		this.subscriptions = subscriptions;
		this.outbox = outbox;
	}

	@EventListener
	void on(RulesRejected rejected) {
		send(notice(rejected));
	}

	@EventListener
	void on(AcledPullFailed failed) {
		String text = "The pull from ACLED (import " + failed.importId() + ") failed at " + failed.at() + ":\n\n"
				+ failed.message() + "\n\nGET /api/imports/" + failed.importId()
				+ " has its report; the Imports page lists it. The next pull asks again from the same point.\n";
		send(new Digest("[Harbinger] ACLED pull failed (import " + failed.importId() + ")", text,
				"<pre>" + HtmlUtils.htmlEscape(text) + "</pre>")
			.as("acled-pull-failed", List.of()));
	}

	private void send(Digest notice) {
		this.subscriptions.all()
			.stream()
			.filter(Subscription::ruleErrors)
			.forEach((subscription) -> this.outbox.enqueue(subscription, notice));
	}

	static Digest notice(RulesRejected rejected) {
		List<RuleError> errors = rejected.errors();
		String files = errors.stream().map(RuleError::file).distinct().collect(Collectors.joining(", "));
		String subject = "[Harbinger] rules refused: " + errors.size() + ((errors.size() == 1) ? " error" : " errors")
				+ " in " + files;
		String text = "The edited rules (version " + rejected.version() + ") were refused at " + rejected.at()
				+ ".\nThe rules in force before (version " + rejected.running() + ") keep running.\n\n"
				+ errors.stream().map(RuleError::toString).collect(Collectors.joining("\n"))
				+ "\n\nFix the files and save them: they are compiled again within seconds. "
				+ "GET /api/rules/status shows the state; `rules check` prints the same list.\n";
		return new Digest(subject, text, "<pre>" + HtmlUtils.htmlEscape(text) + "</pre>").as("rule-errors", List.of());
	}

}
