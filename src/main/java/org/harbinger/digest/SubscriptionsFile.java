package org.harbinger.digest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.harbinger.engine.Severity;
import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.YamlFiles;
import org.quartz.CronExpression;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads config/subscriptions.yml; every problem is named by line, subscription and field.
 */
final class SubscriptionsFile {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	// Bounds declared beside the checks that apply them. A name becomes part of file
	// names (.eml
	// files) and URLs, so it is a slug. The recipients of one message are stored together
	// in the
	// outbox (4000 characters) and sent in one SMTP transaction, which servers cap near
	// 100-1000.

	/**
	 * A subscription's name: lower-case letters, digits, '-' and '_', starting with a
	 * letter or digit.
	 */
	static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

	static final int MAX_RECIPIENTS = 200;

	/** The recipients joined by commas, as the outbox keeps them. */
	static final int MAX_RECIPIENTS_CHARS = 4000;

	/** RFC 5321: the longest path an address may have. */
	static final int MAX_ADDRESS = 254;

	/** Indicators or scopes one subscription may list. */
	static final int MAX_FILTERS = 200;

	private static final List<String> FIELDS = List.of("name", "channel", "url", "secret", "recipients", "cron",
			"time-zone", "min-severity", "indicators", "scopes", "flash", "rule-errors");

	/** A webhook's signing key: long enough that it cannot be guessed. */
	static final int MIN_SECRET = 16;

	private SubscriptionsFile() {
	}

	/**
	 * The names in a file's text, best effort (a broken file names none): which jobs a
	 * version had.
	 */
	static List<String> names(String text) {
		try {
			if (YamlFiles.load(new EditableFiles.Text("subscriptions.yml", text))
				.get("subscriptions") instanceof List<?> items) {
				return items.stream()
					.filter(Map.class::isInstance)
					.map((item) -> ((Map<?, ?>) item).get("name"))
					.filter(Objects::nonNull)
					.map(String::valueOf)
					.toList();
			}
		}
		catch (RuntimeException ex) {
			// Unreadable: no job is removed on its account.
		}
		return List.of();
	}

	static List<Subscription> read(EditableFiles.Text file) {
		List<String> problems = new ArrayList<>();
		List<Subscription> subscriptions = new ArrayList<>();
		List<NodeTuple> root = YamlFiles.entries(YamlFiles.parse(file));
		Node list = (root == null) ? null
				: root.stream()
					.filter((entry) -> "subscriptions".equals(YamlFiles.scalar(entry.getKeyNode())))
					.map(NodeTuple::getValueNode)
					.findFirst()
					.orElse(null);
		if (!(list instanceof SequenceNode sequence)) {
			throw new ConfigFileException(file.location(), List.of("expected 'subscriptions:' with a list"));
		}
		Set<String> names = new HashSet<>();
		for (Node item : sequence.getValue()) {
			Entry entry = new Entry(item, problems);
			Subscription subscription = entry.subscription();
			if (subscription != null && !names.add(subscription.name())) {
				problems.add("line " + YamlFiles.line(item) + ": subscription '" + subscription.name()
						+ "' is defined twice");
			}
			else if (subscription != null) {
				subscriptions.add(subscription);
			}
		}
		if (!problems.isEmpty()) {
			throw new ConfigFileException(file.location(), problems);
		}
		return subscriptions;
	}

	/** One subscription's fields, checked one by one. */
	private static final class Entry {

		private final Node node;

		private final List<String> problems;

		private final List<NodeTuple> fields;

		private String name = "?";

		Entry(Node node, List<String> problems) {
			this.node = node;
			this.problems = problems;
			this.fields = YamlFiles.entries(node);
		}

