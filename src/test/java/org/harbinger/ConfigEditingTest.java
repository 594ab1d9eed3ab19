package org.harbinger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The shared context of the tests that change config files through the API and the admin
 * pages: like {@link EndToEndTest}, but its config dir is a fresh copy of the shipped
 * {@code config/thresholds.yml} and {@code config/subscriptions.yml} (and the test users)
 * in {@link #CONFIG_DIR}, so that no test edits a file in the repository, and its own
 * in-memory database. Every class with this annotation reuses it; each test changes only
 * its own keys and names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:config-editing;DB_CLOSE_DELAY=-1",
		"spring.quartz.scheduler-name=config-editing", "spring.quartz.auto-startup=false",
		"harbinger.demo.enabled=false", "harbinger.clock.fixed-date=2022-06-30", "harbinger.inbox.enabled=false",
		"harbinger.subscriptions.poll=200ms", "harbinger.config-dir=" + ConfigEditingTest.CONFIG_DIR,
		"harbinger.security.users-file=" + ConfigEditingTest.CONFIG_DIR + "/users.yml" })
@ContextConfiguration(initializers = ConfigEditingTest.FreshConfigDir.class)
@AutoConfigureMockMvc
@Import(ConfigEditingTest.Administrator.class)
public @interface ConfigEditingTest {

	String CONFIG_DIR = "target/config-editing";

	/**
	 * Who the MockMvc calls run as, unless a test says otherwise: the audit names her.
	 */
	String USER = "ada";

	/** MockMvc calls as {@link #USER}, holding every role, with a CSRF token. */
	@TestConfiguration(proxyBeanMethods = false)
	class Administrator {

		@Bean
		MockMvcBuilderCustomizer administratorByDefault() {
			return (builder) -> builder.defaultRequest(
					get("/").with(csrf()).with(user(USER).roles("ANALYST", "RULE_AUTHOR", "ADMIN", "INGEST")));
		}

	}

	/**
	 * Copies the shipped files into {@link #CONFIG_DIR} before the context reads them.
	 */
	class FreshConfigDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			copy(Path.of(CONFIG_DIR));
		}

		/** A fresh copy of the shipped thresholds and subscriptions in the folder. */
		public static void copy(Path dir) {
			try {
				if (Files.isDirectory(dir)) {
					try (Stream<Path> files = Files.walk(dir)) {
						for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
							Files.delete(file);
						}
					}
				}
				Files.createDirectories(dir);
				for (String name : new String[] { "thresholds.yml", "subscriptions.yml" }) {
					Files.copy(Path.of("config", name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
				}
				Files.copy(Path.of("src/test/resources/e2e/users.yml"), dir.resolve("users.yml"),
						StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
