package org.harbinger.feed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic STIX identifiers: {@code type--UUIDv5(STIX namespace, name)} (RFC 9562
 * section 5.5), as the STIX 2.1 specification recommends, so that exporting the same
 * alert again gives the same id and a platform updates it instead of adding a copy.
 */
final class StixIds {

	/** The namespace the STIX 2.1 specification gives for deterministic identifiers. */
	static final UUID NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

	private StixIds() {
	}

	static String id(String type, String name) {
		return type + "--" + uuid5(NAMESPACE, name);
	}

	static UUID uuid5(UUID namespace, String name) {
		MessageDigest sha1;
		try {
			sha1 = MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-1", ex);
		}
		sha1.update(ByteBuffer.allocate(16)
			.putLong(namespace.getMostSignificantBits())
			.putLong(namespace.getLeastSignificantBits())
			.array());
		ByteBuffer hash = ByteBuffer.wrap(sha1.digest(name.getBytes(StandardCharsets.UTF_8)));
		long high = (hash.getLong() & ~0xF000L) | 0x5000L;
		long low = (hash.getLong() & ~(0xC0L << 56)) | (0x80L << 56);
		return new UUID(high, low);
	}

}
