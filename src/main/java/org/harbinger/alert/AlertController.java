package org.harbinger.alert;

import java.util.List;

import org.harbinger.engine.Severity;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/alerts} with filters, and one alert with its history. */
@RestController
class AlertController {

	private final AlertRepository alerts;

	AlertController(AlertRepository alerts) {
		this.alerts = alerts;
	}

	@GetMapping("/api/alerts")
	List<Alert> list(@RequestParam(required = false) Alert.Status status,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) String scope,
			@RequestParam(required = false) Severity severity) {
		return this.alerts.find(new AlertRepository.Filter(status, indicator, scope, severity));
	}

	/** An alert with its transitions; each transition carries the evidence at that moment. */
	record AlertHistory(Alert alert, List<Transition> transitions) {
	}

	@GetMapping("/api/alerts/{id}")
	ResponseEntity<AlertHistory> get(@PathVariable long id) {
		return this.alerts.find(id)
			.map((alert) -> ResponseEntity.ok(new AlertHistory(alert, this.alerts.transitions(id))))
			.orElse(ResponseEntity.notFound().build());
	}

}
