package org.harbinger.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the files that people edit live, relative to the working directory. */
@ConfigurationProperties("harbinger")
public record HarbingerProperties(@DefaultValue("rules") Path rulesDir, @DefaultValue("config") Path configDir,
		@DefaultValue("templates") Path templatesDir, @DefaultValue("http://localhost:8080") String dashboardUrl) {
}
