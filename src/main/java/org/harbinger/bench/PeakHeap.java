package org.harbinger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The most heap the JVM has held so far, for the figures commands report. */
public final class PeakHeap {

	private PeakHeap() {
	}

	public static long megabytes() {
		long bytes = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				bytes += pool.getPeakUsage().getUsed();
			}
		}
		return bytes / (1024 * 1024);
	}

}
