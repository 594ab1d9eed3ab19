package org.harbinger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Harbinger: rules-based early warning for counter-terrorism and conflict analysts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HarbingerApplication {

	public static void main(String[] args) {
		SpringApplication.run(HarbingerApplication.class, args);
	}

}
