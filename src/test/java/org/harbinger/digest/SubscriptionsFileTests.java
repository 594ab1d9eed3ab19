package org.harbinger.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.harbinger.alert.Transition;
import org.harbinger.alert.TransitionKind;
import org.harbinger.engine.Severity;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SubscriptionsFileTests {

	@Test
	void readsASubscriptionWithItsDefaults() {
		Subscription subscription = read("""
				subscriptions:
				  - name: desk
				    recipients: [desk@analysis.test]
				    cron: "0 0 7 * * ?"
				""").all().get(0);

		assertThat(subscription.timeZone()).isEqualTo(ZoneId.of("UTC"));
		assertThat(subscription.minSeverity()).isEqualTo(Severity.INFO);
		assertThat(subscription.indicators()).isEmpty();
		assertThat(subscription.scopes()).isEmpty();
	}

	@Test
	void namesEveryBadFieldWithItsLineAndSubscription() {
		assertThatExceptionOfType(ConfigFileException.class).isThrownBy(() -> read("""
				subscriptions:
				  - name: desk
				    recipients: [desk-at-analysis]
				    cron: "every morning"
				    time-zone: Asia/Nowhere
				    min-severity: urgent
				    colour: red
				"""))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactlyInAnyOrder(
					"line 2: subscription 'desk' colour: unknown field; expected one of "
							+ "[name, channel, url, secret, recipients, cron, time-zone, min-severity, indicators, scopes, flash, "
							+ "rule-errors]",
					"line 2: subscription 'desk' recipients: 'desk-at-analysis' is not an email address",
					"line 2: subscription 'desk' cron: 'every morning' is not a Quartz cron expression (sec min hour day month weekday)",
					"line 2: subscription 'desk' time-zone: 'Asia/Nowhere' is not a time zone such as Asia/Kabul",
					"line 2: subscription 'desk' min-severity: 'urgent' is not INFO, WARNING or CRITICAL"));
	}

	@Test
	void aSubscriptionWithoutAChannelIsByEmailAndAWebhookOneHasItsUrlAndSecret() {
		List<Subscription> all = read("""
				subscriptions:
				  - {name: desk, recipients: [desk@analysis.test], cron: "0 0 7 * * ?"}
				  - name: soc
				    channel: webhook
				    url: https://soc.example.org/hooks/harbinger
				    secret: "0123456789abcdef-soc"
				    cron: "0 0 7 * * ?"
				  - {name: chat, channel: Slack, url: "https://hooks.slack.com/services/T0/B0/XYZ", cron: "0 0 7 * * ?"}
				""").all();

		assertThat(all.get(0).delivery()).isEqualTo(Delivery.EMAIL);
		assertThat(all.get(1).delivery().channel()).isEqualTo(Delivery.Channel.WEBHOOK);
		assertThat(all.get(1).delivery().url()).hasToString("https://soc.example.org/hooks/harbinger");
		assertThat(all.get(1).recipients()).isEmpty();
		assertThat(all.get(2).delivery().channel()).isEqualTo(Delivery.Channel.SLACK);
		assertThat(all.get(1) + " " + all.get(2)).as("printed, as a log line would")
			.doesNotContain("0123456789abcdef-soc", "XYZ")
			.contains("webhook https://soc.example.org/hooks/harbinger", "slack https://hooks.slack.com/(hidden)");
	}

	@Test
	void aDeliveryThatCannotWorkIsRefusedNamingTheKeyAndNeverQuotingACredential() {
		assertThatExceptionOfType(ConfigFileException.class)
			.isThrownBy(() -> read(
					"""
							subscriptions:
							  - {name: pager, channel: pager, recipients: [a@b.test], cron: "0 0 7 * * ?"}
							  - {name: soc, channel: webhook, recipients: [a@b.test], url: "ftp://soc.example.org/x", cron: "0 0 7 * * ?"}
							  - {name: short, channel: webhook, url: "https://soc.example.org/x", secret: tiny-secret, cron: "0 0 7 * * ?"}
							  - {name: chat, channel: teams, secret: "0123456789abcdef-xx", cron: "0 0 7 * * ?"}
							  - {name: mail, recipients: [a@b.test], url: "https://soc.example.org/x", cron: "0 0 7 * * ?"}
							"""))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactlyInAnyOrder(
					"line 2: subscription 'pager' channel: 'pager' is not email, webhook, slack or teams",
					"line 3: subscription 'soc' recipients: only for channel email: a webhook subscription posts to its url",
					"line 3: subscription 'soc' url: is not an http(s) address such as https://hooks.example.org/harbinger",
					"line 3: subscription 'soc' secret: is required for channel webhook: the key its receiver checks signatures with",
					"line 4: subscription 'short' secret: is shorter than 16 characters",
					"line 5: subscription 'chat' url: is required for channel teams",
					"line 5: subscription 'chat' secret: only for channel webhook (teams is authenticated by its url)",
					"line 6: subscription 'mail' url: only for channels webhook, slack and teams (this one is email)"))
			.satisfies(
					(ex) -> assertThat(ex.problems().toString()).doesNotContain("tiny-secret", "0123456789abcdef-xx"));
	}

	@Test
	void refusesTwoSubscriptionsWithOneName() {
		assertThatExceptionOfType(ConfigFileException.class).isThrownBy(() -> read("""
				subscriptions:
				  - {name: desk, recipients: [a@b.test], cron: "0 0 7 * * ?"}
				  - {name: desk, recipients: [c@d.test], cron: "0 0 8 * * ?"}
				""")).withMessageContaining("line 3: subscription 'desk' is defined twice");
	}

	@Test
	void aScopeCoversItselfAndWhatIsUnderIt() {
		Subscription afghanistan = new Subscription("af", List.of("a@b.test"), "0 0 7 * * ?", ZoneId.of("UTC"),
				Severity.WARNING, List.of(), List.of("Afghanistan"));

		assertThat(afghanistan.wants(transition("Afghanistan/Kunar", Severity.WARNING))).isTrue();
		assertThat(afghanistan.wants(transition("Afghanistan", Severity.CRITICAL))).isTrue();
		assertThat(afghanistan.wants(transition("Afghanistanistan", Severity.CRITICAL))).isFalse();
		assertThat(afghanistan.wants(transition("Afghanistan", Severity.INFO))).isFalse();
	}

	private static Transition transition(String scope, Severity severity) {
		return new Transition(1, 1, "attack-surge", scope, TransitionKind.FIRED, severity, null,
				LocalDate.of(2022, 5, 7), List.of(), "", Instant.now(), List.of(), null);
	}

	private static Subscriptions read(String yaml) {
		return new Subscriptions(SubscriptionsFile.read(new EditableFiles.Text("config/subscriptions.yml", yaml)));
	}

}
