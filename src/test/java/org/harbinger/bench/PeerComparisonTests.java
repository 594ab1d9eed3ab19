package org.harbinger.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.harbinger.alert.TransitionKind;
import org.harbinger.backtest.BacktestTransition;
import org.harbinger.engine.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeerComparisonTests {

	private static final LocalDate DAY = LocalDate.of(2022, 4, 26);

	@Test
	void theSameTransitionsInAnotherOrderAgreeWhateverTheirDetail() {
		List<BacktestTransition> engine = List.of(fired("cross-border-fire", "Uzbekistan", Severity.WARNING, "UZB1"),
				fired("sectarian-attack", "Afghanistan", Severity.CRITICAL, "AFG1", "AFG2"));
		List<BacktestTransition> peer = List.of(
				fired("sectarian-attack", "Afghanistan", Severity.CRITICAL, "AFG2", "AFG1"),
				fired("cross-border-fire", "Uzbekistan", Severity.WARNING, "UZB1"));

		assertThat(PeerComparison.differences(engine, peer, Set.of("cross-border-fire", "sectarian-attack"))).isEmpty();
	}

	@Test
	void anotherSeverityEvidenceOrMissingTransitionIsADifference() {
		List<BacktestTransition> engine = List.of(fired("cross-border-fire", "Uzbekistan", Severity.WARNING, "UZB1"),
				fired("sectarian-attack", "Afghanistan", Severity.CRITICAL, "AFG1"),
				fired("new-province", "Afghanistan/Bamyan", Severity.WARNING, "AFG3"));
		List<BacktestTransition> peer = List.of(fired("cross-border-fire", "Uzbekistan", Severity.CRITICAL, "UZB1"),
				fired("sectarian-attack", "Afghanistan", Severity.CRITICAL, "AFG1", "AFG2"));

		assertThat(PeerComparison.differences(engine, peer,
				Set.of("cross-border-fire", "sectarian-attack", "new-province")))
			.containsExactly("peer only: 2022-04-26 cross-border-fire Uzbekistan FIRED CRITICAL [UZB1]",
					"engine only: 2022-04-26 cross-border-fire Uzbekistan FIRED WARNING [UZB1]",
					"engine only: 2022-04-26 new-province Afghanistan/Bamyan FIRED WARNING [AFG3]",
					"peer only: 2022-04-26 sectarian-attack Afghanistan FIRED CRITICAL [AFG1, AFG2]",
					"engine only: 2022-04-26 sectarian-attack Afghanistan FIRED CRITICAL [AFG1]");
	}

	@Test
	void onlyTheIndicatorsThePeerCoversAreCompared() {
		List<BacktestTransition> engine = List.of(fired("threat-level", "Afghanistan", Severity.WARNING));

		assertThat(PeerComparison.differences(engine, List.of(), Set.of("cross-border-fire"))).isEmpty();
		assertThat(PeerComparison.differences(engine, List.of(), Set.of("threat-level"))).hasSize(1);
	}

	private static BacktestTransition fired(String indicator, String scope, Severity severity, String... evidence) {
		return new BacktestTransition(DAY, indicator, scope, severity, TransitionKind.FIRED, List.of(evidence),
				"detail " + evidence.length, null);
	}

}
