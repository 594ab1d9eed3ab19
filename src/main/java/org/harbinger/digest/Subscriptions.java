package org.harbinger.digest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The subscriptions in force, from config/subscriptions.yml; replaced whole when an
 * administrator changes them.
 */
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

	/** The names in force that {@code next} does not have. */
	Set<String> removedBy(List<Subscription> next) {
		return this.all.stream()
			.map(Subscription::name)
			.filter((name) -> next.stream().noneMatch((subscription) -> subscription.name().equals(name)))
			.collect(Collectors.toSet());
	}

	void replace(List<Subscription> next) {
		this.all = List.copyOf(next);
	}

}
