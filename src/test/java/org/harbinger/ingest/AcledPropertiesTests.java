package org.harbinger.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The connector's settings: a bad value names its key; printing them never prints the
 * password.
 */
class AcledPropertiesTests {

	@Test
	void theSettingsTextNamesThePasswordSetButNeverShowsIt() {
		AcledProperties settings = settings("desk@analysis.test", "a long secret phrase", "0 0 5 * * ?", 5000);

		assertThat(settings.toString()).contains("username=desk@analysis.test", "password=(set)")
			.doesNotContain("a long secret phrase");
		assertThat(settings.configured()).isTrue();
	}

	@Test
	void withoutBothCredentialsThereIsNoConnection() {
		assertThat(settings("desk@analysis.test", "", "0 0 5 * * ?", 5000).configured()).isFalse();
		assertThat(settings(null, "secret", "0 0 5 * * ?", 5000).configured()).isFalse();
		assertThat(settings(null, null, "0 0 5 * * ?", 5000).toString()).contains("password=(unset)");
	}

	@Test
	void aBadCronOrPageSizeIsRefusedNamingItsKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings("u", "p", "daily", 5000))
			.withMessageStartingWith("harbinger.acled.cron: 'daily' is not a Quartz cron expression");
		assertThatIllegalArgumentException().isThrownBy(() -> settings("u", "p", "0 0 5 * * ?", 0))
			.withMessageStartingWith("harbinger.acled.page-size: 0 is less than 1");
	}

	private static AcledProperties settings(String username, String password, String cron, int pageSize) {
		return new AcledProperties(URI.create("https://acleddata.com"), username, password,
				List.of(" Afghanistan ", ""), null, cron, pageSize, Duration.ofDays(7), 6, Duration.ofSeconds(2),
				Duration.ofMinutes(5), Duration.ofSeconds(60));
	}

}
