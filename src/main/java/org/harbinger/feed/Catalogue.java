package org.harbinger.feed;

import org.harbinger.engine.RuleBase;
import org.harbinger.engine.RuleMetadata;
import org.harbinger.system.HarbingerProperties;

import org.springframework.stereotype.Component;

/** What the feeds say about an indicator (from its rule's metadata) and where an alert lives in the dashboard. */
@Component
class Catalogue {

	private final RuleBase rules;

	private final String dashboardUrl;

	Catalogue(RuleBase rules, HarbingerProperties properties) {
		this.rules = rules;
		this.dashboardUrl = properties.dashboardUrl().replaceAll("/+$", "");
	}

	/** The indicator's plain-language title, or its id when no rule declares it any more. */
	String title(String indicator) {
		RuleMetadata metadata = this.rules.indicators().get(indicator);
		return (metadata != null) ? metadata.title() : indicator;
	}

	/** The indicator's description, empty when it has none. */
	String description(String indicator) {
		RuleMetadata metadata = this.rules.indicators().get(indicator);
		return (metadata != null) ? metadata.description() : "";
	}

	String alertLink(long alertId) {
		return this.dashboardUrl + "/alerts/" + alertId;
	}

	String dashboardUrl() {
		return this.dashboardUrl;
	}

}
