package org.harbinger.threshold;

import java.util.Map;

import org.harbinger.engine.ThresholdSet;
import org.harbinger.engine.ThresholdSource;
import org.harbinger.engine.ThresholdType;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.HarbingerProperties;
import org.harbinger.system.SharedConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ThresholdConfiguration {

	/**
	 * config/thresholds.yml, which the engine's reloader watches and reads against the
	 * rules it loads.
	 */
	@Bean
	ThresholdSource thresholdSource(HarbingerProperties properties, SharedConfig shared) {
		// Before the engine first reads the file: the version in force on the other
		// nodes.
		shared.prepare(ThresholdChanges.AUDIT_FILE, properties.configDir().resolve(ThresholdChanges.FILE));
		return new ThresholdSource() {
			@Override
			public EditableFiles.Text current() {
				return EditableFiles.read(properties.configDir(), "config", "thresholds.yml");
			}

			@Override
			public ThresholdSet parse(EditableFiles.Text file, Map<String, ThresholdType> schema) {
				return ThresholdsFile.read(file, schema);
			}
		};
	}

}
