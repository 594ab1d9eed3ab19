package org.harbinger.incident;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingest settings. ACLED rows carry no Admiralty grade, so they get a default one
 * (B2 unless changed), which passes the rules' default minimum.
 */
@ConfigurationProperties("harbinger.ingest")
record IngestProperties(@DefaultValue("B") String defaultReliability, @DefaultValue("2") int defaultCredibility) {
}
