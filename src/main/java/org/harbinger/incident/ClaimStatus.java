package org.harbinger.incident;

/**
 * Whether a group owned the incident; IS deliberately under-claims, so UNCLAIMED is not
 * "not IS".
 */
public enum ClaimStatus {

	CLAIMED, ATTRIBUTED, UNCLAIMED, DENIED

}
