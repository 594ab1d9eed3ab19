package org.harbinger.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.NamedInterface;

/**
 * Where the engine's findings go: the alert store in the service, a report in a backtest.
 * The engine diffs against {@link #openSignals()} when a session is (re)built, so alerts
 * that were already open do not fire again.
 */
@NamedInterface("api")
public interface SignalSink {

	Map<AlertKey, Signal> openSignals();

	void apply(LocalDate today, List<SignalChange> changes);

}
