package org.harbinger.engine;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.modulith.NamedInterface;

/**
 * What each indicator's rules read of the others, read from the rule files themselves so
 * that a new rule cannot be forgotten in a hand-written list. Two ways lead from one
 * indicator to another:
 * <ul>
 * <li>its hits: a file that matches {@code IndicatorHit( ... )} reads the hits of every
 * other indicator except those a pattern leaves out by name
 * ({@code indicator not in ( "a", "b" )}); threat-level reads all but crackdown-surge;
 * <li>a fact addressed to it: {@code new RatioFactor( "attack-surge", ... )} in
 * campaign-declared's file changes attack-surge's bar. By convention a fact's first
 * argument names the indicator it belongs to.
 * </ul>
 * And a file reads a threshold key when it names it ({@code key == "a.b"}).
 */
@NamedInterface("replay")
public final class RuleDependencies {

	/** String literals kept whole, so a comment marker inside one is not a comment. */
	private static final Pattern COMMENT_OR_STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|//[^\\n]*|/\\*.*?\\*/",
			Pattern.DOTALL);

	/** A pattern on hits, not a hit made: no {@code new} before it. */
	private static final Pattern HIT_PATTERN = Pattern.compile("(?<!new\\s)\\bIndicatorHit\\s*\\(([^)]*)\\)");

	private static final Pattern NOT_IN = Pattern.compile("indicator\\s+not\\s+in\\s*\\(([^)]*)");

	private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

	private static final Pattern ADDRESSED = Pattern.compile("\\bnew\\s+\\w+\\s*\\(\\s*\"([^\"]+)\"");

	/** Per indicator, the rule text without comments. */
	private final Map<String, String> texts;

	/** Per indicator, the indicators whose hits or addressed facts it reads. */
	private final Map<String, Set<String>> hitsRead = new LinkedHashMap<>();

	private final Map<String, Set<String>> factsRead = new LinkedHashMap<>();

	private RuleDependencies(Map<String, String> texts) {
		this.texts = texts;
		texts.keySet().forEach((id) -> {
			this.hitsRead.put(id, new TreeSet<>());
			this.factsRead.put(id, new TreeSet<>());
		});
		texts.forEach((id, text) -> {
			hitsReadBy(id, text);
			Matcher addressed = ADDRESSED.matcher(text);
			while (addressed.find()) {
				String other = addressed.group(1);
				if (!other.equals(id) && texts.containsKey(other)) {
					this.factsRead.get(other).add(id);
				}
			}
		});
	}

	/** The dependencies among these rule texts, by indicator id. */
	static RuleDependencies of(Map<String, String> texts) {
		Map<String, String> stripped = new LinkedHashMap<>();
		texts.forEach((id, text) -> stripped.put(id, COMMENT_OR_STRING.matcher(text)
			.replaceAll((match) -> match.group().startsWith("\"") ? Matcher.quoteReplacement(match.group()) : " ")));
		return new RuleDependencies(stripped);
	}

	private void hitsReadBy(String id, String text) {
		Matcher pattern = HIT_PATTERN.matcher(text);
		while (pattern.find()) {
			Set<String> excluded = new HashSet<>();
			Matcher notIn = NOT_IN.matcher(pattern.group(1));
			if (notIn.find()) {
				Matcher literal = LITERAL.matcher(notIn.group(1));
				while (literal.find()) {
					excluded.add(literal.group(1));
				}
			}
			// A pattern that names its indicator by a variable may match any of them.
			this.texts.keySet()
				.stream()
				.filter((other) -> !other.equals(id) && !excluded.contains(other))
				.forEach(this.hitsRead.get(id)::add);
		}
	}

	/** The indicators whose rules name one of these threshold keys. */
	public Set<String> reading(Collection<String> keys) {
		Set<String> readers = new TreeSet<>();
		this.texts.forEach((id, text) -> {
			if (keys.stream().anyMatch((key) -> text.contains("\"" + key + "\""))) {
				readers.add(id);
			}
		});
		return readers;
	}

	/**
	 * These indicators and every indicator that reads their hits or facts, directly or
	 * through others: all whose alerts a change to these can alter.
	 */
	public Set<String> affectedBy(Set<String> changed) {
		return closure(changed, (id) -> {
			Set<String> readers = new TreeSet<>();
			this.texts.keySet().forEach((other) -> {
				if (this.hitsRead.get(other).contains(id) || this.factsRead.get(other).contains(id)) {
					readers.add(other);
				}
			});
			return readers;
		});
	}

	/**
	 * These indicators and those whose addressed facts they read, directly or through
	 * others: what must run beside them. Hits they read need not run: a replay can state
	 * them.
	 */
	public Set<String> runWith(Set<String> indicators) {
		return closure(indicators, (id) -> this.factsRead.getOrDefault(id, Set.of()));
	}

	/** The indicators, outside {@code running}, whose hits these read. */
	public Set<String> hitsReadBy(Set<String> running) {
		Set<String> read = new TreeSet<>();
		running.forEach((id) -> read.addAll(this.hitsRead.getOrDefault(id, Set.of())));
		read.removeAll(running);
		return read;
	}

	private static Set<String> closure(Set<String> start, Function<String, Set<String>> next) {
		Set<String> reached = new LinkedHashSet<>(start);
		Deque<String> queue = new ArrayDeque<>(start);
		while (!queue.isEmpty()) {
			for (String other : next.apply(queue.pop())) {
				if (reached.add(other)) {
					queue.add(other);
				}
			}
		}
		return new TreeSet<>(reached);
	}

}
