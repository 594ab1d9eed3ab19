package org.harbinger.system;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares an edited file with what is in force on a local timer (a file on this machine,
 * so not Quartz): one daemon thread per file, a failed look logged and tried again at the
 * next poll. The watchers of hand-edited files share it.
 */
public final class FilePoller {

	private static final Logger logger = LoggerFactory.getLogger(FilePoller.class);

	private final ScheduledExecutorService timer;

	private FilePoller(ScheduledExecutorService timer) {
		this.timer = timer;
	}

	/**
	 * Runs {@code look} every {@code poll} on thread {@code thread}; a zero poll runs
	 * nothing.
	 */
	public static FilePoller start(String thread, String file, Duration poll, Runnable look) {
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread daemon = new Thread(task, thread);
			daemon.setDaemon(true);
			return daemon;
		});
		if (!poll.isZero()) {
			timer.scheduleWithFixedDelay(() -> {
				try {
					look.run();
				}
				catch (RuntimeException ex) {
					logger.warn("Cannot read {}: {}", file, ex.getMessage(), ex);
				}
			}, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
		}
		return new FilePoller(timer);
	}

	public void stop() {
		this.timer.shutdownNow();
	}

}
