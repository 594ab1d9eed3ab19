package org.harbinger.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several nodes on one database (docs/architecture.md, "Shared configuration").
 *
 * @param configPoll how often a node looks for a newer version of the shared files in the
 * database; 0 (the default: H2 is one node's database) turns sharing off, and the files
 * are the only truth as on a single node. The postgres profile sets 2s.
 */
@ConfigurationProperties("harbinger.cluster")
public record ClusterProperties(@DefaultValue("0s") Duration configPoll) {

	public boolean sharing() {
		return !this.configPoll.isZero() && !this.configPoll.isNegative();
	}

}
