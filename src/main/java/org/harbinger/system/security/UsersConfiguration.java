package org.harbinger.system.security;

import java.nio.file.Path;

import org.harbinger.system.HarbingerProperties;
import org.harbinger.system.SharedConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users file, in every context: the web service signs people in with it, commands
 * leave it alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class UsersConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	Users users(SecurityProperties security, HarbingerProperties harbinger, PasswordEncoder encoder,
			SharedConfig shared) {
		Path file = (security.usersFile() != null) ? security.usersFile() : harbinger.configDir().resolve("users.yml");
		// Before the file is first read: the users and tokens in force on the other
		// nodes.
		shared.prepare(Users.SHARED_NAME, file);
		return new Users(file, encoder, shared);
	}

}
