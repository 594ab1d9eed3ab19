package org.harbinger.ingest;

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

	/**
	 * A broken config/sources.yml stops the start; later edits are watched
	 * ({@link SourcesWatch}).
	 */
	@Bean
	Grading grading(HarbingerProperties properties, DefaultGrade grade) {
		return new Grading(SourceGrades.load(EditableFiles.read(properties.configDir(), "config", "sources.yml")),
				grade.defaultReliability(), grade.defaultCredibility());
	}

	@Bean
	IncidentFields incidentFields(ActorAliases aliases, Grading grading) {
		return new IncidentFields(aliases, grading);
	}

}
