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
				""")).satisfies((ex) -> assertThat(ex.problems()).containsExactlyInAnyOrder(
				"line 2: subscription 'desk' colour: unknown field; expected one of "
						+ "[name, recipients, cron, time-zone, min-severity, indicators, scopes, flash, rule-errors]",
				"line 2: subscription 'desk' recipients: 'desk-at-analysis' is not an email address",
				"line 2: subscription 'desk' cron: 'every morning' is not a Quartz cron expression (sec min hour day month weekday)",
				"line 2: subscription 'desk' time-zone: 'Asia/Nowhere' is not a time zone such as Asia/Kabul",
				"line 2: subscription 'desk' min-severity: 'urgent' is not INFO, WARNING or CRITICAL"));
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
