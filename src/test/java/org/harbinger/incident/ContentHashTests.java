package org.harbinger.incident;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content hash stored with every incident: it must never change, or re-imports would
 * all look amended.
 */
class ContentHashTests {

	@Test
	void hashIsThatOfEachValuesTextWhateverItsType() {
		Random random = new Random(3);
		for (int i = 0; i < 10_000; i++) {
			Object[] values = { "AFG" + random.nextInt(100_000), LocalDate.ofEpochDay(random.nextInt(60_000)),
					random.nextInt(4), (random.nextBoolean() ? null : "Kabul"), random.nextInt(Integer.MAX_VALUE),
					(long) random.nextInt(5) * random.nextLong(Long.MAX_VALUE / 4), random.nextDouble() * 180 - 90,
					-random.nextInt(1000), Long.MAX_VALUE, 0, LocalDate.of(random.nextInt(20_000) - 5_000, 1, 1) };
			assertThat(ContentHash.of(values)).as("%s", (Object) values).isEqualTo(textHash(values));
		}
	}

	@Test
	void hashOfAKnownRowStaysTheSameAcrossVersions() {
		Object[] values = { "acled", "AFG1", LocalDate.of(2019, 1, 1), 1, "Political violence", null, 34.5749, 4,
				1546910379L };
		assertThat(ContentHash.of(values)).isEqualTo(textHash(values));
	}

	/**
	 * FNV-1a over String.valueOf of each value, each followed by 0x1f: the definition.
	 */
	private static long textHash(Object[] values) {
		long hash = 0xcbf29ce484222325L;
		for (Object value : values) {
			for (char c : String.valueOf(value).toCharArray()) {
				hash = (hash ^ c) * 0x100000001b3L;
			}
			hash = (hash ^ 0x1f) * 0x100000001b3L;
		}
		return hash;
	}

}
