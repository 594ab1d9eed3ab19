package org.harbinger.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.FactHandle;

/**
 * What a session remembers that the incidents cannot give back: facts of DRL-declared
 * types marked {@code @keptOnReload}, such as threat-level's record of the indicators
 * that had an alert open on a past day. The engine keeps them in a {@link MemoryStore}
 * (the database in the service), so a restart, a rebuild, a rule reload and another node
 * all start from the same memory (docs/architecture.md, "The first principle: one
 * truth").
 *
 * <p>
 * Facts are kept as field values by name, so they pass between rule bases (each build
 * declares its own classes); a type the new rules no longer declare, or declare with
 * other fields, starts empty.
 */
final class SessionMemory implements RuleRuntimeEventListener {

	static final String MARK = "keptOnReload";

	/**
	 * One remembered fact: its declared type and its field values as text, by field name.
	 */
	record Fact(String type, Map<String, Field> fields) {
	}

	/** A field's declared Java type and its value as text. */
	record Field(String type, String value) {
	}

	private final Set<String> keptTypes;

	private final Map<FactHandle, Object> kept = new LinkedHashMap<>();

	private boolean changed;

	private SessionMemory(Set<String> keptTypes) {
		this.keptTypes = keptTypes;
	}

	/** Follows the kept facts of sessions of {@code rules}. */
	static SessionMemory following(KieBase rules) {
		return new SessionMemory(declared(rules).values()
			.stream()
			.filter((type) -> type.getMetaData() != null && type.getMetaData().containsKey(MARK))
			.map(FactType::getName)
			.collect(Collectors.toUnmodifiableSet()));
	}

	@Override
	public void objectInserted(ObjectInsertedEvent event) {
		if (isKept(event.getObject())) {
			this.kept.put(event.getFactHandle(), event.getObject());
			this.changed = true;
		}
	}

	@Override
	public void objectUpdated(ObjectUpdatedEvent event) {
		if (isKept(event.getObject())) {
			this.kept.put(event.getFactHandle(), event.getObject());
			this.changed = true;
		}
	}

	@Override
	public void objectDeleted(ObjectDeletedEvent event) {
		if (this.kept.remove(event.getFactHandle()) != null) {
			this.changed = true;
		}
	}

	/** Whether a kept fact came, went or changed since the last call. */
	boolean takeChanged() {
		boolean was = this.changed;
		this.changed = false;
		return was;
	}

	/** The kept facts now, as values that any rule base can read back. */
	List<Fact> export(KieBase rules) {
		Map<String, FactType> types = declared(rules);
		List<Fact> facts = new ArrayList<>(this.kept.size());
		Map<Object, Boolean> seen = new IdentityHashMap<>();
		for (Object fact : this.kept.values()) {
			if (seen.put(fact, Boolean.TRUE) != null) {
				continue;
			}
			FactType type = types.get(fact.getClass().getName());
			Map<String, Field> fields = new LinkedHashMap<>();
			for (FactField field : type.getFields()) {
				Object value = type.get(fact, field.getName());
				fields.put(field.getName(),
						new Field(field.getType().getName(), (value == null) ? null : String.valueOf(value)));
			}
			facts.add(new Fact(type.getName(), fields));
		}
		return facts;
	}

	/**
	 * {@code facts} as instances of the types {@code rules} declare; types it does not
	 * declare alike are left out.
	 */
	static List<Object> restore(List<Fact> facts, KieBase rules) {
		Map<String, FactType> types = declared(rules);
		List<Object> restored = new ArrayList<>(facts.size());
		for (Fact fact : facts) {
			FactType type = types.get(fact.type());
			if (type == null || !fieldTypes(type).equals(fieldTypesOf(fact))) {
				continue;
			}
			try {
				Object instance = type.newInstance();
				fact.fields().forEach((name, field) -> type.set(instance, name, parse(field)));
				restored.add(instance);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot restore " + fact + " into the rules", ex);
			}
		}
		return restored;
	}

	private boolean isKept(Object fact) {
		return fact != null && this.keptTypes.contains(fact.getClass().getName());
	}

	private static Object parse(Field field) {
		if (field.value() == null) {
			return null;
		}
		return switch (field.type()) {
			case "java.lang.String" -> field.value();
			case "long", "java.lang.Long" -> Long.valueOf(field.value());
			case "int", "java.lang.Integer" -> Integer.valueOf(field.value());
			case "double", "java.lang.Double" -> Double.valueOf(field.value());
			case "boolean", "java.lang.Boolean" -> Boolean.valueOf(field.value());
			default -> throw new IllegalStateException("A @" + MARK
					+ " fact may hold text, numbers and booleans; field of type " + field.type() + " cannot be kept");
		};
	}

	/**
	 * The types the DRL declares, by class name (KieBase.getFactType refuses plain Java
	 * classes).
	 */
	private static Map<String, FactType> declared(KieBase rules) {
		Map<String, FactType> types = new HashMap<>();
		for (KiePackage rulePackage : rules.getKiePackages()) {
			rulePackage.getFactTypes().forEach((type) -> types.put(type.getName(), type));
		}
		return types;
	}

	private static Map<String, String> fieldTypes(FactType type) {
		Map<String, String> fields = new HashMap<>();
		for (FactField field : type.getFields()) {
			fields.put(field.getName(), field.getType().getName());
		}
		return fields;
	}

	private static Map<String, String> fieldTypesOf(Fact fact) {
		Map<String, String> fields = new HashMap<>();
		fact.fields().forEach((name, field) -> fields.put(name, field.type()));
		return fields;
	}

}
