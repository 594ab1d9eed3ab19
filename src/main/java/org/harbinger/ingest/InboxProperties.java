package org.harbinger.ingest;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The inbox folder the service watches for files to import.
 *
 * @param dir the folder; files land in its {@code processed/} or {@code failed/} with a
 * report beside them
 * @param enabled whether the service watches it
 * @param poll how often it looks
 * @param settle how long a file must go unmodified before it is taken, so that a copy in
 * progress is not
 */
@ConfigurationProperties("harbinger.inbox")
@Validated
record InboxProperties(@DefaultValue("var/inbox") @NotNull Path dir, @DefaultValue("true") boolean enabled,
		@DefaultValue("5s") @NotNull Duration poll, @DefaultValue("2s") @NotNull Duration settle) {
}
