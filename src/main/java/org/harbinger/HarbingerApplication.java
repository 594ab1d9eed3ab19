package org.harbinger;

import org.harbinger.cli.Cli;
import sun.misc.Signal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Harbinger: rules-based early warning for counter-terrorism and conflict analysts. */
@SpringBootApplication
@Modulithic(sharedModules = "system")
@ConfigurationPropertiesScan
public class HarbingerApplication {

	/**
	 * {@code serve} (the default) runs the service; other commands are listed by
	 * {@code help}.
	 */
	public static void main(String[] args) {
		// H2 looks every value bound to a statement up in a shared cache, to keep one
		// copy of
		// each; on an import that costs more than it saves (8% of the storing thread,
		// measured).
		if (System.getProperty("h2.objectCache") == null) {
			System.setProperty("h2.objectCache", "false");
		}
		int status = Cli.run(args, (serveArgs) -> {
			stopCleanlyOnTerm();
			SpringApplication.run(HarbingerApplication.class, serveArgs);
		});
		if (status >= 0) {
			System.exit(status);
		}
	}

	/**
	 * SIGTERM (systemd, Docker, {@code mvn spring-boot:run} stopping its child) runs the
	 * same shutdown as Ctrl-C, and a clean stop exits 0 rather than the JVM's 143, which
	 * tools read as a failure.
	 */
	private static void stopCleanlyOnTerm() {
		try {
			Signal.handle(new Signal("TERM"), (signal) -> new Thread(() -> System.exit(0), "sigterm").start());
		}
		catch (IllegalArgumentException ex) {
			// No SIGTERM here (or the JVM reserves it, -Xrs): the JVM's own handling
			// stays.
		}
	}

}
