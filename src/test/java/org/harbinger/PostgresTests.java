package org.harbinger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.harbinger.alert.Alert;
import org.harbinger.alert.AlertRepository;
import org.harbinger.engine.EngineHost;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * The production profile on a real PostgreSQL (embedded, from Maven Central): the Flyway
 * migrations, Quartz's PostgreSQL delegate in clustered mode, and the demo's flow.
 */
@SpringBootTest(properties = { "spring.quartz.scheduler-name=postgres", "spring.quartz.auto-startup=false",
		"harbinger.inbox.enabled=false" })
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
@Import(E2eSecurity.class)
@DirtiesContext
class PostgresTests {

	@Autowired
	private EngineHost engine;

	@Autowired
	private AlertRepository alerts;

	@Autowired
	private Scheduler scheduler;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) throws Exception {
		Path mail = Files.createTempDirectory("harbinger-pg-mail");
		registry.add("harbinger.mail.eml-dir", mail::toString);
		registry.add("harbinger.security.users-file",
				() -> mail.resolveSibling(mail.getFileName() + "-users.yml").toString());
	}

	/**
	 * The server lives as long as the context: the pool closes before the server stops.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Database {

		@Bean(destroyMethod = "close")
		EmbeddedPostgres embeddedPostgres() throws Exception {
			return EmbeddedPostgres.start();
		}

		@Bean
		DataSource dataSource(EmbeddedPostgres postgres) {
			return DataSourceBuilder.create()
				.url(postgres.getJdbcUrl("postgres", "postgres"))
				.username("postgres")
				.build();
		}

	}

	@Test
	void theDemoRunsOnPostgresqlWithQuartzClustered() throws Exception {
		this.engine.today();
		List<Alert> open = this.alerts
			.find(new AlertRepository.Filter(Alert.Status.OPEN, "cross-border-fire", null, null));
		assertThat(open).extracting(Alert::scope).containsExactlyInAnyOrder("Uzbekistan", "Tajikistan");

		this.mvc.perform(post("/api/subscriptions/demo-all/digest")).andExpect(jsonPath("$.status").value("SENT"));
		// The outbox on PostgreSQL: its health, an administrator's resend, the sender
		// registered.
		this.mvc.perform(get("/actuator/health"))
			.andExpect(jsonPath("$.components.outbox.status").value("UP"))
			.andExpect(jsonPath("$.components.outbox.details.undelivered").value(0));
		this.mvc.perform(post("/api/outbox/resend-undelivered")).andExpect(jsonPath("$.resent").value(0));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT COUNT(*) FROM outbox_sender").query(Long.class).single() == 1);

		this.scheduler.start();
		assertThat(this.scheduler.getMetaData().isJobStoreClustered()).isTrue();
		assertThat(this.scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
		assertThat(this.scheduler.getJobGroupNames()).contains("digest", "engine", "mail");
		this.scheduler.standby();
	}

}
