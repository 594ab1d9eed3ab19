package org.harbinger.feed;

import org.harbinger.engine.RuleMetadata;
import org.harbinger.engine.RuleReloader;
import org.harbinger.system.PublicUrl;

import org.springframework.stereotype.Component;

/** What the feeds say about an indicator (from the metadata of its rule in force) and where an alert lives in the dashboard. */
@Component
class Catalogue {

	private final RuleReloader reloader;

	private final PublicUrl publicUrl;

	Catalogue(RuleReloader reloader, PublicUrl publicUrl) {
		this.reloader = reloader;
		this.publicUrl = publicUrl;
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
		return publicUrl() + "/alerts/" + alertId;
	}

	String publicUrl() {
		return this.publicUrl.get();
	}

}
