package org.harbinger.digest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.harbinger.system.ConfigAudit;
import org.harbinger.system.ConfigChangeRefused;
import org.harbinger.system.ConfigChangeRefused.Problem;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.HarbingerProperties;
import org.harbinger.system.SharedConfig;
import org.harbinger.system.SharedFile;
import org.harbinger.system.YamlEdit;
import org.harbinger.system.YamlValues;
import org.harbinger.system.YamlFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Subscription changes on a live system, as for thresholds: the item is edited in
 * config/subscriptions.yml (comments kept), the whole file is checked as at start-up,
 * written atomically with its audit record, and put in force: the subscriptions Digests
 * reads are replaced and the Quartz jobs rescheduled. A new subscription hears what
 * changes after it is added. Fields are passed through by name, so fields this class does
 * not know are written and checked by {@link SubscriptionsFile} like the others.
 */
@Service
class SubscriptionChanges implements SharedFile {

	static final String FILE = "subscriptions.yml";

	static final String AUDIT_FILE = "subscriptions";

	private static final List<String> ORDER = List.of("name", "channel", "url", "secret", "recipients", "cron",
			"time-zone", "min-severity", "indicators", "scopes");

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionChanges.class);

	private static final Pattern FIELD_PROBLEM = Pattern.compile("subscription '(.*?)' (\\S+): (.*)", Pattern.DOTALL);

	private final Path dir;

	private final Subscriptions subscriptions;

	private final DigestSchedules schedules;

	private final DigestCursors cursors;

	private final ConfigAudit audit;

	private final TransactionTemplate transactions;

	private final SharedConfig shared;

	/**
	 * The text of the file now in force: what a reload compares the file on disk with.
	 */
	private String inForce;

	/** The last text edited by hand that was refused, so that it is reported once. */
	private String refused;

	SubscriptionChanges(HarbingerProperties properties, Subscriptions subscriptions, DigestSchedules schedules,
			DigestCursors cursors, ConfigAudit audit, TransactionTemplate transactions, SharedConfig shared) {
		this.dir = properties.configDir();
		this.subscriptions = subscriptions;
		this.schedules = schedules;
		this.cursors = cursors;
		this.audit = audit;
		this.transactions = transactions;
		this.shared = shared;
		this.inForce = file().content();
	}

	/** No subscription of that name. */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class UnknownSubscription extends RuntimeException {

		UnknownSubscription(String name) {
			super("no subscription named '" + name + "'");
		}

	}

	/**
	 * What a change did: the audit record's id (null when nothing changed) and each field
	 * old to new.
	 */
	record Applied(Long auditId, List<ConfigAudit.Change> changes) {
	}

	EditableFiles.Text file() {
		return EditableFiles.read(this.dir, "config", FILE);
	}

	/** Each subscription's fields as written in the file now in force. */
	synchronized List<Map<String, Object>> written() {
		return items(this.inForce);
	}

	synchronized Applied add(Map<String, ?> fields, String reason, String who) {
		Map<String, Object> item = fields(fields, null);
		return change(reason, who, (text, items) -> {
			if (item.get("name") instanceof String name && indexOf(items, name) >= 0) {
				throw new ConfigChangeRefused(List.of(new Problem("name",
						"a subscription named '" + name + "' exists; change it with PUT /api/subscriptions/" + name,
						null)), true);
			}
			return new YamlEdit(text).append(List.of("subscriptions"), item).text();
		});
	}

	/**
	 * Replaces the subscription's fields with these (a field left out is removed); a new
	 * name renames it.
	 */
	synchronized Applied replace(String name, Map<String, ?> fields, String reason, String who) {
		Map<String, Object> item = fields(fields, name);
		return change(reason, who, (text, items) -> {
			int index = existing(items, name);
			Map<String, Object> old = items.get(index);
			YamlEdit edit = new YamlEdit(text);
			// A credential sent back as the API showed it, "(hidden)", stays as it is.
			item.replaceAll((field, value) -> Delivery.HIDDEN.equals(value) && Delivery.isSecret(old, field)
					? old.get(field) : value);
			item.forEach((field, value) -> {
				if (!Objects.equals(comparable(old.get(field)), comparable(value))) {
					edit.set(List.of("subscriptions", index, field), value);
				}
			});
			old.keySet()
				.stream()
				.filter((field) -> !item.containsKey(field))
				.forEach((field) -> edit.remove(List.of("subscriptions", index, field)));
			return edit.text();
		});
	}

	synchronized Applied remove(String name, String reason, String who) {
		return change(reason, who,
				(text, items) -> new YamlEdit(text).remove(List.of("subscriptions", existing(items, name))).text());
	}

	/** Puts the file as it is on disk in force, after a change made by hand. */
	synchronized Applied reload(String reason, String who) {
		return change(reason, who, (text, items) -> text);
	}

	/**
	 * Reloads a file edited by hand; a refused one is logged once and the subscriptions
	 * in force stay.
	 */
	synchronized void reloadIfEdited() {
		String text = file().content();
		if (text.equals(this.inForce) || text.equals(this.refused)) {
			return;
		}
		try {
			Applied applied = reload("edited on disk", "(file)");
			logger.info("{} edited on disk: {} values changed, now in force", FILE, applied.changes().size());
			this.refused = null;
		}
		catch (ConfigChangeRefused ex) {
			this.refused = text;
			logger.warn("{} edited on disk is refused, the subscriptions in force stay: {}", FILE, ex.problems());
		}
	}

	private Applied change(String reason, String who, BiFunction<String, List<Map<String, Object>>, String> edit) {
		List<Problem> problems = new ArrayList<>();
		if (reason == null || reason.isBlank()) {
			problems.add(new Problem("reason", "a reason is required", null));
		}
		EditableFiles.Text before = file();
		String after = null;
		List<Subscription> next = null;
		try {
			after = edit.apply(before.content(), items(before.content()));
			next = SubscriptionsFile.read(new EditableFiles.Text(before.location(), after));
		}
		catch (ConfigChangeRefused ex) {
			if (ex.conflict()) {
				throw ex;
			}
			problems.addAll(ex.problems());
		}
		catch (ConfigFileException ex) {
			ex.problems().stream().map(SubscriptionChanges::problem).forEach(problems::add);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem("subscriptions", ex.getMessage(), null));
		}
		if (!problems.isEmpty()) {
			throw new ConfigChangeRefused(problems, false);
		}
		List<ConfigAudit.Change> changes = SubscriptionDifferences.of(items(this.inForce), items(after));
		if (changes.isEmpty()) {
			return new Applied(null, changes);
		}
		String text = after;
		List<Subscription> accepted = next;
		Long id = this.transactions.execute((status) -> {
			// First: a conflict with another node's newer version writes nothing.
			this.shared.publish(AUDIT_FILE, text, who);
			long audited = this.audit.record(AUDIT_FILE, who, reason, changes, this.inForce, text);
			if (!text.equals(before.content())) {
				EditableFiles.write(this.dir, FILE, text);
			}
			this.subscriptions.removedBy(accepted).forEach((name) -> {
				this.cursors.forget(name);
				this.cursors.forget(FlashNotices.FLASH_CURSOR + name);
			});
			return audited;
		});
		putInForce(text, accepted);
		return new Applied(id, changes);
	}

	@Override
	public Location location() {
		return new Location(AUDIT_FILE, this.dir.resolve(FILE));
	}

	@Override
	public synchronized String textInForce() {
		return this.inForce;
	}

	/**
	 * Another node's version: checked whole as a hand edit is, written, and put in force.
	 * The node that made the change audited it and forgot the cursors of what it removed.
	 */
	@Override
	public synchronized void adopt(String text) {
		EditableFiles.Text before = file();
		List<Subscription> next = SubscriptionsFile.read(new EditableFiles.Text(before.location(), text));
		if (!text.equals(before.content())) {
			EditableFiles.write(this.dir, FILE, text);
		}
		putInForce(text, next);
		this.refused = null;
	}

	/**
	 * Subscriptions before jobs: a new job never fires before its subscription is in
	 * force.
	 */
	private void putInForce(String text, List<Subscription> accepted) {
		Set<String> removed = this.subscriptions.removedBy(accepted);
		this.subscriptions.replace(accepted);
		// Only the jobs of subscriptions this version removes: other jobs may be another
		// node's newer ones.
		this.schedules.reconcile(accepted, removed);
		this.inForce = text;
	}

	/**
	 * The fields as the file names them (snake_case accepted), null values left out,
	 * known fields first.
	 */
	private static Map<String, Object> fields(Map<String, ?> given, String name) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (given != null) {
			given.forEach((field, value) -> {
				if (value != null && !"reason".equals(field)) {
					fields.put(field.replace('_', '-'), value);
				}
			});
		}
		if (name != null) {
			fields.putIfAbsent("name", name);
		}
		Map<String, Object> ordered = new LinkedHashMap<>();
		ORDER.stream().filter(fields::containsKey).forEach((field) -> ordered.put(field, fields.get(field)));
		fields.forEach(ordered::putIfAbsent);
		return ordered;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(String text) {
		Object list = YamlFiles.load(new EditableFiles.Text(FILE, text)).get("subscriptions");
		List<Map<String, Object>> items = new ArrayList<>();
		if (list instanceof List<?> entries) {
			entries.forEach((entry) -> items
				.add((entry instanceof Map<?, ?> map) ? (Map<String, Object>) map : new LinkedHashMap<>()));
		}
		return items;
	}

	private static int indexOf(List<Map<String, Object>> items, String name) {
		for (int i = 0; i < items.size(); i++) {
			if (name.equals(String.valueOf(items.get(i).get("name")))) {
				return i;
			}
		}
		return -1;
	}

	private static int existing(List<Map<String, Object>> items, String name) {
		int index = indexOf(items, name);
		if (index < 0) {
			throw new UnknownSubscription(name);
		}
		return index;
	}

	/** A value as written, so that 7 and "7", or [a] and a list of a, compare equal. */
	static Object comparable(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Collection<?> list) {
			return YamlValues.render(list.stream().map(String::valueOf).toList());
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		return YamlValues.render(String.valueOf(value));
	}

	/** {@code line N: subscription 'x' field: reason}, by field. */
	private static Problem problem(String text) {
		Problem problem = Problem.of(text);
		Matcher matcher = FIELD_PROBLEM
			.matcher((problem.key() != null) ? problem.key() + ": " + problem.reason() : problem.reason());
		return matcher.matches() ? new Problem(matcher.group(2),
				matcher.group(3) + " (subscription '" + matcher.group(1) + "')", problem.line()) : problem;
	}

}
