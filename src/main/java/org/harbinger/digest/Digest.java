package org.harbinger.digest;

/** A rendered digest, ready for the outbox. */
record Digest(String subject, String text, String html) {
}
