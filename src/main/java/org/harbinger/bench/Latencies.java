package org.harbinger.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * How long calls to a service take: one endpoint called over and over after a warm-up, or
 * one long call while another thread keeps calling a page, to show whether the service
 * answers throughout.
 */
public final class Latencies {

	private Latencies() {
	}

	/**
	 * One endpoint's calls: how many, how many failed (not 2xx) and the first failure,
	 * the median, 95th percentile and slowest time in milliseconds, the size of the last
	 * answer.
	 */
	public record Timed(String name, int calls, int errors, String firstError, double p50, double p95, double max,
			int bytes) {
	}

	/**
	 * Calls {@code warmup} times unmeasured, then {@code calls} times, one after the
	 * other.
	 */
	public static Timed time(String name, Supplier<ServiceClient.Answer> call, int warmup, int calls) {
		for (int i = 0; i < warmup; i++) {
			call.get();
		}
		double[] millis = new double[calls];
		int errors = 0;
		String firstError = null;
		int bytes = 0;
		for (int i = 0; i < calls; i++) {
			ServiceClient.Answer answer = call.get();
			millis[i] = answer.millis();
			bytes = answer.body().length;
			if (!answer.ok()) {
				errors++;
				if (firstError == null) {
					firstError = "HTTP " + answer.status();
				}
			}
		}
		Arrays.sort(millis);
		return new Timed(name, calls, errors, firstError, percentile(millis, 50), percentile(millis, 95),
				millis[calls - 1], bytes);
	}

	/**
	 * The long call, and what a second thread saw of {@code probe} meanwhile: each call
	 * that began while the long one ran.
	 */
	public record During(ServiceClient.Answer answer, int probes, int probeErrors, double probeP50, double probeWorst) {
	}

	/**
	 * Runs {@code action} while another thread calls {@code probe} again and again, from
	 * just before the action starts until it ends.
	 */
	public static During during(Supplier<ServiceClient.Answer> action, Supplier<ServiceClient.Answer> probe) {
		AtomicBoolean running = new AtomicBoolean(true);
		List<ServiceClient.Answer> seen = new ArrayList<>();
		Thread prober = new Thread(() -> {
			while (running.get()) {
				ServiceClient.Answer answer = probe.get();
				synchronized (seen) {
					seen.add(answer);
				}
			}
		}, "bench-probe");
		prober.start();
		ServiceClient.Answer answer;
		try {
			answer = action.get();
		}
		finally {
			running.set(false);
			try {
				// The call under way when the action ended counts: it overlapped it.
				prober.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		double[] millis = seen.stream().mapToDouble(ServiceClient.Answer::millis).sorted().toArray();
		int errors = (int) seen.stream().filter((probed) -> !probed.ok()).count();
		return new During(answer, millis.length, errors, (millis.length > 0) ? percentile(millis, 50) : 0,
				(millis.length > 0) ? millis[millis.length - 1] : 0);
	}

	/** Nearest rank: the smallest value that at least {@code percent}% of them reach. */
	static double percentile(double[] sorted, double percent) {
		int rank = (int) Math.ceil(percent / 100 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

}
