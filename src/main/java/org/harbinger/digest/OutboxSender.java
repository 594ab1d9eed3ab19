package org.harbinger.digest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The outbox's own sender thread (issue 14). Quartz jobs only queue messages and
 * {@link #wake()} it: a relay that hangs then costs this thread one attempt, bounded by
 * the SMTP timeouts, and never a scheduler worker, so digests keep being rendered and a
 * stop never waits on a socket. It also looks every {@code dispatch-interval}, for
 * retries and for claims left by a process that is gone.
 */
@Component
class OutboxSender implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxSender.class);

	/**
	 * How long a stop waits for a send in progress; past it the claim is released by the
	 * next start.
	 */
	private static final Duration STOP_GRACE = Duration.ofSeconds(5);

	private final OutboxDispatcher dispatcher;

	private final SenderInstances senders;

	private final MailProperties properties;

	private final Object signal = new Object();

	private boolean woken;

	private volatile boolean running;

	private volatile Thread thread;

	OutboxSender(OutboxDispatcher dispatcher, SenderInstances senders, MailProperties properties) {
		this.dispatcher = dispatcher;
		this.senders = senders;
		this.properties = properties;
	}

	/** Sends what is due now rather than at the next interval. */
	void wake() {
		synchronized (this.signal) {
			this.woken = true;
			this.signal.notifyAll();
		}
	}

	@Override
	public void start() {
		if (!this.properties.senderEnabled()) {
			return;
		}
		this.senders.register();
		this.running = true;
		Thread sender = new Thread(this::run, "outbox-sender");
		// Daemon: a send still hanging after the stop's grace must not keep the JVM
		// alive.
		sender.setDaemon(true);
		this.thread = sender;
		sender.start();
	}

	@Override
	public void stop() {
		Thread sender = this.thread;
		if (sender == null) {
			return;
		}
		this.running = false;
		wake();
		try {
			sender.join(STOP_GRACE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.thread = null;
		if (sender.isAlive()) {
			logger.warn("Stopping while a message is being sent; the next start sends it again (same Message-ID)");
			return;
		}
		this.senders.deregister();
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private void run() {
		while (this.running) {
			try {
				this.senders.seen();
				this.senders.releaseAbandonedClaims();
				this.dispatcher.dispatchDue(() -> this.running);
			}
			catch (RuntimeException ex) {
				// The database may be briefly away; the next cycle tries again.
				logger.warn("Outbox cycle failed: {}", ex.toString());
			}
			awaitNextCycle();
		}
	}

	private void awaitNextCycle() {
		long deadline = System.nanoTime() + this.properties.dispatchInterval().toNanos();
		synchronized (this.signal) {
			try {
				long left;
				while (!this.woken && this.running && (left = deadline - System.nanoTime()) > 0) {
					TimeUnit.NANOSECONDS.timedWait(this.signal, left);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
			this.woken = false;
		}
	}

}
