package org.harbinger.feed;

import org.harbinger.engine.RuleMetadata;
import org.harbinger.engine.RuleReloader;
import org.harbinger.system.HarbingerProperties;

import org.springframework.stereotype.Component;

/** What the feeds say about an indicator (from the metadata of its rule in force) and where an alert lives in the dashboard. */
@Component
class Catalogue {

	private final RuleReloader reloader;

	private final String dashboardUrl;

	Catalogue(RuleReloader reloader, HarbingerProperties properties) {
		this.reloader = reloader;
		this.dashboardUrl = properties.dashboardUrl().replaceAll("/+$", "");
	}

	/** The indicator's plain-language title, or its id when no rule declares it any more. */
	String title(String indicator) {
		RuleMetadata metadata = this.reloader.rules().indicators().get(indicator);
		return (metadata != null) ? metadata.title() : indicator;
	}

	/** The indicator's description, empty when it has none. */
	String description(String indicator) {
		RuleMetadata metadata = this.reloader.rules().indicators().get(indicator);
		return (metadata != null) ? metadata.description() : "";
	}

	String alertLink(long alertId) {
		return this.dashboardUrl + "/alerts/" + alertId;
	}

	String dashboardUrl() {
		return this.dashboardUrl;
	}

}
