package org.harbinger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole services for the tests that stop and start them: each on its own copy of the
 * shipped configuration, so no test edits a file in the repository.
 */
public final class TestServices {

	/** The shipped configuration files a service reads from its config folder. */
	private static final List<String> CONFIG = List.of("thresholds.yml", "actors.yml", "subscriptions.yml",
			"sources.yml");

	private TestServices() {
	}

	/** {@code dir}/config, a copy of the shipped files the first time. */
	public static Path config(Path dir) throws IOException {
		Path config = dir.resolve("config");
		if (!Files.isDirectory(config)) {
			Files.createDirectories(config);
			for (String file : CONFIG) {
				Files.copy(Path.of("config", file), config.resolve(file));
			}
		}
		return config;
	}

	/**
	 * A service on an H2 file database under {@code dir} (so that a restart finds what
	 * the last run stored), demo off, the clock pinned at {@code clock}, Quartz, the
	 * inbox and the file watches off: the test moves everything itself.
	 */
	public static ConfigurableApplicationContext onH2File(Path dir, String schedulerName, LocalDate clock)
			throws IOException {
		return onH2File(dir, schedulerName, clock, List.of());
	}

	/**
	 * As above, with settings that replace the defaults above
	 * ({@code --spring.quartz.auto-startup=true}).
	 */
	public static ConfigurableApplicationContext onH2File(Path dir, String schedulerName, LocalDate clock,
			List<String> settings) throws IOException {
		Path config = config(dir);
		List<String> args = new ArrayList<>(settings);
		for (String base : defaults(dir, config, schedulerName, clock)) {
			String key = base.substring(0, base.indexOf('=') + 1);
			if (settings.stream().noneMatch((setting) -> setting.startsWith(key))) {
				args.add(base);
			}
		}
		return new SpringApplicationBuilder(HarbingerApplication.class).run(args.toArray(String[]::new));
	}

	private static List<String> defaults(Path dir, Path config, String schedulerName, LocalDate clock) {
		return List.of("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "/harbinger",
				"--spring.quartz.auto-startup=false", "--spring.quartz.scheduler-name=" + schedulerName,
				"--harbinger.demo.enabled=false", "--harbinger.clock.fixed-date=" + clock,
				"--harbinger.inbox.enabled=false", "--harbinger.reload.enabled=false",
				"--harbinger.subscriptions.poll=0", "--harbinger.config-dir=" + config,
				"--harbinger.security.users-file=" + config.resolve("users.yml"),
				"--harbinger.mail.eml-dir=" + dir.resolve("mail"));
	}

}
