package org.harbinger.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.harbinger.system.H2File;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service without its schedules or inbox, for a command that works on its database
 * and engine: the same configuration, so an import lands where the service reads. Without
 * its web server too, unless the command calls it as its clients do
 * ({@code bench pages}).
 */
final class ServiceContext {

	private ServiceContext() {
	}

	static ConfigurableApplicationContext start(String command, Map<String, Object> overrides) {
		return start(command, overrides, WebApplicationType.NONE);
	}

	static ConfigurableApplicationContext start(String command, Map<String, Object> overrides, WebApplicationType web) {
		// Commands keep the quiet logging CliLogging set up; Boot would reset it to the
		// console.
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.quartz.auto-startup", "false");
		properties.put("harbinger.demo.enabled", "false");
		properties.put("harbinger.inbox.enabled", "false");
		// The service sends the outbox; a command must neither send nor take over its
		// claims.
		properties.put("harbinger.mail.sender-enabled", "false");
		properties.put("harbinger.ingest.resume-on-start", "false");
		properties.put("harbinger.reload.enabled", "false");
		// A command reads the files on this machine; only a running node shares them.
		properties.put("harbinger.cluster.config-poll", "0s");
		// Named beside the database while it runs, so a service started meanwhile says
		// who holds it.
		properties.put(H2File.HOLDER, "the command 'harbinger " + command + "'");
		properties.putAll(overrides);
		// The application's package as the source, not its class: the class starts the
		// command line.
		String root = ServiceContext.class.getPackageName()
			.substring(0, ServiceContext.class.getPackageName().lastIndexOf('.'));
		SpringApplication application = new SpringApplication();
		application.setSources(Set.of(root));
		application.setWebApplicationType(web);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		// As arguments, not default properties: those would yield to
		// config/application.yml.
		return application.run(properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new));
	}

}
