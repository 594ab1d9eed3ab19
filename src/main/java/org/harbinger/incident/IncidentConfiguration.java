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

	/** Read at start-up like the aliases: a stored grade is what the rules judged (docs/grading.md). */
	@Bean
	SourceGrades sourceGrades(HarbingerProperties properties) {
		return SourceGrades.load(EditableFiles.read(properties.configDir(), "config", "sources.yml"));
	}

	@Bean
	IncidentFields incidentFields(ActorAliases aliases, SourceGrades sources, DefaultGrade grade) {
		return new IncidentFields(aliases, new Grading(sources, grade.defaultReliability(), grade.defaultCredibility()));
	}

}
