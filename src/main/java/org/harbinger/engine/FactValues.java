package org.harbinger.engine;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Interner;

/**
 * One instance of each value the facts repeat: a year of incidents names a few thousand
 * distinct countries, provinces, places, actors, dates and tag sets, and each parsed row
 * carries its own copies. Weak, so that a value no fact holds any more leaves, and shared
 * by every session (a reload builds its new session beside the old one).
 */
final class FactValues {

	private static final Interner<Object> VALUES = Interner.newWeakInterner();

	/**
	 * Sets by their elements in order: two sets equal as sets may iterate differently (a
	 * rule may read the first {@code lang=} tag), so each order keeps its own instance.
	 */
	private static final Cache<List<String>, Set<String>> SETS = Caffeine.newBuilder().weakValues().build();

	private FactValues() {
	}

	@SuppressWarnings("unchecked")
	static <T> T one(T value) {
		return (value != null) ? (T) VALUES.intern(value) : null;
	}

	/** An unmodifiable set with the same elements in the same order. */
	static Set<String> one(Set<String> set) {
		if (set == null || set.isEmpty()) {
			return Set.of();
		}
		List<String> elements = set.stream().map(FactValues::one).toList();
		return SETS.get(elements, (key) -> Collections.unmodifiableSet(new LinkedHashSet<>(key)));
	}

}
