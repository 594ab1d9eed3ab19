package org.harbinger.incident;

import org.harbinger.system.EditableFiles;
import org.harbinger.system.HarbingerProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

	@Bean
	ActorAliases actorAliases(HarbingerProperties properties) {
		return ActorAliases.load(EditableFiles.read(properties.configDir(), "config", "actors.yml"));
	}

	@Bean
	IncidentFields incidentFields(ActorAliases aliases, DefaultGrade grade) {
		return new IncidentFields(aliases, grade.defaultReliability(), grade.defaultCredibility());
	}

}
