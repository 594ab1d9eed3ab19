package org.harbinger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Security for the shared end-to-end context: the test users file is copied to
 * {@value #USERS_FILE} before the context starts (so the users API cannot change the
 * source copy), and MockMvc calls run as a user holding every role, with a CSRF token,
 * unless a test says otherwise ({@code .with(httpBasic(..))},
 * {@code .with(anonymous())}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class E2eSecurity {

	public static final String USERS_FILE = "target/e2e/users.yml";

	@Bean
	static BeanFactoryPostProcessor e2eUsersFile() {
		return (beanFactory) -> {
			try {
				Files.createDirectories(Path.of(USERS_FILE).getParent());
				Files.copy(Path.of("src/test/resources/e2e/users.yml"), Path.of(USERS_FILE),
						StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	@Bean
	MockMvcBuilderCustomizer everyRoleByDefault() {
		return (builder) -> builder
			.defaultRequest(get("/").with(csrf()).with(user("e2e").roles("ANALYST", "RULE_AUTHOR", "ADMIN", "INGEST")));
	}

}
