package org.harbinger.engine;

/**
 * A scope whose windows the engine sums for a counter. Every scope with a counted
 * incident in a window ending today is one; a rule may insert one itself for a scope it
 * must judge even when nothing was counted there (a count of zero can hold a condition).
 */
public record WindowScope(String counter, String scope) {

	public String getCounter() {
		return this.counter;
	}

	public String getScope() {
		return this.scope;
	}

}
