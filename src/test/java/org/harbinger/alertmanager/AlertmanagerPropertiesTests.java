package org.harbinger.alertmanager;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code harbinger.alertmanager.*} as an administrator writes it: a list, off when empty,
 * wrong values named.
 */
class AlertmanagerPropertiesTests {

	@Test
	void noUrlsMeansNoPushAndACommaSeparatedListIsSeveralAlertmanagers() {
		assertThat(bind(Map.of()).enabled()).isFalse();
		assertThat(bind(Map.of("harbinger.alertmanager.urls", "http://am-1:9093, http://am-2:9093/prefix")).urls())
			.extracting(Object::toString)
			.containsExactly("http://am-1:9093", "http://am-2:9093/prefix");
	}

	@Test
	void anAddressThatIsNotHttpIsRefusedNamingItsPlaceInTheList() {
		assertThatThrownBy(() -> bind(Map.of("harbinger.alertmanager.urls", "http://am-1:9093,am-2:9093"))).rootCause()
			.hasMessage(
					"harbinger.alertmanager.urls[1]: 'am-2:9093' is not an http(s) address such as http://alertmanager:9093");
		assertThatThrownBy(() -> bind(Map.of("harbinger.alertmanager.interval", "0s"))).rootCause()
			.hasMessage("harbinger.alertmanager.interval must be positive, was PT0S");
	}

	private static AlertmanagerProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("harbinger.alertmanager",
				Bindable.of(AlertmanagerProperties.class));
	}

}