		Subscription subscription() {
			if (this.fields == null) {
				this.problems
					.add("line " + YamlFiles.line(this.node) + ": expected a subscription (name, recipients, cron)");
				return null;
			}
			int before = this.problems.size();
			this.name = required("name");
			this.fields.stream()
				.map((field) -> YamlFiles.scalar(field.getKeyNode()))
				.filter((key) -> !FIELDS.contains(key))
				.forEach((key) -> problem(this.node, key, "unknown field; expected one of " + FIELDS));
			if (this.name != null && !NAME.matcher(this.name).matches()) {
				problem(this.node, "name",
						"'" + this.name + "' is not a name of lower-case letters, digits, '-' and '_' "
								+ "(at most 64, starting with a letter or digit)");
			}
			Delivery.Channel channel = channel();
			List<String> recipients = list("recipients");
			if (channel != Delivery.Channel.EMAIL) {
				if (!recipients.isEmpty()) {
					problem(this.node, "recipients",
							"only for channel email: a " + channel.word() + " subscription posts to its url");
				}
			}
			else if (recipients.isEmpty()) {
				problem(this.node, "recipients", "at least one address is required");
			}
			else if (recipients.size() > MAX_RECIPIENTS) {
				problem(this.node, "recipients", recipients.size() + " addresses, at most " + MAX_RECIPIENTS
						+ ": send to a mailing list instead");
			}
			else if (String.join(",", recipients).length() > MAX_RECIPIENTS_CHARS) {
				problem(this.node, "recipients", "the addresses together have more than " + MAX_RECIPIENTS_CHARS
						+ " characters: send to a mailing list instead");
			}
			else {
				recipients.stream()
					.filter((address) -> address.length() > MAX_ADDRESS || !EMAIL.matcher(address).matches())
					.forEach(
							(address) -> problem(this.node, "recipients", "'" + address + "' is not an email address"));
			}
			String cron = required("cron");
			if (cron != null && !CronExpression.isValidExpression(cron)) {
				problem(this.node, "cron",
						"'" + cron + "' is not a Quartz cron expression (sec min hour day month weekday)");
			}
			ZoneId zone = ZoneId.of("UTC");
			String zoneName = optional("time-zone");
			if (zoneName != null) {
				try {
					zone = ZoneId.of(zoneName);
				}
				catch (DateTimeException ex) {
					problem(this.node, "time-zone", "'" + zoneName + "' is not a time zone such as Asia/Kabul");
				}
			}
			Severity severity = Severity.INFO;
			String severityName = optional("min-severity");
			if (severityName != null) {
				try {
					severity = Severity.valueOf(severityName.toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					problem(this.node, "min-severity", "'" + severityName + "' is not INFO, WARNING or CRITICAL");
				}
			}
			List<String> indicators = list("indicators");
			List<String> scopes = list("scopes");
			for (String key : List.of("indicators", "scopes")) {
				int count = key.equals("scopes") ? scopes.size() : indicators.size();
				if (count > MAX_FILTERS) {
					problem(this.node, key, count + " entries, at most " + MAX_FILTERS);
				}
			}
			boolean flash = flag("flash");
			boolean ruleErrors = flag("rule-errors");
			Delivery delivery = delivery(channel);
			if (this.problems.size() > before) {
				return null;
			}
			return new Subscription(this.name, recipients, cron, zone, severity, indicators, scopes, flash, ruleErrors,
					delivery);
		}

		private Delivery.Channel channel() {
			String word = optional("channel");
			if (word == null) {
				return Delivery.Channel.EMAIL;
			}
			try {
				return Delivery.Channel.valueOf(word.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problem(this.node, "channel", "'" + word + "' is not email, webhook, slack or teams");
				return Delivery.Channel.EMAIL;
			}
		}

		/**
		 * The url and secret a channel needs; never quoted in a problem, since either may
		 * be a credential.
		 */
		private Delivery delivery(Delivery.Channel channel) {
			String url = optional("url");
			String secret = optional("secret");
			if (channel == Delivery.Channel.EMAIL) {
				if (url != null) {
					problem(this.node, "url", "only for channels webhook, slack and teams (this one is email)");
				}
				if (secret != null) {
					problem(this.node, "secret", "only for channel webhook");
				}
				return Delivery.EMAIL;
			}
			URI uri = null;
			if (url == null) {
				if (value("url") == null) {
					problem(this.node, "url", "is required for channel " + channel.word());
				}
			}
			else {
				try {
					uri = new URI(url);
				}
				catch (URISyntaxException ex) {
					uri = null;
				}
				if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
						|| uri.getHost() == null) {
					problem(this.node, "url", "is not an http(s) address such as https://hooks.example.org/harbinger");
				}
			}
			if (channel == Delivery.Channel.WEBHOOK) {
				if (secret == null && value("secret") == null) {
					problem(this.node, "secret",
							"is required for channel webhook: the key its receiver checks signatures with");
				}
				else if (secret != null && secret.length() < MIN_SECRET) {
					problem(this.node, "secret", "is shorter than " + MIN_SECRET + " characters");
				}
			}
			else if (secret != null) {
				problem(this.node, "secret",
						"only for channel webhook (" + channel.word() + " is authenticated by its url)");
			}
			return new Delivery(channel, uri, secret);
		}

		private boolean flag(String key) {
			String value = optional(key);
			if (value != null && !value.equals("true") && !value.equals("false")) {
				problem(this.node, key, "'" + value + "' is not true or false");
			}
			return "true".equals(value);
		}

		private Node value(String key) {
			return this.fields.stream()
				.filter((field) -> key.equals(YamlFiles.scalar(field.getKeyNode())))
				.map(NodeTuple::getValueNode)
				.findFirst()
				.orElse(null);
		}

		private String optional(String key) {
			Node value = value(key);
			if (value == null) {
				return null;
			}
			String text = YamlFiles.scalar(value);
			if (text == null || text.isBlank()) {
				problem(value, key, "expected a single value");
				return null;
			}
			return text.trim();
		}

		private String required(String key) {
			String text = optional(key);
			if (text == null && value(key) == null) {
				problem(this.node, key, "is required");
			}
			return text;
		}

		private List<String> list(String key) {
			Node value = value(key);
			if (value == null) {
				return List.of();
			}
			List<String> items = YamlFiles.strings(value);
			if (items == null) {
				problem(value, key, "expected a list of names");
				return List.of();
			}
			return items.stream().map(String::trim).toList();
		}

		private void problem(Node at, String key, String message) {
			this.problems
				.add("line " + YamlFiles.line(at) + ": subscription '" + this.name + "' " + key + ": " + message);
		}

	}

}
