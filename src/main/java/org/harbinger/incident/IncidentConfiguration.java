package org.harbinger.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harbinger.system.ConfigFileException;
import org.harbinger.system.EditableFiles;
import org.harbinger.system.HarbingerProperties;
import org.harbinger.system.YamlFiles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IncidentConfiguration {

	@Bean
	ActorAliases actorAliases(HarbingerProperties properties) {
		return load(EditableFiles.read(properties.configDir(), "config", "actors.yml"));
	}

	@Bean
	IncidentFields incidentFields(ActorAliases aliases, IngestProperties properties) {
		return new IncidentFields(aliases, properties.defaultReliability(), properties.defaultCredibility());
	}

	static ActorAliases load(EditableFiles.Text file) {
		Map<String, Object> yaml = YamlFiles.load(file);
		return new ActorAliases(aliasLists(file, yaml, "groups"), aliasLists(file, yaml, "targets"),
				stringMap(file, yaml, "target-tags"));
	}

	private static Map<String, List<String>> aliasLists(EditableFiles.Text file, Map<String, Object> yaml, String key) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		if (!(yaml.getOrDefault(key, Map.of()) instanceof Map<?, ?> section)) {
			throw new ConfigFileException(file.location(), List.of(key + ": expected a map of name to aliases"));
		}
		section.forEach((name, aliases) -> {
			if (!(aliases instanceof List<?> list)) {
				throw new ConfigFileException(file.location(), List.of(key + "." + name + ": expected a list of aliases"));
			}
			result.put(String.valueOf(name), list.stream().map(String::valueOf).toList());
		});
		return result;
	}

	private static Map<String, String> stringMap(EditableFiles.Text file, Map<String, Object> yaml, String key) {
		if (!(yaml.getOrDefault(key, Map.of()) instanceof Map<?, ?> section)) {
			throw new ConfigFileException(file.location(), List.of(key + ": expected a map of tag to target group"));
		}
		Map<String, String> result = new LinkedHashMap<>();
		section.forEach((tag, target) -> result.put(String.valueOf(tag), String.valueOf(target)));
		return result;
	}

}
