package org.harbinger.backtest;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.harbinger.engine.RuleBase;
import org.harbinger.engine.InForce;
import org.harbinger.engine.RulesInForce;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.incident.Incident;
import org.harbinger.ingest.IncidentFields;
import org.harbinger.incident.IncidentRepository;
import org.harbinger.ingest.OfflineIngest;
import org.harbinger.system.Problems;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/backtest?from=&to=}: the backtest of the command line, on the rules
 * and thresholds in force. With a CSV body it replays that file; with none, the stored
 * incidents.
 */
@RestController
class BacktestController {

	private final RulesInForce inForce;

	private final IncidentFields fields;

	private final IncidentRepository incidents;

	BacktestController(RulesInForce inForce, IncidentFields fields, IncidentRepository incidents) {
		this.inForce = inForce;
		this.fields = fields;
		this.incidents = incidents;
	}

	@PostMapping(path = "/api/backtest", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> run(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestBody(required = false) String csv) {
		if (to.isBefore(from)) {
			ProblemDetail problem = Problems.parameter("to", to.toString(), List.of("YYYY-MM-DD"),
					"to: " + to + " is before from " + from);
			return Problems.answer(problem);
		}
		InForce now = this.inForce.now();
		RuleBase rules = now.rules();
		ThresholdSet thresholds = now.thresholds();
		List<Incident> replayed = new ArrayList<>();
		CompactIncidents compact = new CompactIncidents(replayed::add);
		OfflineIngest.Read imported;
		if (csv != null && !csv.isBlank()) {
			imported = OfflineIngest.read(new StringReader(csv), this.fields, compact);
		}
		else {
			this.incidents.forEachSince(from.minusDays(thresholds.lookbackDays()), compact);
			imported = new OfflineIngest.Read(replayed.size(), 0, List.of());
		}
		List<BacktestTransition> transitions = new Backtest(rules, thresholds).run(replayed, from, to);
		return ResponseEntity.ok(new BacktestReport(imported, from, to, transitions).json());
	}

}
