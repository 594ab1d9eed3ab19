package org.harbinger.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * An H2 database in a file, which one process opens at a time. Two things follow: H2 must
 * not close it from its own JVM shutdown hook while the scheduler, the outbox sender, the
 * engine and the inbox still stop (the pool closes it, last); and a process that finds it
 * locked should be told who holds it, so the holder leaves a one-line note beside the
 * file while it runs.
 */
@Configuration(proxyBeanMethods = false)
public class H2File {

	/** The note beside {@code harbinger.mv.db}: {@code harbinger.in-use}. */
	static final String NOTE = ".in-use";

	/**
	 * Set by the command line to say which command holds the database; the service by
	 * default.
	 */
	public static final String HOLDER = "harbinger.database-holder";

	private static final Logger logger = LoggerFactory.getLogger(H2File.class);

	private final Environment environment;

	private volatile Path note;

	H2File(Environment environment) {
		this.environment = environment;
	}

	/**
	 * The database's base path ({@code var/db/harbinger}) for a file URL:
	 * {@code jdbc:h2:file:}, {@code jdbc:h2:./x} or {@code jdbc:h2:/x}; none for memory,
	 * server or other databases.
	 */
	public static Optional<Path> path(String url) {
		if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
			return Optional.empty();
		}
		String rest = url.substring(8);
		int semicolon = rest.indexOf(';');
		rest = (semicolon < 0) ? rest : rest.substring(0, semicolon);
		String lower = rest.toLowerCase(Locale.ROOT);
		if (lower.startsWith("file:")) {
			rest = rest.substring(5);
		}
		else if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
				|| lower.startsWith("zip:")
				|| !(rest.startsWith(".") || rest.startsWith("/") || rest.startsWith("~"))) {
			return Optional.empty();
		}
		if (rest.startsWith("~")) {
			rest = System.getProperty("user.home") + rest.substring(1);
		}
		return Optional.of(Path.of(rest).toAbsolutePath().normalize());
	}

	/**
	 * {@code DB_CLOSE_ON_EXIT=FALSE} on every H2 file URL: otherwise H2's shutdown hook
	 * closes the database while the context is still stopping, and a job or the sender
	 * that was finishing logs "Database is already closed".
	 */
	@Bean
	static BeanPostProcessor h2ClosesWithThePool() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool && path(pool.getJdbcUrl()).isPresent()
						&& !pool.getJdbcUrl().toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
					pool.setJdbcUrl(pool.getJdbcUrl() + ";DB_CLOSE_ON_EXIT=FALSE");
				}
				return bean;
			}
		};
	}

	/** Once running, leaves who holds the database beside it. */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		path(this.environment.getProperty("spring.datasource.url")).ifPresent((base) -> {
			Path file = note(base);
			String port = this.environment.getProperty("local.server.port");
			String holder = this.environment.getProperty(HOLDER, "the Harbinger service") + " (pid "
					+ ProcessHandle.current().pid() + ((port != null) ? ", port " + port : "") + ", started "
					+ Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")";
			try {
				Files.writeString(file, holder + System.lineSeparator());
				this.note = file;
			}
			catch (IOException ex) {
				logger.debug("Could not leave a note beside the database at {}", file, ex);
			}
		});
	}

	@EventListener(ContextClosedEvent.class)
	void stopped() {
		Path file = this.note;
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.debug("Could not remove {}", file, ex);
			}
		}
	}

	/** What the note beside the database says, if its process still runs. */
	static Optional<String> holder(Path base) {
		Path file = note(base);
		try {
			String text = Files.readString(file).strip();
			int pid = text.indexOf("(pid ");
			if (pid >= 0) {
				String digits = text.substring(pid + 5).replaceAll("[^0-9].*", "");
				if (!digits.isEmpty() && ProcessHandle.of(Long.parseLong(digits)).isEmpty()) {
					return Optional.empty();
				}
			}
			return text.isEmpty() ? Optional.empty() : Optional.of(text);
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Path note(Path base) {
		return base.resolveSibling(base.getFileName() + NOTE);
	}

}
