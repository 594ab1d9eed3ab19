package org.harbinger.engine;

import org.springframework.modulith.NamedInterface;

/**
 * One alert key whose signal changed in an engine step: {@code before} or {@code after}
 * is null when absent. {@code retracted}: the signal ended in a step that deleted or
 * amended incidents it rested on, rather than by the window sliding past them.
 */
@NamedInterface("api")
public record SignalChange(AlertKey key, Signal before, Signal after, boolean retracted) {
}
