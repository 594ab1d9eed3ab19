package org.harbinger.engine;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How rules/ and config/thresholds.yml are watched: looked at every
 * {@code poll-interval}, and acted on once they have not changed for
 * {@code quiet-period}, so an editor that saves in steps causes one compile, not several.
 */
@ConfigurationProperties("harbinger.reload")
record ReloadProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("1s") Duration quietPeriod) {
}
