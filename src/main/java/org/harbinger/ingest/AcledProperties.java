package org.harbinger.ingest;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.quartz.CronExpression;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ACLED connector's settings ({@code harbinger.acled.*}; docs/acled.md). The username
 * and password are also read from {@code ACLED_USERNAME} and {@code ACLED_PASSWORD};
 * without both there is no scheduled pull. {@link #toString()} leaves the password out,
 * so that nothing that prints the settings prints it.
 *
 * @param baseUrl where ACLED's API lives: {@code /oauth/token}, {@code /api/acled/read},
 * {@code /api/deleted/read}
 * @param username the myACLED account's e-mail address
 * @param password the myACLED account's password
 * @param countries the countries pulled; empty pulls every country
 * @param since the first event date of a first load; unset, a year before the day of the
 * first pull
 * @param cron when the scheduled pull runs (Quartz, UTC)
 * @param pageSize rows asked per page ({@code limit}); a shorter page is the last
 * @param overlap how far before the last pull's newest {@code timestamp} the next pull
 * asks from
 * @param maxAttempts how many times a call answered 429, 5xx or not at all is made before
 * the pull fails
 * @param firstBackoff the wait after the first such answer, doubled after each
 * @param maxBackoff the longest wait, also for a server's {@code Retry-After}
 * @param timeout how long one call may take
 */
@ConfigurationProperties("harbinger.acled")
public record AcledProperties(@DefaultValue("https://acleddata.com") URI baseUrl, String username, String password,
		@DefaultValue List<String> countries, LocalDate since, @DefaultValue("0 0 5 * * ?") String cron,
		@DefaultValue("5000") int pageSize, @DefaultValue("7d") Duration overlap, @DefaultValue("6") int maxAttempts,
		@DefaultValue("2s") Duration firstBackoff, @DefaultValue("5m") Duration maxBackoff,
		@DefaultValue("60s") Duration timeout) {

	public AcledProperties {
		if (!CronExpression.isValidExpression(cron)) {
			throw new IllegalArgumentException("harbinger.acled.cron: '" + cron
					+ "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. 0 0 5 * * ?)");
		}
		if (pageSize < 1) {
			throw new IllegalArgumentException("harbinger.acled.page-size: " + pageSize + " is less than 1");
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("harbinger.acled.max-attempts: " + maxAttempts + " is less than 1");
		}
		if (overlap.isNegative()) {
			throw new IllegalArgumentException("harbinger.acled.overlap: " + overlap + " is negative");
		}
		countries = countries.stream().map(String::trim).filter((country) -> !country.isEmpty()).toList();
	}

	/** Whether both credentials are set: only then is there a scheduled pull. */
	public boolean configured() {
		return this.username != null && !this.username.isBlank() && this.password != null && !this.password.isBlank();
	}

	/** The same settings against another server, for tests and trials. */
	AcledProperties withBaseUrl(URI url) {
		return new AcledProperties(url, this.username, this.password, this.countries, this.since, this.cron,
				this.pageSize, this.overlap, this.maxAttempts, this.firstBackoff, this.maxBackoff, this.timeout);
	}

	@Override
	public String toString() {
		return "AcledProperties[baseUrl=" + this.baseUrl + ", username=" + this.username + ", password="
				+ ((this.password == null || this.password.isEmpty()) ? "(unset)" : "(set)") + ", countries="
				+ this.countries + ", since=" + this.since + ", cron=" + this.cron + ", pageSize=" + this.pageSize
				+ ", overlap=" + this.overlap + ", maxAttempts=" + this.maxAttempts + ", firstBackoff="
				+ this.firstBackoff + ", maxBackoff=" + this.maxBackoff + ", timeout=" + this.timeout + "]";
	}

}
