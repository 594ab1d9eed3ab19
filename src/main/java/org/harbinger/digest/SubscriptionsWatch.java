package org.harbinger.digest;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import org.harbinger.system.FilePoller;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts config/subscriptions.yml in force when someone edits it by hand: the file is
 * compared with the text in force every {@code harbinger.subscriptions.poll} (0 turns it
 * off) and a changed, valid file goes the way of an API change, audited as edited on
 * disk. A file on this machine, so a local timer rather than Quartz.
 */
@Component
class SubscriptionsWatch {

	private final SubscriptionChanges changes;

	private final Properties properties;

	private FilePoller poller;

	SubscriptionsWatch(SubscriptionChanges changes, Properties properties) {
		this.changes = changes;
		this.properties = properties;
	}

	/** How often the file is compared with the subscriptions in force. */
	@ConfigurationProperties("harbinger.subscriptions")
	record Properties(@DefaultValue("5s") Duration poll) {
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void start() {
		this.poller = FilePoller.start("harbinger-subscriptions", SubscriptionChanges.FILE, this.properties.poll(),
				this.changes::reloadIfEdited);
	}

	@PreDestroy
	synchronized void stop() {
		if (this.poller != null) {
			this.poller.stop();
		}
	}

}
