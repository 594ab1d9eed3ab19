package org.harbinger.digest;

import java.util.List;
import java.util.Optional;

/** The subscriptions in force, from config/subscriptions.yml. */
record Subscriptions(List<Subscription> all) {

	Optional<Subscription> find(String name) {
		return this.all.stream().filter((subscription) -> subscription.name().equals(name)).findFirst();
	}

}
