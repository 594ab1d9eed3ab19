package org.harbinger.digest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The delivery settings (issue 14): SMTP timeouts for both protocols, and values that
 * cannot work refused by key.
 */
class MailSettingsTests {

	@Test
	void timeoutsApplyToSmtpAndSmtpsAndAValueSetInSpringMailPropertiesWins() {
		Properties mail = new Properties();
		mail.setProperty("mail.smtps.timeout", "5000");

		Mailer.timeouts(mail, settings(Duration.ofSeconds(30)));

		assertThat(mail).containsEntry("mail.smtp.connectiontimeout", "10000")
			.containsEntry("mail.smtp.timeout", "30000")
			.containsEntry("mail.smtp.writetimeout", "20000")
			.containsEntry("mail.smtps.connectiontimeout", "10000")
			.containsEntry("mail.smtps.timeout", "5000")
			.containsEntry("mail.smtps.writetimeout", "20000");
	}

	@Test
	void aTimeoutThatIsZeroIsRefusedNamingItsKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Duration.ZERO))
			.withMessage("harbinger.mail.read-timeout must be positive, was PT0S");
	}

	private static MailProperties settings(Duration readTimeout) {
		return new MailProperties("harbinger@localhost", Path.of("var/mail"), Duration.ofSeconds(15),
				Duration.ofSeconds(30), Duration.ofSeconds(10), readTimeout, Duration.ofSeconds(20),
				Duration.ofHours(1), Duration.ofMinutes(30), true);
	}

}
