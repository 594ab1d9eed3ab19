package org.harbinger.engine;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The event-time clock. Live, {@code Today} is the date in {@code zone}; a
 * {@code fixed-date} pins it, for the demo or for looking back at a past period.
 */
@ConfigurationProperties("harbinger.clock")
record ClockProperties(@DefaultValue("UTC") ZoneId zone, LocalDate fixedDate) {

	LocalDate today() {
		return (this.fixedDate != null) ? this.fixedDate : LocalDate.now(this.zone);
	}

}
