package org.harbinger.threshold;

import org.harbinger.engine.RuleBase;
import org.harbinger.engine.ThresholdSet;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.HarbingerProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ThresholdConfiguration {

	/** The values in force, checked against what the compiled rules declare. */
	@Bean
	ThresholdSet thresholdSet(HarbingerProperties properties, RuleBase rules) {
		return ThresholdsFile.read(EditableFiles.read(properties.configDir(), "config", "thresholds.yml"), rules.thresholdSchema());
	}

}
