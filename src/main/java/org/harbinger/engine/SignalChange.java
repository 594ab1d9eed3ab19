package org.harbinger.engine;

/** One alert key whose signal changed in an engine step: {@code before} or {@code after} is null when absent. */
public record SignalChange(AlertKey key, Signal before, Signal after) {
}
