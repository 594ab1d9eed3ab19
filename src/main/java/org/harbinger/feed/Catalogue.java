package org.harbinger.feed;

import org.harbinger.engine.RuleMetadata;
import org.harbinger.engine.RulesInForce;
import org.harbinger.system.PublicUrl;

import org.springframework.stereotype.Component;

/**
 * What the feeds say about an indicator (from the metadata of its rule in force) and
 * where an alert lives in the dashboard.
 */
@Component
class Catalogue {

	private final RulesInForce inForce;

	private final PublicUrl publicUrl;

	Catalogue(RulesInForce inForce, PublicUrl publicUrl) {
		this.inForce = inForce;
		this.publicUrl = publicUrl;
	}

	/**
	 * The indicator's plain-language title, or its id when no rule declares it any more.
	 */
	String title(String indicator) {
		return this.inForce.now().title(indicator);
	}

	/** The indicator's description, empty when it has none. */
	String description(String indicator) {
		return this.inForce.now().indicator(indicator).map(RuleMetadata::description).orElse("");
	}

	String alertLink(long alertId) {
		return publicUrl() + "/alerts/" + alertId;
	}

	String publicUrl() {
		return this.publicUrl.get();
	}

}
