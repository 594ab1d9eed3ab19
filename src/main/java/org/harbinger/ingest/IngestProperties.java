package org.harbinger.ingest;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Ingest settings. The default Admiralty grade under the same prefix is bound apart, by
 * {@code DefaultGrade}.
 *
 * @param batchSize rows stored per transaction, and handed to the engine together
 * @param maxRecordChars the longest CSV record read; a longer one is refused, so memory
 * stays bounded
 * @param spoolDir where uploaded files wait while they are imported, so that a restart
 * can resume them
 * @param uploadWait how long an upload waits for its import before answering 202 with the
 * job to follow
 * @param resumeOnStart whether a start-up resumes the imports a stop interrupted
 */
@ConfigurationProperties("harbinger.ingest")
@Validated
record IngestProperties(@DefaultValue("2000") @Min(1) int batchSize,
		@DefaultValue("1000000") @Min(1000) int maxRecordChars, @DefaultValue("var/imports") @NotNull Path spoolDir,
		@DefaultValue("10s") @NotNull Duration uploadWait, @DefaultValue("true") boolean resumeOnStart) {
}
