package org.harbinger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a benchmark's processor time and heap went: processor seconds per thread, the
 * busiest threads between two snapshots, a timeline of each second, and the heap's peak.
 */
final class ProcessorUse {

	private ProcessorUse() {
	}

	/**
	 * Until interrupted: each second, how many processors the JVM used and on which
	 * threads; then the same for the part second up to the interruption, the import's
	 * end.
	 */
	static void timeline(PrintStream out, long began) {
		Map<String, Double> before = threadSeconds();
		long cpuBefore = cpuNanos();
		long from = System.nanoTime();
		boolean ended = false;
		while (!ended) {
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				ended = true;
			}
			Map<String, Double> now = threadSeconds();
			long cpuNow = cpuNanos();
			long to = System.nanoTime();
			out.printf("  %5.1f s: %.2f processors: %s%n", (to - began) / 1e9,
					(cpuNow - cpuBefore) / (double) (to - from), busiest(before, now, 0.05));
			before = now;
			cpuBefore = cpuNow;
			from = to;
		}
	}

	/**
	 * Processor time of each thread, by name with the numbers taken out ("GC Thread#0"
	 * and "GC Thread#1" are "GC Thread"). On Linux from /proc, which also shows the
	 * collector's and the compilers' threads; elsewhere the Java threads alone.
	 */
	static Map<String, Double> threadSeconds() {
		Map<String, Double> seconds = new TreeMap<>();
		Path tasks = Path.of("/proc/self/task");
		if (Files.isDirectory(tasks)) {
			try (Stream<Path> threads = Files.list(tasks)) {
				threads.forEach((thread) -> {
					try {
						String stat = Files.readString(thread.resolve("stat"));
						String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						// utime and stime, fields 14 and 15 of stat, in clock ticks of
						// 1/100 s.
						double used = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
						seconds.merge(name.replaceAll("#?[0-9]+$", "").trim(), used, Double::sum);
					}
					catch (IOException | RuntimeException ex) {
						// A thread that ended meanwhile.
					}
				});
				return seconds;
			}
			catch (IOException ex) {
				seconds.clear();
			}
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null) {
				seconds.merge(info.getThreadName().replaceAll("#?[0-9]+$", "").trim(),
						threads.getThreadCpuTime(info.getThreadId()) / 1e9, Double::sum);
			}
		}
		return seconds;
	}

	/**
	 * The threads that used at least {@code least} seconds between the two snapshots,
	 * busiest first.
	 */
	static String busiest(Map<String, Double> before, Map<String, Double> after, double least) {
		return after.entrySet()
			.stream()
			.map((entry) -> Map.entry(entry.getKey(), entry.getValue() - before.getOrDefault(entry.getKey(), 0.0)))
			.filter((entry) -> entry.getValue() >= least)
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.map((entry) -> String.format("%s %.1f s", entry.getKey(), entry.getValue()))
			.collect(Collectors.joining(", "));
	}

	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * Samples the heap in use every 10 ms on a daemon thread: the peak a phase reached.
	 */
	static final class HeapSampler {

		private final AtomicLong peak = new AtomicLong();

		private volatile boolean running = true;

		private final Thread thread = new Thread(this::sample, "heap-sampler");

		static HeapSampler start() {
			System.gc();
			HeapSampler sampler = new HeapSampler();
			sampler.thread.setDaemon(true);
			sampler.thread.start();
			return sampler;
		}

		private void sample() {
			Runtime runtime = Runtime.getRuntime();
			while (this.running) {
				this.peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		long stop() {
			this.running = false;
			return this.peak.get();
		}

	}

}
