package org.harbinger.system;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several nodes on one PostgreSQL database (docs/architecture.md, "One engine for the
 * cluster" and "Shared configuration"). {@code enabled}: every node writes its incident
 * changes to the change log, the engine runs only on the node elected through the
 * database, and thresholds, subscriptions and users are shared through it;
 * {@code node-id} names this node in the log (default: host and process); {@code poll}:
 * how often the engine reads the log; {@code lease}: how long an elected node holds the
 * engine without renewing it, so a dead leader is replaced within about one lease;
 * {@code warm-standby}: every other node keeps an engine that follows every change and
 * writes nothing, so taking over needs no rebuild; {@code config-poll}: how often a node
 * looks for a newer version of the shared files (0 turns sharing off).
 */
@ConfigurationProperties("harbinger.cluster")
public record ClusterProperties(@DefaultValue("false") boolean enabled, String nodeId,
		@DefaultValue("500ms") Duration poll, @DefaultValue("10s") Duration lease,
		@DefaultValue("true") boolean warmStandby, @DefaultValue("2s") Duration configPoll) {

	public ClusterProperties {
		// Refused at start with the key named: a zero poll would stop the log reader, a
		// zero lease the election.
		if (poll == null || poll.isNegative() || poll.isZero()) {
			throw new IllegalArgumentException("harbinger.cluster.poll must be a positive duration, not " + poll);
		}
		if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("harbinger.cluster.lease must be at least 1s, not " + lease);
		}
		if (nodeId == null || nodeId.isBlank()) {
			// Process and host, and a random part: two services in one process are two
			// nodes too.
			nodeId = ManagementFactory.getRuntimeMXBean().getName() + "-"
					+ UUID.randomUUID().toString().substring(0, 8);
		}
	}

	/**
	 * Whether the shared files are taken from and given to the database; a single node's
	 * files are its only truth.
	 */
	public boolean sharing() {
		return this.enabled && !this.configPoll.isZero() && !this.configPoll.isNegative();
	}

}
