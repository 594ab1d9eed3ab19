package org.harbinger;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one shared end-to-end context: in-memory H2 through Flyway, the shipped rules and
 * thresholds, the test subscriptions, SMTP on GreenMail's test port 3025, Quartz and the
 * outbox's sender thread not started (tests drive jobs' work and dispatch directly), the
 * test users (see {@link E2eSecurity}). Every class with this annotation reuses it. Every
 * test context names its own Quartz scheduler: Quartz keeps each scheduler's data source
 * in a JVM-wide registry by that name, so a context closing would otherwise close
 * another's connections.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1", "spring.quartz.scheduler-name=e2e",
				"spring.quartz.auto-startup=false", "harbinger.demo.enabled=false",
				"harbinger.clock.fixed-date=2022-04-01", "harbinger.inbox.enabled=false",
				"harbinger.mail.sender-enabled=false", "harbinger.security.users-file=" + E2eSecurity.USERS_FILE,
				"harbinger.config-dir=src/test/resources/e2e", "spring.mail.host=localhost", "spring.mail.port=3025" })
@AutoConfigureMockMvc
@Import(E2eSecurity.class)
public @interface EndToEndTest {

}
