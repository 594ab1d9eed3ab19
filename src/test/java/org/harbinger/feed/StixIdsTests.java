package org.harbinger.feed;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * UUIDv5 as RFC 9562 defines it: the values Python's uuid.uuid5 gives for the same names.
 */
class StixIdsTests {

	@Test
	void namesTheSameUuidAsOtherImplementations() {
		UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
		assertThat(StixIds.uuid5(dns, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
		assertThat(StixIds.id("identity", "harbinger")).isEqualTo("identity--9c6a451b-ea32-571a-9dfa-383bd7b369cd");
		assertThat(StixIds.uuid5(StixIds.NAMESPACE, "Ünïcode ✓")).hasToString("88b88de2-02aa-5266-b73a-b0cf37c594b9");
	}

	@Test
	void isVersionFiveOfTheRfcVariant() {
		UUID id = StixIds.uuid5(StixIds.NAMESPACE, "alert:cross-border-fire:Uzbekistan");
		assertThat(id.version()).isEqualTo(5);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id).hasToString("9e5ae530-ef79-57ba-ad92-d00a51c2c6bd");
	}

}
