package org.harbinger.alert;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SilenceTests {

	private static final Instant START = Instant.parse("2022-05-07T06:00:00Z");

	private static final Instant END = Instant.parse("2022-05-07T18:00:00Z");

	@Test
	void aPlainScopeCoversItselfAndWhatLiesUnderItOnly() {
		Silence afghanistan = silence("new-province", "Afghanistan");

		assertThat(afghanistan.matches("new-province", "Afghanistan")).isTrue();
		assertThat(afghanistan.matches("new-province", "Afghanistan/Kunar")).isTrue();
		assertThat(afghanistan.matches("new-province", "Afghanistani")).isFalse();
		assertThat(afghanistan.matches("attack-surge", "Afghanistan")).isFalse();
	}

	@Test
	void aStarMatchesAnythingAndATildeARegularExpressionOnTheWholeValue() {
		assertThat(silence("*", "Pakistan").matches("attack-surge", "Pakistan/Bajaur")).isTrue();
		Silence kunarOrNangarhar = silence("~(new-province|stronghold-reemergence)", "~Afghanistan/(Kunar|Nangarhar)");

		assertThat(kunarOrNangarhar.matches("stronghold-reemergence", "Afghanistan/Kunar")).isTrue();
		assertThat(kunarOrNangarhar.matches("new-province", "Afghanistan/Nangarhar")).isTrue();
		assertThat(kunarOrNangarhar.matches("new-province", "Afghanistan/Kunar/Asadabad")).isFalse();
		assertThat(kunarOrNangarhar.matches("new-province-2", "Afghanistan/Kunar")).isFalse();
	}

	@Test
	void isPendingThenActiveThenExpired() {
		Silence silence = silence("*", "Iran");

		assertThat(silence.state(START.minusSeconds(1))).isEqualTo(Silence.State.PENDING);
		assertThat(silence.state(START)).isEqualTo(Silence.State.ACTIVE);
		assertThat(silence.state(END.minusSeconds(1))).isEqualTo(Silence.State.ACTIVE);
		assertThat(silence.state(END)).isEqualTo(Silence.State.EXPIRED);
	}

	@Test
	void overlapsAFilterThatCoversItOrThatItCovers() {
		assertThat(silence("*", "Afghanistan/Kunar").overlapsScope("Afghanistan")).isTrue();
		assertThat(silence("*", "Afghanistan").overlapsScope("Afghanistan/Kunar")).isTrue();
		assertThat(silence("*", "Afghanistan").overlapsScope("Pakistan")).isFalse();
	}

	@Test
	void namesMalformedMatchers() {
		assertThat(Silence.problem("~(")).startsWith("'(' is not a regular expression");
		assertThat(Silence.problem(" ")).isNotNull();
		assertThat(Silence.problem("Afghanistan")).isNull();
	}

	private static Silence silence(String indicator, String scope) {
		return new Silence(1, indicator, scope, START, END, "admin", "test", START, "admin", START);
	}

}
