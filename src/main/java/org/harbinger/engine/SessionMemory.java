package org.harbinger.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;

/**
 * What a session remembers that the database cannot give back: facts of DRL-declared
 * types marked {@code @keptOnReload}, such as threat-level's record of the indicators that
 * had an alert open on a past day. A new rule base gets copies of them, as instances of its
 * own declared types (each build has its own classes); a type the new rules no longer
 * declare, or declare with other fields, starts empty.
 */
final class SessionMemory {

	static final String MARK = "keptOnReload";

	private SessionMemory() {
	}

	/** The marked facts in a session of {@code rules}. */
	static List<Object> of(KieSession session, KieBase rules) {
		Map<String, FactType> kept = new HashMap<>(declared(rules));
		kept.values().removeIf((type) -> type.getMetaData() == null || !type.getMetaData().containsKey(MARK));
		return kept.isEmpty() ? List.of() : List.copyOf(session.getObjects((fact) -> kept.containsKey(fact.getClass().getName())));
	}

	/** Copies of {@code facts} (declared in {@code from}) as facts of the same types declared in {@code to}. */
	static List<Object> copy(List<Object> facts, KieBase from, KieBase to) {
		List<Object> copies = new ArrayList<>();
		Map<String, FactType> sources = declared(from);
		Map<String, FactType> targets = declared(to);
		for (Object fact : facts) {
			FactType source = sources.get(fact.getClass().getName());
			FactType target = targets.get(fact.getClass().getName());
			if (source == null || target == null || !fields(source).equals(fields(target))) {
				continue;
			}
			try {
				Object copy = target.newInstance();
				source.getFields().forEach((field) -> target.set(copy, field.getName(), source.get(fact, field.getName())));
				copies.add(copy);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot copy " + fact + " into the new rules", ex);
			}
		}
		return copies;
	}

	/** The types the DRL declares, by class name (KieBase.getFactType refuses plain Java classes). */
	private static Map<String, FactType> declared(KieBase rules) {
		Map<String, FactType> types = new HashMap<>();
		for (KiePackage rulePackage : rules.getKiePackages()) {
			rulePackage.getFactTypes().forEach((type) -> types.put(type.getName(), type));
		}
		return types;
	}

	private static Map<String, String> fields(FactType type) {
		Map<String, String> fields = new TreeMap<>();
		for (FactField field : type.getFields()) {
			fields.put(field.getName(), Objects.toString(field.getType().getName()));
		}
		return fields;
	}

}
