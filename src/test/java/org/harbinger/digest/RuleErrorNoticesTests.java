package org.harbinger.digest;

import java.time.Instant;
import java.util.List;

import org.harbinger.EndToEndTest;
import org.harbinger.engine.RuleError;
import org.harbinger.engine.RulesRejected;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Refused rules reach the subscriptions that asked for rule errors, and only those. */
@EndToEndTest
class RuleErrorNoticesTests {

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Outbox outbox;

	@Test
	void refusedRulesAreQueuedForEachRuleErrorsSubscriptionWithEveryError() {
		long before = lastOutboxId();
		this.events.publishEvent(new RulesRejected("9f2c41aa07b3", "c2f44ddb4790",
				List.of(new RuleError("rules/notice-test.drl", 12, 5, "mismatched input 'then'"),
						new RuleError("rules/notice-test.drl", 30, 1, "unknown field 'province'")),
				Instant.parse("2026-05-01T10:15:30Z")));

		List<OutboxMessage> queued = this.jdbc.sql("SELECT id FROM outbox WHERE id > ? ORDER BY id")
			.param(before)
			.query(Long.class)
			.list()
			.stream()
			.map(this.outbox::get)
			.toList();
		try {
			assertThat(queued).singleElement().satisfies((message) -> {
				assertThat(message.subscription()).isEqualTo("rule-authors");
				assertThat(message.recipients()).containsExactly("rule-authors@analysis.test");
				assertThat(message.subject()).isEqualTo("[Harbinger] rules refused: 2 errors in rules/notice-test.drl");
				assertThat(message.text())
					.contains("rules/notice-test.drl:12:5: mismatched input 'then'\n"
							+ "rules/notice-test.drl:30:1: unknown field 'province'")
					.contains("version 9f2c41aa07b3", "(version c2f44ddb4790) keep running");
				assertThat(message.html()).contains("mismatched input &#39;then&#39;");
			});
		}
		finally {
			// Shared context: leave nothing for another test's dispatcher to send.
			this.jdbc.sql("DELETE FROM outbox WHERE id > ?").param(before).update();
		}
	}

	@Test
	void ruleErrorsIsAnOptionalYesOrNo() {
		List<Subscription> read = SubscriptionsFile.read(new EditableFiles.Text("subscriptions.yml", """
				subscriptions:
				  - {name: authors, recipients: [a@b.test], cron: "0 0 7 * * ?", rule-errors: true}
				  - {name: desk, recipients: [d@b.test], cron: "0 0 7 * * ?"}
				"""));
		assertThat(read).extracting(Subscription::ruleErrors).containsExactly(true, false);

		assertThatExceptionOfType(ConfigFileException.class)
			.isThrownBy(() -> SubscriptionsFile.read(new EditableFiles.Text("subscriptions.yml", """
					subscriptions:
					  - {name: authors, recipients: [a@b.test], cron: "0 0 7 * * ?", rule-errors: often}
					""")))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly("line 2: subscription 'authors' rule-errors: 'often' is not true or false"));
	}

	private long lastOutboxId() {
		return this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM outbox").query(Long.class).single();
	}

}
