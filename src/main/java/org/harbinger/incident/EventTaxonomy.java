package org.harbinger.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** ACLED's event types and their sub-event types, matched without regard to case. */
final class EventTaxonomy {

	private static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

	static {
		TYPES.put("Battles", List.of("Armed clash", "Government regains territory",
				"Non-state actor overtakes territory"));
		TYPES.put("Explosions/Remote violence", List.of("Chemical weapon", "Air/drone strike", "Suicide bomb",
				"Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"));
		TYPES.put("Violence against civilians", List.of("Sexual violence", "Attack",
				"Abduction/forced disappearance"));
		TYPES.put("Protests", List.of("Peaceful protest", "Protest with intervention",
				"Excessive force against protesters"));
		TYPES.put("Riots", List.of("Violent demonstration", "Mob violence"));
		TYPES.put("Strategic developments", List.of("Agreement", "Arrests", "Change to group/activity",
				"Disrupted weapons use", "Headquarters or base established", "Looting/property destruction",
				"Non-violent transfer of territory", "Other"));
	}

	private EventTaxonomy() {
	}

	static Optional<String> eventType(String value) {
		return TYPES.keySet().stream().filter((type) -> same(type, value)).findFirst();
	}

	static Optional<String> subEventType(String eventType, String value) {
		return TYPES.get(eventType).stream().filter((type) -> same(type, value)).findFirst();
	}

	static List<String> subEventTypes(String eventType) {
		return TYPES.get(eventType);
	}

	static String eventTypes() {
		return String.join(", ", TYPES.keySet());
	}

	private static boolean same(String canonical, String value) {
		return canonical.toLowerCase(Locale.ROOT).equals(value.trim().toLowerCase(Locale.ROOT));
	}

}
