package org.harbinger.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the engine keeps what its session remembers ({@link SessionMemory}): the database
 * in the service, so that a restarted engine, or the engine of another node, starts from
 * it.
 */
interface MemoryStore {

	List<SessionMemory.Fact> load();

	/** Replaces what was kept with {@code facts}. */
	void save(List<SessionMemory.Fact> facts);

	/**
	 * A store in memory: a backtest's, or a test's that restarts an engine in one
	 * process.
	 */
	static MemoryStore inMemory() {
		AtomicReference<List<SessionMemory.Fact>> kept = new AtomicReference<>(List.of());
		return new MemoryStore() {
			@Override
			public List<SessionMemory.Fact> load() {
				return kept.get();
			}

			@Override
			public void save(List<SessionMemory.Fact> facts) {
				kept.set(List.copyOf(facts));
			}
		};
	}

}
