package org.harbinger.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Rules, thresholds, subscriptions and templates are read from disk so that people can
 * edit them; the jar carries copies under {@code defaults/} for a bare {@code java -jar}.
 */
public final class EditableFiles {

	private EditableFiles() {
	}

	/** One file's text, named as a person would look for it. */
	public record Text(String location, String content) {
	}

	/**
	 * The file on disk, else the jar's default copy {@code defaults/<defaults>/<name>}.
	 */
	public static Text read(Path dir, String defaults, String name) {
		Path file = dir.resolve(name);
		if (Files.isRegularFile(file)) {
			return new Text(file.toString(), readString(file));
		}
		Resource resource = new PathMatchingResourcePatternResolver()
			.getResource("classpath:defaults/" + defaults + "/" + name);
		if (!resource.exists()) {
			throw new IllegalStateException("No " + file + " on disk and no default copy in the jar");
		}
		return new Text(file + " (default copy in the jar)", readResource(resource));
	}

	/**
	 * Replaces the file on disk in one step (a temporary file beside it, then an atomic
	 * move), so a reader or a watcher never sees half a file. Creates the folder if
	 * needed.
	 */
	public static void write(Path dir, String name, String content) {
		try {
			Files.createDirectories(dir);
			Path temporary = Files.createTempFile(dir, "." + name + ".", ".tmp");
			try {
				Files.writeString(temporary, content, StandardCharsets.UTF_8);
				Files.move(temporary, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + dir.resolve(name), ex);
		}
	}

	/**
	 * A short fingerprint of a file's text: an editor sends it back so that a change made
	 * meanwhile is not overwritten.
	 */
	public static String version(String content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Every {@code *.extension} file directly in the folder, else the jar's defaults,
	 * sorted by name.
	 */
	public static List<Text> list(Path dir, String defaults, String extension) {
		if (Files.isDirectory(dir)) {
			try (Stream<Path> files = Files.list(dir)) {
				return files.filter((file) -> file.getFileName().toString().endsWith("." + extension))
					.filter(Files::isRegularFile)
					.sorted()
					.map((file) -> new Text(file.toString(), readString(file)))
					.toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:defaults/" + defaults + "/*." + extension);
			return Arrays.stream(resources)
				.sorted(Comparator.comparing(Resource::getFilename))
				.map((resource) -> new Text(dir.resolve(resource.getFilename()).toString(), readResource(resource)))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String readString(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	private static String readResource(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

}
