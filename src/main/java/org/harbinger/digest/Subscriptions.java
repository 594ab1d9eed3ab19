package org.harbinger.digest;

import java.util.List;
import java.util.Optional;

/** The subscriptions in force, from config/subscriptions.yml; replaced whole when an administrator changes them. */
final class Subscriptions {

	private volatile List<Subscription> all;

	Subscriptions(List<Subscription> all) {
		this.all = List.copyOf(all);
	}

	List<Subscription> all() {
		return this.all;
	}

	Optional<Subscription> find(String name) {
		return this.all.stream().filter((subscription) -> subscription.name().equals(name)).findFirst();
	}

	void replace(List<Subscription> next) {
		this.all = List.copyOf(next);
	}

}
