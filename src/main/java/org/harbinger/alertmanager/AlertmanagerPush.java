package org.harbinger.alertmanager;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * One round of the push: the alerts as they stand, to every Alertmanager through its v2
 * API ({@code POST /api/v2/alerts}). An Alertmanager that fails is logged once when it
 * starts failing and once when it answers again, not every round, and is simply tried
 * next round: the next push carries everything, so nothing is queued. Counted in
 * {@code harbinger_alertmanager_pushes_total{alertmanager, outcome}} and
 * {@code harbinger_alertmanager_failing{alertmanager}} (docs/metrics.md).
 */
@Component
class AlertmanagerPush {

	private static final Logger logger = LoggerFactory.getLogger(AlertmanagerPush.class);

	/** The longest piece of an Alertmanager's answer quoted in a log line. */
	private static final int QUOTED = 300;

	private final AlertmanagerProperties properties;

	private final AlertmanagerAlerts alerts;

	private final MeterRegistry registry;

	private final HttpClient http;

	// Plain names: Spring's own mapper writes snake_case, and Alertmanager reads
	// startsAt.
	private final JsonMapper json = JsonMapper.builder().build();

	/** 1 while an Alertmanager's last push failed, by its redacted address. */
	private final Map<String, AtomicInteger> failing = new ConcurrentHashMap<>();

	AlertmanagerPush(AlertmanagerProperties properties, AlertmanagerAlerts alerts, MeterRegistry registry) {
		this.properties = properties;
		this.alerts = alerts;
		this.registry = registry;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
		for (URI url : properties.urls()) {
			String name = AlertmanagerProperties.redacted(url);
			this.failing.put(name, registry.gauge("harbinger.alertmanager.failing", Tags.of("alertmanager", name),
					new AtomicInteger()));
		}
	}

	/**
	 * Pushes the alerts as they stand to every Alertmanager; returns how many took them.
	 */
	int push() {
		if (!this.properties.enabled()) {
			return 0;
		}
		List<PushedAlert> current = this.alerts.current(Instant.now(), this.properties.resolvedFor());
		String body = body(current);
		int took = 0;
		for (URI url : this.properties.urls()) {
			if (post(url, body, current.size())) {
				took++;
			}
		}
		return took;
	}

	private boolean post(URI url, String body, int count) {
		String name = AlertmanagerProperties.redacted(url);
		String error;
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(url))
				.timeout(this.properties.timeout())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (url.getRawUserInfo() != null) {
				request.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString(URLDecoder.decode(url.getRawUserInfo(), StandardCharsets.UTF_8)
								.getBytes(StandardCharsets.UTF_8)));
			}
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				succeeded(name, count);
				return true;
			}
			String answer = response.body().strip();
			error = "answered " + response.statusCode()
					+ (answer.isEmpty() ? "" : ": " + answer.substring(0, Math.min(QUOTED, answer.length())));
		}
		catch (IOException ex) {
			error = (ex.getMessage() != null) ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
					: ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		failed(name, error);
		return false;
	}

	private void succeeded(String name, int count) {
		this.registry.counter("harbinger.alertmanager.pushes", "alertmanager", name, "outcome", "sent").increment();
		if (this.failing.get(name).getAndSet(0) == 1) {
			logger.info("Alertmanager {} takes alerts again ({} sent)", name, count);
		}
	}

	private void failed(String name, String error) {
		this.registry.counter("harbinger.alertmanager.pushes", "alertmanager", name, "outcome", "failed").increment();
		if (this.failing.get(name).getAndSet(1) == 0) {
			logger.warn(
					"Alertmanager {} did not take the alerts: {}; trying again every {} s (logged once until it works)",
					name, error, this.properties.interval().toSeconds());
		}
	}

	/**
	 * {@code /api/v2/alerts} under the URL's own path, which an Alertmanager behind a
	 * route prefix has.
	 */
	private static URI endpoint(URI url) {
		String path = (url.getPath() == null) ? "" : url.getPath().replaceAll("/+$", "");
		try {
			return new URI(url.getScheme(), null, url.getHost(), url.getPort(), path + "/api/v2/alerts", null, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	String body(List<PushedAlert> alerts) {
		ArrayNode array = this.json.createArrayNode();
		for (PushedAlert alert : alerts) {
			ObjectNode node = array.addObject();
			ObjectNode labels = node.putObject("labels");
			alert.labels().forEach(labels::put);
			ObjectNode annotations = node.putObject("annotations");
			alert.annotations().forEach(annotations::put);
			node.put("startsAt", alert.startsAt().toString());
			if (alert.endsAt() != null) {
				node.put("endsAt", alert.endsAt().toString());
			}
			node.put("generatorURL", alert.generatorUrl());
		}
		return this.json.writeValueAsString(array);
	}

}
