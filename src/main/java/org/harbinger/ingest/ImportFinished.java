package org.harbinger.ingest;

/** An import ended, done or failed; whoever brought the file in tidies up after it. */
record ImportFinished(ImportJob job) {
}
