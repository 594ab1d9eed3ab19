package org.harbinger.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the inbox may take, and names it can write. Anyone who may drop a file in the
 * folder is trusted with its content, not with the service's own reach: a link would make
 * the service read (and quarantine, readable through the API) a file its sender could
 * not, so only regular files that are the folder's own are imported. Names come from
 * outside too: one the service cannot turn into text and back (not valid UTF-8 here)
 * could not be found again by name, and a long one leaves no room for the report's
 * suffix; both are handled so that no file is taken twice.
 */
final class InboxFiles {

	/** The most bytes a file name may have on the file systems the service runs on. */
	static final int NAME_MAX = 255;

	/** The longest suffix written beside a filed file. */
	private static final String LONGEST_SUFFIX = ".rejected.json";

	private InboxFiles() {
	}

	/**
	 * The inbox's entries to consider, links included (they are refused, not skipped),
	 * folders and partial files not.
	 */
	static List<Path> entries(Path folder) throws IOException {
		try (Stream<Path> listing = Files.list(folder)) {
			return listing
				.filter((path) -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path))
				.filter((path) -> !path.getFileName().toString().startsWith("."))
				.filter((path) -> !path.getFileName().toString().endsWith(".part")
						&& !path.getFileName().toString().endsWith(".tmp"))
				.sorted()
				.toList();
		}
	}

	/** Why the entry may not be imported, or null when it may. */
	static String refusal(Path inbox, Path file) throws IOException {
		if (Files.isSymbolicLink(file)) {
			return "refused: a symbolic link (to " + Files.readSymbolicLink(file)
					+ "); the inbox imports only regular files inside it";
		}
		if (!nameable(file)) {
			return "refused: the file name is not valid UTF-8, so the service cannot name it again; "
					+ "rename it in UTF-8 and drop it in the inbox again";
		}
		if (!file.toRealPath().startsWith(inbox.toRealPath())) {
			return "refused: the file resolves to " + file.toRealPath() + ", outside the inbox";
		}
		Object links = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
		if (links instanceof Integer count && count > 1) {
			return "refused: the file has " + count + " hard links; the inbox imports only files of its own";
		}
		if (!Files.isReadable(file)) {
			return "refused: the service may not read the file (its permissions)";
		}
		return null;
	}

	/**
	 * Whether the name survives the trip to text and back (it does unless its bytes are
	 * not valid in this locale).
	 */
	static boolean nameable(Path file) {
		return file.resolveSibling(file.getFileName().toString()).equals(file);
	}

	/**
	 * A name to file {@code file} under in {@code folder}: its own when that is free, can
	 * be written again and leaves room for the report's suffix; otherwise shortened and
	 * prefixed with {@code id}.
	 */
	static String filedName(Path file, Path folder, long id) {
		String name = file.getFileName().toString().replace('\uFFFD', '_');
		if (bytes(name) + LONGEST_SUFFIX.length() <= NAME_MAX && !Files.exists(folder.resolve(name))
				&& nameable(file)) {
			return name;
		}
		String prefix = id + "-";
		int room = NAME_MAX - LONGEST_SUFFIX.length() - prefix.length();
		StringBuilder cut = new StringBuilder();
		name.codePoints()
			.takeWhile((c) -> bytes(cut.toString() + Character.toString(c)) <= room)
			.forEach(cut::appendCodePoint);
		return prefix + cut;
	}

	private static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
