package org.harbinger.digest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.harbinger.system.ConfigAudit;

/**
 * What a change of subscriptions.yml changed, field by field, as the audit records it.
 */
final class SubscriptionDifferences {

	private SubscriptionDifferences() {
	}

	/**
	 * Each field of each subscription ({@code name.field}) whose written value differs.
	 */
	static List<ConfigAudit.Change> of(List<Map<String, Object>> before, List<Map<String, Object>> after) {
		Map<String, String> old = flatten(before);
		Map<String, String> now = flatten(after);
		TreeSet<String> keys = new TreeSet<>(old.keySet());
		keys.addAll(now.keySet());
		// Compared by value, recorded without it: the audit says a credential changed,
		// never what it is.
		Set<String> secret = new TreeSet<>(secretKeys(before));
		secret.addAll(secretKeys(after));
		return keys.stream()
			.filter((key) -> !Objects.equals(old.get(key), now.get(key)))
			.map((key) -> secret.contains(key) ? new ConfigAudit.Change(key, hidden(old.get(key)), hidden(now.get(key)))
					: new ConfigAudit.Change(key, old.get(key), now.get(key)))
			.toList();
	}

	private static Set<String> secretKeys(List<Map<String, Object>> items) {
		Set<String> keys = new TreeSet<>();
		items.forEach((item) -> item.keySet()
			.stream()
			.filter((field) -> Delivery.isSecret(item, field))
			.forEach((field) -> keys.add(item.get("name") + "." + field)));
		return keys;
	}

	private static String hidden(String value) {
		return (value != null) ? Delivery.HIDDEN : null;
	}

	private static Map<String, String> flatten(List<Map<String, Object>> items) {
		Map<String, String> flat = new LinkedHashMap<>();
		items.forEach((item) -> item.forEach((field, value) -> flat.put(item.get("name") + "." + field,
				String.valueOf(SubscriptionChanges.comparable(value)))));
		return flat;
	}

}
