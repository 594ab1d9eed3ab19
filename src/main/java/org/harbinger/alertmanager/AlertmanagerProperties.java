package org.harbinger.alertmanager;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where open alerts are pushed ({@code harbinger.alertmanager.*}; docs/integrations.md).
 * No {@code urls}: no push. A URL may carry {@code user:password@} for an Alertmanager
 * behind basic authentication; it is sent as a header and never printed
 * ({@link #redacted(URI)}).
 *
 * @param urls the Alertmanagers, each its base address
 * ({@code http://alertmanager:9093}); every one gets every alert, as Prometheus sends to
 * all of a high-availability pair
 * @param interval how often open alerts are sent again: keep it well under Alertmanager's
 * {@code resolve_timeout} (5m by default), or it resolves them by itself between pushes
 * @param timeout how long one push to one Alertmanager may take
 * @param resolvedFor how long an alert that ended is still sent as resolved, so that an
 * Alertmanager that missed one push still hears of it
 */
@ConfigurationProperties("harbinger.alertmanager")
public record AlertmanagerProperties(@DefaultValue List<URI> urls, @DefaultValue("30s") Duration interval,
		@DefaultValue("10s") Duration timeout, @DefaultValue("15m") Duration resolvedFor) {

	public AlertmanagerProperties {
		List<URI> checked = new ArrayList<>();
		for (int i = 0; i < urls.size(); i++) {
			URI url = urls.get(i);
			if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
				throw new IllegalArgumentException("harbinger.alertmanager.urls[" + i + "]: '" + redacted(url)
						+ "' is not an http(s) address such as http://alertmanager:9093");
			}
			checked.add(url);
		}
		urls = List.copyOf(checked);
		positive("interval", interval);
		positive("timeout", timeout);
		positive("resolved-for", resolvedFor);
	}

	/** Whether alerts are pushed at all. */
	public boolean enabled() {
		return !this.urls.isEmpty();
	}

	/** The address without its user and password: for logs, metrics and errors. */
	static String redacted(URI url) {
		String text = url.toString();
		return (url.getRawUserInfo() != null) ? text.replace(url.getRawUserInfo() + "@", "") : text;
	}

	@Override
	public String toString() {
		return "AlertmanagerProperties[urls=" + this.urls.stream().map(AlertmanagerProperties::redacted).toList()
				+ ", interval=" + this.interval + ", timeout=" + this.timeout + ", resolvedFor=" + this.resolvedFor
				+ "]";
	}

	private static void positive(String key, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("harbinger.alertmanager." + key + " must be positive, was " + value);
		}
	}

}
