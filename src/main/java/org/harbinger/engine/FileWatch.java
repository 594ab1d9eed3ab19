package org.harbinger.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Tells when watched files have changed and then settled: a fingerprint (a hash of their
 * content, so neither coarse modification times nor same-size edits fool it) is taken on
 * each poll, and a change counts once the fingerprint has held for the quiet period.
 */
final class FileWatch {

	private final Supplier<String> fingerprint;

	private final long quietMillis;

	private String seen;

	private String handled;

	private long changedAt;

	FileWatch(Supplier<String> fingerprint, Duration quietPeriod) {
		this.fingerprint = fingerprint;
		this.quietMillis = quietPeriod.toMillis();
		this.seen = fingerprint.get();
		this.handled = this.seen;
	}

	/**
	 * True once per settled change: the files differ from the last settled state and held
	 * still long enough.
	 */
	boolean settled(long nowMillis) {
		String current = this.fingerprint.get();
		if (!Objects.equals(current, this.seen)) {
			this.seen = current;
			this.changedAt = nowMillis;
			return false;
		}
		if (Objects.equals(this.seen, this.handled) || nowMillis - this.changedAt < this.quietMillis) {
			return false;
		}
		this.handled = this.seen;
		return true;
	}

}
