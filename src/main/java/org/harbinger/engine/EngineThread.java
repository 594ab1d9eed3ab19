package org.harbinger.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread a session lives on (a KieSession is not thread-safe): work is queued,
 * timed and logged when it fails; every other thread may wait on the returned future.
 */
final class EngineThread {

	// Under the engine's name, where its failures were always logged.
	private static final Logger logger = LoggerFactory.getLogger(Engine.class);

	private final ExecutorService thread = Executors.newSingleThreadExecutor((task) -> {
		Thread engineThread = new Thread(task, "harbinger-engine");
		engineThread.setDaemon(true);
		return engineThread;
	});

	/**
	 * Told each step's duration in nanoseconds (the service's timer; nothing in a
	 * backtest).
	 */
	private final LongConsumer stepTime;

	EngineThread(LongConsumer stepTime) {
		this.stepTime = stepTime;
	}

	CompletableFuture<Void> submit(Runnable work) {
		return CompletableFuture.runAsync(() -> {
			long started = System.nanoTime();
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				logger.error("Engine step failed", ex);
				throw ex;
			}
			finally {
				this.stepTime.accept(System.nanoTime() - started);
			}
		}, this.thread);
	}

	/**
	 * Runs {@code last} after what is queued, then stops the thread (waiting up to ten
	 * seconds).
	 */
	void close(Runnable last) {
		this.thread.submit(last);
		this.thread.shutdown();
		try {
			this.thread.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
