package org.harbinger.alert;

import java.util.Optional;

import org.harbinger.engine.SignalChange;

/** The lifecycle steps of an alert (docs/architecture.md, decision 5). */
public enum TransitionKind {

	/**
	 * RETRACTED: resolved because incidents it rested on were deleted or amended
	 * upstream.
	 */
	FIRED, ESCALATED, DEESCALATED, RESOLVED, RETRACTED;

	/**
	 * The step a signal change makes, or empty when only the evidence or numbers moved: a
	 * rule re-firing on a growing count updates the alert, it does not fire it again.
	 */
	public static Optional<TransitionKind> of(SignalChange change) {
		if (change.before() == null) {
			return Optional.of(FIRED);
		}
		if (change.after() == null) {
			return Optional.of(change.retracted() ? RETRACTED : RESOLVED);
		}
		int rise = change.after().severity().compareTo(change.before().severity());
		if (rise > 0) {
			return Optional.of(ESCALATED);
		}
		return (rise < 0) ? Optional.of(DEESCALATED) : Optional.empty();
	}

}
