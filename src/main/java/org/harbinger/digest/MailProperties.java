package org.harbinger.digest;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing mail. With no {@code spring.mail.host}, messages are written as .eml files to
 * {@code eml-dir} instead of being sent. Flash notices and silence-expiry notices are
 * looked for every {@code notice-interval}.
 */
@ConfigurationProperties("harbinger.mail")
record MailProperties(@DefaultValue("harbinger@localhost") String from, @DefaultValue("var/mail") Path emlDir,
		@DefaultValue("15s") Duration dispatchInterval, @DefaultValue("8") int maxAttempts,
		@DefaultValue("30s") Duration noticeInterval) {
}
