package org.harbinger.engine;

/** How urgent an alert is; ordered, so that a rise is an escalation. */
public enum Severity {

	INFO, WARNING, CRITICAL

}
