package org.harbinger.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Admiralty grade of a row that carries none, such as every ACLED row (B2 unless
 * changed), which passes the rules' default minimum. Beside the other ingest settings.
 *
 * @param defaultReliability source reliability, A to F
 * @param defaultCredibility information credibility, 1 to 6
 */
@ConfigurationProperties("harbinger.ingest")
@Validated
record DefaultGrade(@DefaultValue("B") @Pattern(regexp = "[A-F]") String defaultReliability,
		@DefaultValue("2") @Min(1) @Max(6) int defaultCredibility) {
}
