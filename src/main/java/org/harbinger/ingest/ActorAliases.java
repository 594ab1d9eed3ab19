package org.harbinger.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.YamlFiles;

/**
 * Maps the many spellings of a group (ISK, IS-K, Daesh, "Islamic State (Afghanistan)") to
 * canonical groups, and community names and tags to canonical target groups. Matching
 * ignores case and punctuation. An alias ending in {@code *} matches by prefix.
 */
public final class ActorAliases {

	private static final Pattern TRAILING_PARENS = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)\\s*$");

	private static final Pattern YEARS = Pattern.compile("[0-9\\-\\s]+");

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

	/**
	 * Feeds repeat a few hundred actor names over millions of rows: each is matched once,
	 * up to this many.
	 */
	private static final int REMEMBERED = 20_000;

	private static final Map<String, Optional<String>> HOME_COUNTRIES = new ConcurrentHashMap<>();

	private final Map<String, Optional<String>> knownGroups = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> knownTargets = new ConcurrentHashMap<>();

	private final Map<String, String> groups = new HashMap<>();

	private final List<Map.Entry<String, String>> groupPrefixes = new ArrayList<>();

	private final Map<String, String> targets = new HashMap<>();

	private final Map<String, String> targetTags;

	ActorAliases(Map<String, List<String>> groupAliases, Map<String, List<String>> targetAliases,
			Map<String, String> targetTags) {
		groupAliases.forEach((group, aliases) -> aliases.forEach((alias) -> {
			if (alias.endsWith("*")) {
				this.groupPrefixes.add(Map.entry(normalise(alias.substring(0, alias.length() - 1)), group));
			}
			else {
				this.groups.put(normalise(alias), group);
			}
		}));
		targetAliases
			.forEach((target, aliases) -> aliases.forEach((alias) -> this.targets.put(normalise(alias), target)));
		this.targetTags = Map.copyOf(targetTags);
	}

	/**
	 * The canonical group of an actor, or empty when it is blank or not known: an unknown
	 * name is kept verbatim on the incident and counted when stored
	 * (incident.UnknownActors).
	 */
	public Optional<String> group(String actor) {
		if (actor == null || actor.isBlank()) {
			return Optional.empty();
		}
		return remembered(this.knownGroups, actor, this::lookup);
	}

	private Optional<String> lookup(String actor) {
		String name = normalise(actor);
		String exact = this.groups.get(name);
		if (exact != null) {
			return Optional.of(exact);
		}
		Matcher parens = TRAILING_PARENS.matcher(actor);
		if (parens.matches()) {
			String bare = this.groups.get(normalise(parens.group(1)));
			if (bare != null) {
				return Optional.of(bare);
			}
		}
		return this.groupPrefixes.stream()
			.filter((prefix) -> name.startsWith(prefix.getKey()))
			.map(Map.Entry::getValue)
			.findFirst();
	}

	/**
	 * The canonical groups among associated actors ({@code ;}-separated, as ACLED lists
	 * them): who acted alongside actor1. Names no alias matches are left out; they are
	 * not groups.
	 */
	public Set<String> groups(String assocActors) {
		Set<String> found = new LinkedHashSet<>();
		if (assocActors != null) {
			for (String actor : assocActors.split(";")) {
				group(actor.trim()).ifPresent(found::add);
			}
		}
		return found;
	}

	/**
	 * Target groups named in ACLED's associated actors ({@code ;}-separated) and in tags.
	 */
	public Set<String> targets(String assocActors, Set<String> tags) {
		Set<String> found = new LinkedHashSet<>();
		if (assocActors != null) {
			found.addAll(remembered(this.knownTargets, assocActors, this::communities));
		}
		for (String tag : tags) {
			String key = tag.contains("=") ? tag.substring(0, tag.indexOf('=') + 1) : tag;
			String target = this.targetTags.get(key);
			if (target != null) {
				found.add(target);
			}
		}
		return found;
	}

	private Set<String> communities(String assocActors) {
		Set<String> found = new LinkedHashSet<>();
		for (String actor : assocActors.split(";")) {
			Matcher parens = TRAILING_PARENS.matcher(actor);
			String bare = parens.matches() ? parens.group(1) : actor;
			String target = this.targets.get(normalise(bare));
			if (target != null) {
				found.add(target);
			}
		}
		return Collections.unmodifiableSet(found);
	}

	private static <T> T remembered(Map<String, T> memory, String key, Function<String, T> lookup) {
		T value = memory.get(key);
		if (value == null) {
			if (memory.size() >= REMEMBERED) {
				memory.clear();
			}
			value = lookup.apply(key);
			memory.put(key, value);
		}
		return value;
	}

	/**
	 * The home country in an ACLED actor name, e.g. "Afghanistan" in "Islamic State
	 * (Afghanistan)"; not the years in "Military Forces of Pakistan (2018-)".
	 */
	public static Optional<String> homeCountry(String actor) {
		if (actor == null) {
			return Optional.empty();
		}
		return remembered(HOME_COUNTRIES, actor, ActorAliases::parseHomeCountry);
	}

	private static Optional<String> parseHomeCountry(String actor) {
		Matcher parens = TRAILING_PARENS.matcher(actor.trim());
		if (!parens.matches() || YEARS.matcher(parens.group(2)).matches()) {
			return Optional.empty();
		}
		return Optional.of(parens.group(2).trim());
	}

	static String normalise(String text) {
		return NOT_ALPHANUMERIC.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
	}

	/**
	 * Reads {@code config/actors.yml}: groups and targets with their aliases, and tags
	 * that name a target group.
	 */
	public static ActorAliases load(EditableFiles.Text file) {
		Map<String, Object> yaml = YamlFiles.load(file);
		return new ActorAliases(aliasLists(file, yaml, "groups"), aliasLists(file, yaml, "targets"),
				stringMap(file, yaml, "target-tags"));
	}

	private static Map<String, List<String>> aliasLists(EditableFiles.Text file, Map<String, Object> yaml, String key) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		if (!(yaml.getOrDefault(key, Map.of()) instanceof Map<?, ?> section)) {
			throw new ConfigFileException(file.location(), List.of(key + ": expected a map of name to aliases"));
		}
		section.forEach((name, aliases) -> {
			if (!(aliases instanceof List<?> list)) {
				throw new ConfigFileException(file.location(),
						List.of(key + "." + name + ": expected a list of aliases"));
			}
			result.put(String.valueOf(name), list.stream().map(String::valueOf).toList());
		});
		return result;
	}

	private static Map<String, String> stringMap(EditableFiles.Text file, Map<String, Object> yaml, String key) {
		if (!(yaml.getOrDefault(key, Map.of()) instanceof Map<?, ?> section)) {
			throw new ConfigFileException(file.location(), List.of(key + ": expected a map of tag to target group"));
		}
		Map<String, String> result = new LinkedHashMap<>();
		section.forEach((tag, target) -> result.put(String.valueOf(tag), String.valueOf(target)));
		return result;
	}

}
