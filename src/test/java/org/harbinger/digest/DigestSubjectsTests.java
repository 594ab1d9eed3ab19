package org.harbinger.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.harbinger.alert.Transition;
import org.harbinger.alert.TransitionKind;
import org.harbinger.engine.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigestSubjectsTests {

	private static final LocalDate DAY = LocalDate.of(2022, 5, 7);

	@Test
	void countsByKindAndSeverityAndNamesNeighboursByRegionWhenThereAreMany() {
		List<Transition> shown = List.of(step(TransitionKind.FIRED, Severity.CRITICAL, "Afghanistan/Kunar"),
				step(TransitionKind.FIRED, Severity.CRITICAL, "Uzbekistan"),
				step(TransitionKind.ESCALATED, Severity.CRITICAL, "Tajikistan"),
				step(TransitionKind.FIRED, Severity.WARNING, "Turkmenistan"),
				step(TransitionKind.RESOLVED, Severity.WARNING, "Afghanistan"));

		assertThat(DigestSubjects.subject(shown, 0, DAY, false))
			.isEqualTo("[Harbinger] 2 new CRITICAL, 1 new WARNING, 1 escalated, 1 resolved - Afghanistan, Central Asia"
					+ " - 7 May 2022");
	}

	@Test
	void namesFewCountriesThemselvesAndSaysWhatWasSilencedAndWhatIsAFlash() {
		List<Transition> shown = List.of(step(TransitionKind.FIRED, Severity.CRITICAL, "Uzbekistan"),
				step(TransitionKind.RETRACTED, Severity.WARNING, "Pakistan/Bajaur"));

		assertThat(DigestSubjects.subject(shown, 2, DAY, true)).isEqualTo(
				"[Harbinger] FLASH: 1 new CRITICAL, 1 retracted, 2 silenced - Pakistan, Uzbekistan - 7 May 2022");
	}

	@Test
	void shortensALongListOfPlaces() {
		assertThat(DigestSubjects.places(List.of("Afghanistan", "Pakistan", "Russia", "Iran", "global")))
			.isEqualTo("Afghanistan, Middle East, Pakistan and 2 more");
	}

	private static Transition step(TransitionKind kind, Severity severity, String scope) {
		return new Transition(1, 1, "cross-border-fire", scope, kind, severity, null, DAY, List.of(), "", Instant.now(),
				List.of(), null);
	}

}
