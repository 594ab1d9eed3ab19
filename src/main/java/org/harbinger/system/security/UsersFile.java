package org.harbinger.system.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.YamlFiles;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and writes config/users.yml. The service writes it (first admin, the users API),
 * so it is rendered whole; an administrator may still edit it by hand, and every problem
 * is then named by line.
 */
final class UsersFile {

	static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private UsersFile() {
	}

	static Accounts read(EditableFiles.Text file) {
		List<String> problems = new ArrayList<>();
		List<NodeTuple> root = YamlFiles.entries(YamlFiles.parse(file));
		if (root == null) {
			throw new ConfigFileException(file.location(), List.of("line 1: expected 'users:' and 'tokens:' lists"));
		}
		for (NodeTuple entry : root) {
			String key = YamlFiles.scalar(entry.getKeyNode());
			if (!"users".equals(key) && !"tokens".equals(key)) {
				problems.add("line " + YamlFiles.line(entry.getKeyNode()) + ": unknown key '" + key
						+ "'; expected users or tokens");
			}
		}
		List<Account> users = accounts(root, "users", "password", BCRYPT, "a bcrypt hash ($2a$10$...)", problems);
		List<Account> tokens = accounts(root, "tokens", "sha256", SHA256, "the token's SHA-256 in lower-case hex",
				problems);
		if (!problems.isEmpty()) {
			throw new ConfigFileException(file.location(), problems);
		}
		return new Accounts(users, tokens);
	}

	private static List<Account> accounts(List<NodeTuple> root, String list, String secretKey, Pattern secretForm,
			String secretDescription, List<String> problems) {
		Node node = root.stream()
			.filter((entry) -> list.equals(YamlFiles.scalar(entry.getKeyNode())))
			.map(NodeTuple::getValueNode)
			.findFirst()
			.orElse(null);
		if (node == null || (YamlFiles.scalar(node) != null && YamlFiles.scalar(node).isEmpty())) {
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence)) {
			problems.add("line " + YamlFiles.line(node) + ": " + list + ": expected a list");
			return List.of();
		}
		List<Account> accounts = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (Node item : sequence.getValue()) {
			int line = YamlFiles.line(item);
			List<NodeTuple> fields = YamlFiles.entries(item);
			if (fields == null) {
				problems.add("line " + line + ": " + list + ": expected name, " + secretKey + ", roles");
				continue;
			}
			String name = null;
			String secret = null;
			List<String> roleNames = null;
			for (NodeTuple field : fields) {
				String key = YamlFiles.scalar(field.getKeyNode());
				int at = YamlFiles.line(field.getValueNode());
				switch (String.valueOf(key)) {
					case "name" -> name = YamlFiles.scalar(field.getValueNode());
					case "roles" -> roleNames = YamlFiles.strings(field.getValueNode());
					default -> {
						if (secretKey.equals(key)) {
							secret = YamlFiles.scalar(field.getValueNode());
						}
						else {
							problems.add("line " + at + ": unknown field '" + key + "'; expected name, " + secretKey
									+ ", roles");
						}
					}
				}
			}
			int before = problems.size();
			if (name == null || !NAME.matcher(name).matches()) {
				problems.add("line " + line + ": name: required, letters, digits and . _ @ - only");
			}
			else if (!names.add(name)) {
				problems.add("line " + line + ": name: '" + name + "' is defined twice");
			}
			if (secret == null || !secretForm.matcher(secret).matches()) {
				problems.add("line " + line + ": " + secretKey + ": expected " + secretDescription);
			}
			List<Role> roles = roles(roleNames, line, problems);
			if (problems.size() == before) {
				accounts.add(new Account(name, secret, roles));
			}
		}
		return accounts;
	}

	private static List<Role> roles(List<String> names, int line, List<String> problems) {
		if (names == null || names.isEmpty()) {
			problems.add("line " + line + ": roles: at least one of " + List.of(Role.values()));
			return List.of();
		}
		List<Role> roles = new ArrayList<>();
		for (String name : names) {
			try {
				roles.add(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				problems.add("line " + line + ": roles: '" + name + "' is not one of " + List.of(Role.values()));
			}
		}
		return roles;
	}

	static String render(Accounts accounts) {
		StringBuilder text = new StringBuilder("""
				# Harbinger's users and API tokens. Written by the service (first start, /api/users);
				# it may be edited by hand while the service runs (it is re-read when it changes).
				#   users:  name, password (a bcrypt hash), roles
				#   tokens: name, sha256 (of the token, which is shown once when created), roles
				# Roles: ANALYST, RULE_AUTHOR, ADMIN, INGEST.
				""");
		text.append("users:").append(accounts.users().isEmpty() ? " []\n" : "\n");
		accounts.users().forEach((user) -> entry(text, user, "password"));
		text.append("tokens:").append(accounts.tokens().isEmpty() ? " []\n" : "\n");
		accounts.tokens().forEach((token) -> entry(text, token, "sha256"));
		return text.toString();
	}

	private static void entry(StringBuilder text, Account account, String secretKey) {
		text.append("  - name: ").append(account.name()).append('\n');
		text.append("    ").append(secretKey).append(": \"").append(account.secretHash()).append("\"\n");
		text.append("    roles: ").append(account.roles()).append('\n');
	}

	static String text(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	/**
	 * Replaces the file whole (a temporary file moved over it), so a reader never sees
	 * half of it.
	 */
	static void write(Path file, String content) {
		try {
			Path folder = file.toAbsolutePath().getParent();
			Files.createDirectories(folder);
			Path temporary = Files.createTempFile(folder, ".users", ".yml");
			Files.writeString(temporary, content);
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

}
