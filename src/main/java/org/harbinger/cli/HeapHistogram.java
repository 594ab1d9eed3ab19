package org.harbinger.cli;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JVM's class histogram of live objects (what {@code jcmd <pid> GC.class_histogram}
 * prints, taken in-process after a full collection), so that {@code bench memory} can say
 * which classes the session's heap is made of.
 */
record HeapHistogram(Map<String, Usage> byClass) {

	/** A line of the histogram: {@code num: #instances #bytes class-name (module)}. */
	private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

	record Usage(long instances, long bytes) {
	}

	/** A class's growth between two histograms. */
	record Growth(String className, long instances, long bytes) {
	}

	static HeapHistogram take() {
		String text;
		try {
			text = (String) ManagementFactory.getPlatformMBeanServer()
				.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
						new Object[] { new String[0] }, new String[] { String[].class.getName() });
		}
		catch (JMException ex) {
			throw new IllegalStateException("No class histogram from this JVM", ex);
		}
		Map<String, Usage> byClass = new HashMap<>();
		for (String line : text.split("\n")) {
			Matcher matcher = LINE.matcher(line);
			if (matcher.find()) {
				byClass.merge(matcher.group(3),
						new Usage(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))),
						(a, b) -> new Usage(a.instances() + b.instances(), a.bytes() + b.bytes()));
			}
		}
		return new HeapHistogram(byClass);
	}

	/** The {@code limit} classes that grew most in bytes since {@code before}. */
	List<Growth> largestGrowthSince(HeapHistogram before, int limit) {
		return this.byClass.entrySet().stream().map((entry) -> {
			Usage was = before.byClass.getOrDefault(entry.getKey(), new Usage(0, 0));
			return new Growth(entry.getKey(), entry.getValue().instances() - was.instances(),
					entry.getValue().bytes() - was.bytes());
		}).sorted(Comparator.comparingLong(Growth::bytes).reversed()).limit(limit).toList();
	}

}
