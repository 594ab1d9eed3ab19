package org.harbinger.engine;

import org.springframework.modulith.NamedInterface;

/** How urgent an alert is; ordered, so that a rise is an escalation. */
@NamedInterface("api")
public enum Severity {

	INFO, WARNING, CRITICAL

}
