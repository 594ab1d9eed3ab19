package org.harbinger.engine;

import java.util.Map;

/**
 * Other threshold values are in force; both maps are complete ({@code indicator.name} to
 * value).
 */
public record ThresholdsChanged(Map<String, Object> before, Map<String, Object> after) {
}
