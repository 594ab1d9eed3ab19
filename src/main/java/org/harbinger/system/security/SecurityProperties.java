package org.harbinger.system.security;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where users and tokens live: {@code harbinger.security.users-file}, by default
 * {@code users.yml} in the config folder.
 */
@ConfigurationProperties("harbinger.security")
record SecurityProperties(Path usersFile) {
}
