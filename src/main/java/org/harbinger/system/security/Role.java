package org.harbinger.system.security;

/**
 * What a user or token may do. ANALYST reads and acknowledges; RULE_AUTHOR reloads and
 * backtests rules; ADMIN tunes thresholds, subscriptions, silences and users; INGEST
 * feeds incidents in. ADMIN and RULE_AUTHOR include ANALYST's reading; INGEST includes
 * nothing else.
 */
public enum Role {

	ANALYST, RULE_AUTHOR, ADMIN, INGEST

}
