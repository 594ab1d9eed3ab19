package org.harbinger.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Commands print their results on standard output, so the libraries' logging goes to
 * standard error, warnings only.
 */
final class CliLogging {

	private CliLogging() {
	}

	static void toStandardError() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return;
		}
		context.reset();
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("%level %logger{20}: %msg%n");
		encoder.start();
		ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
		appender.setContext(context);
		appender.setTarget("System.err");
		appender.setEncoder(encoder);
		appender.start();
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.WARN);
		root.addAppender(appender);
		// A context that fails to start is reported by the command in one line (Cli);
		// Spring's
		// warning, its failure report and its trace would say the same in a hundred.
		for (String name : new String[] { "org.springframework.context.annotation.AnnotationConfigApplicationContext",
				"org.springframework.boot.SpringApplication",
				"org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter",
				// "H2 is newer than Flyway has been verified with": nothing a user can
				// act on.
				"org.flywaydb.core.internal.database.base.Database" }) {
			context.getLogger(name).setLevel(Level.OFF);
		}
	}

	/** Lets one logger's information through as well: a bench that reports its lines. */
	static void information(String name) {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			context.getLogger(name).setLevel(Level.INFO);
		}
	}

}
