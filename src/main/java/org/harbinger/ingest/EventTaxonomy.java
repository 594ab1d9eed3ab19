package org.harbinger.ingest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** ACLED's event types and their sub-event types, matched without regard to case. */
final class EventTaxonomy {

	private static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

	static {
		TYPES.put("Battles",
				List.of("Armed clash", "Government regains territory", "Non-state actor overtakes territory"));
		TYPES.put("Explosions/Remote violence", List.of("Chemical weapon", "Air/drone strike", "Suicide bomb",
				"Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"));
		TYPES.put("Violence against civilians", List.of("Sexual violence", "Attack", "Abduction/forced disappearance"));
		TYPES.put("Protests",
				List.of("Peaceful protest", "Protest with intervention", "Excessive force against protesters"));
		TYPES.put("Riots", List.of("Violent demonstration", "Mob violence"));
		TYPES.put("Strategic developments",
				List.of("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
						"Headquarters or base established", "Looting/property destruction",
						"Non-violent transfer of territory", "Other"));
	}

	/** Every type and "type/sub-event type", lower case, to its canonical spelling. */
	private static final Map<String, String> CANONICAL = new HashMap<>();

	static {
		TYPES.forEach((type, subTypes) -> {
			CANONICAL.put(key(type), type);
			subTypes.forEach((subType) -> CANONICAL.put(key(type) + "\n" + key(subType), subType));
		});
	}

	private EventTaxonomy() {
	}

	static Optional<String> eventType(String value) {
		// Most files spell types exactly as ACLED does: no need to fold case.
		return TYPES.containsKey(value) ? Optional.of(value) : Optional.ofNullable(CANONICAL.get(key(value)));
	}

	static Optional<String> subEventType(String eventType, String value) {
		List<String> subTypes = TYPES.get(eventType);
		if (subTypes != null && subTypes.contains(value)) {
			return Optional.of(value);
		}
		return Optional.ofNullable(CANONICAL.get(key(eventType) + "\n" + key(value)));
	}

	static List<String> subEventTypes(String eventType) {
		return TYPES.get(eventType);
	}

	static String eventTypes() {
		return String.join(", ", TYPES.keySet());
	}

	private static String key(String value) {
		return value.trim().toLowerCase(Locale.ROOT);
	}

}
