package org.harbinger.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the files that people edit live, relative to the working directory, and the
 * address readers reach the service at ({@code public-url}; none: {@link PublicUrl}
 * follows the port). {@code dashboard-url} is the older name of {@code public-url}, still
 * read when that is unset.
 */
@ConfigurationProperties("harbinger")
public record HarbingerProperties(@DefaultValue("rules") Path rulesDir, @DefaultValue("config") Path configDir,
		@DefaultValue("templates") Path templatesDir, String publicUrl, String dashboardUrl) {
}
