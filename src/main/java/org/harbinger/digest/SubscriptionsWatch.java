package org.harbinger.digest;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts config/subscriptions.yml in force when someone edits it by hand: the file is
 * compared with the text in force every {@code harbinger.subscriptions.poll} (0 turns it
 * off) and a changed, valid file goes the way of an API change, audited as edited on disk.
 * A file on this machine, so a local timer rather than Quartz.
 */
@Component
class SubscriptionsWatch {

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionsWatch.class);

	private final SubscriptionChanges changes;

	private final Properties properties;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "harbinger-subscriptions");
		thread.setDaemon(true);
		return thread;
	});

	SubscriptionsWatch(SubscriptionChanges changes, Properties properties) {
		this.changes = changes;
		this.properties = properties;
	}

	/** How often the file is compared with the subscriptions in force. */
	@ConfigurationProperties("harbinger.subscriptions")
	record Properties(@DefaultValue("5s") Duration poll) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (this.properties.poll().isZero()) {
			return;
		}
		this.timer.scheduleWithFixedDelay(() -> {
			try {
				this.changes.reloadIfEdited();
			}
			catch (RuntimeException ex) {
				logger.warn("Cannot read {}: {}", SubscriptionChanges.FILE, ex.getMessage(), ex);
			}
		}, this.properties.poll().toMillis(), this.properties.poll().toMillis(), TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	void stop() {
		this.timer.shutdownNow();
	}

}
