package org.harbinger.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.harbinger.system.EditableFiles;
import org.harbinger.system.HarbingerProperties;

import org.springframework.stereotype.Component;

/**
 * Which rules and thresholds a message was written under: a short content hash of
 * rules/*.drl and of config/thresholds.yml, so that two digests can be told apart by what
 * judged them.
 */
@Component
class ContentVersions {

	private final HarbingerProperties properties;

	ContentVersions(HarbingerProperties properties) {
		this.properties = properties;
	}

	String rules() {
		return hash(EditableFiles.list(this.properties.rulesDir(), "rules", "drl"));
	}

	String thresholds() {
		return hash(List.of(EditableFiles.read(this.properties.configDir(), "config", "thresholds.yml")));
	}

	private static String hash(List<EditableFiles.Text> files) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (EditableFiles.Text file : files) {
				String name = file.location().replace('\\', '/');
				sha.update(name.substring(name.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
				sha.update(file.content().getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
