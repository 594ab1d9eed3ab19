package org.harbinger.alertmanager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.alert.Silence;
import org.harbinger.alert.Silences;
import org.harbinger.alert.Transition;
import org.harbinger.engine.RulesInForce;
import org.harbinger.engine.Severity;
import org.harbinger.system.PublicUrl;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a push says, read afresh from the alert log each round (nothing to keep in step
 * across restarts or nodes): every open alert as firing since it took its present
 * severity, and every (alert, severity) that ended within {@code resolved-for} as ended
 * when it did.
 *
 * An alert a Harbinger silence matches is sent as ended from the silence's start:
 * Harbinger's silences are the analysts' word that it should not page
 * (docs/integrations.md). When the silence ends it fires again, from its own start.
 */
@Component
class AlertmanagerAlerts {

	private final AlertRepository alerts;

	private final Silences silences;

	private final RulesInForce rules;

	private final PublicUrl publicUrl;

	AlertmanagerAlerts(AlertRepository alerts, Silences silences, RulesInForce rules, PublicUrl publicUrl) {
		this.alerts = alerts;
		this.silences = silences;
		this.rules = rules;
		this.publicUrl = publicUrl;
	}

	/**
	 * The alerts to push at {@code now}: firing ones, then those ended lately; one per
	 * label set.
	 */
	@Transactional(readOnly = true)
	List<PushedAlert> current(Instant now, Duration resolvedFor) {
		Map<Long, Alert> open = new HashMap<>();
		this.alerts.open().forEach((alert) -> open.put(alert.id(), alert));
		List<Silence> active = this.silences.activeAt(now);
		Instant endedSince = now.minus(resolvedFor);
		Map<Map<String, String>, PushedAlert> firing = new LinkedHashMap<>();
		Map<Map<String, String>, PushedAlert> ended = new LinkedHashMap<>();
		Map<Long, Level> level = new LinkedHashMap<>();
		for (Transition step : this.alerts.historiesOpenOrChangedSince(endedSince)) {
			Level before = level.remove(step.alertId());
			switch (step.kind()) {
				case FIRED -> level.put(step.alertId(), new Level(step, step.severity(), step.recordedAt()));
				case ESCALATED, DEESCALATED -> {
					if (before != null) {
						end(ended, before, step.recordedAt(), endedSince);
					}
					level.put(step.alertId(), new Level(step, step.severity(), step.recordedAt()));
				}
				case RESOLVED, RETRACTED -> {
					if (before != null) {
						end(ended, new Level(step, before.severity(), before.since()), step.recordedAt(), endedSince);
					}
				}
			}
		}
		level.forEach((id, last) -> {
			Alert alert = open.get(id);
			if (alert == null) {
				return;
			}
			Level present = new Level(last.step(), alert.severity(), last.since());
			Optional<Silence> silence = active.stream()
				.filter((candidate) -> candidate.matches(alert.indicator(), alert.scope()))
				.findFirst();
			if (silence.isPresent()) {
				Instant from = silence.get().startsAt();
				end(ended, present, from.isAfter(present.since()) ? from : present.since(), Instant.MIN);
				return;
			}
			PushedAlert pushed = pushed(present, alert.detail(), alert.severityReason(), null);
			firing.put(pushed.labels(), pushed);
		});
		List<PushedAlert> all = new ArrayList<>(firing.values());
		ended.forEach((labels, alert) -> {
			if (!firing.containsKey(labels)) {
				all.add(alert);
			}
		});
		return all;
	}

	/** An alert's severity from a moment on, with the transition that told it. */
	private record Level(Transition step, Severity severity, Instant since) {
	}

	private void end(Map<Map<String, String>, PushedAlert> ended, Level level, Instant at, Instant endedSince) {
		if (at.isBefore(endedSince)) {
			return;
		}
		PushedAlert pushed = pushed(level, level.step().detail(), level.step().severityReason(), at);
		ended.merge(pushed.labels(), pushed, (a, b) -> b.endsAt().isAfter(a.endsAt()) ? b : a);
	}

	private PushedAlert pushed(Level level, String detail, String severityReason, Instant endsAt) {
		Transition step = level.step();
		String link = this.publicUrl.get() + "/alerts/" + step.alertId();
		Map<String, String> annotations = new LinkedHashMap<>();
		annotations.put("summary", level.severity() + ": " + title(step.indicator()) + " - " + step.scope());
		annotations.put("description", (severityReason != null)
				? detail + "\n" + level.severity() + " because: " + severityReason : String.valueOf(detail));
		annotations.put("link", link);
		return new PushedAlert(PushedAlert.labels(step.indicator(), step.scope(), level.severity()), annotations,
				level.since(), endsAt, link);
	}

	private String title(String indicator) {
		return this.rules.now().title(indicator);
	}

}
