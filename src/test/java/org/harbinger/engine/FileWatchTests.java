package org.harbinger.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An editor that saves in steps causes one reload, after the files have held still. */
class FileWatchTests {

	private final AtomicReference<String> files = new AtomicReference<>("v1");

	private final FileWatch watch = new FileWatch(this.files::get, Duration.ofMillis(1000));

	@Test
	void unchangedFilesNeverSettle() {
		assertThat(this.watch.settled(0)).isFalse();
		assertThat(this.watch.settled(5000)).isFalse();
	}

	@Test
	void aChangeSettlesOnceAfterTheQuietPeriod() {
		this.files.set("v2");

		assertThat(this.watch.settled(0)).as("just seen").isFalse();
		assertThat(this.watch.settled(500)).as("still within the quiet period").isFalse();
		assertThat(this.watch.settled(1000)).isTrue();
		assertThat(this.watch.settled(1500)).as("already handled").isFalse();
		assertThat(this.watch.settled(9000)).isFalse();
	}

	@Test
	void aSaveInStepsSettlesOnceOnTheLastStep() {
		this.files.set("half written");
		assertThat(this.watch.settled(0)).isFalse();
		this.files.set("nearly written");
		assertThat(this.watch.settled(600)).isFalse();
		this.files.set("v2");
		assertThat(this.watch.settled(1200)).isFalse();
		assertThat(this.watch.settled(1800)).as("v2 has held for only 600 ms").isFalse();

		assertThat(this.watch.settled(2200)).isTrue();
		assertThat(this.watch.settled(4000)).isFalse();
	}

	@Test
	void aChangeUndoneWithinTheQuietPeriodIsNoChange() {
		this.files.set("v2");
		assertThat(this.watch.settled(0)).isFalse();
		this.files.set("v1");
		assertThat(this.watch.settled(300)).isFalse();

		assertThat(this.watch.settled(2000)).isFalse();
	}

}
