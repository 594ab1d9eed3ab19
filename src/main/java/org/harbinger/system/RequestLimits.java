package org.harbinger.system;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How large a request body may be (docs/security.md). A larger one is answered 413,
 * naming the limit.
 *
 * @param requestBody any API body read whole into memory: JSON incidents and settings, a
 * backtest's CSV
 * @param upload a file sent to {@code /api/incidents/import}, streamed to the spool
 * folder, never held in memory
 */
@ConfigurationProperties("harbinger.limits")
@Validated
public record RequestLimits(@DefaultValue("10MB") @NotNull DataSize requestBody,
		@DefaultValue("2GB") @NotNull DataSize upload) {
}
