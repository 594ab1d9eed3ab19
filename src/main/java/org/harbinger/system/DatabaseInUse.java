package org.harbinger.system;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A second service in the same folder, or a command while the service runs, finds the H2
 * file locked: one line saying what holds it (from the note {@link H2File} leaves), not
 * H2's trace.
 */
public class DatabaseInUse extends AbstractFailureAnalyzer<SQLException> {

	/** H2's "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
	private static final int ALREADY_OPEN = 90020;

	private static final Pattern FILE = Pattern.compile("\"([^\"]+?)(\\.mv\\.db)?\"");

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		return describe(rootFailure)
			.map((message) -> new FailureAnalysis("Harbinger cannot start: " + message,
					"Stop it first, or give this one another database (spring.datasource.url).", cause))
			.orElse(null);
	}

	/**
	 * "the database /srv/var/db/harbinger is in use by the Harbinger service (pid 4242,
	 * port 8080, ...)".
	 */
	public static Optional<String> describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == ALREADY_OPEN) {
				Matcher file = FILE.matcher(String.valueOf(sql.getMessage()));
				if (!file.find()) {
					return Optional.of("the database is in use by another process (a running service or command)");
				}
				Path base = Path.of(file.group(1));
				return Optional.of("the database " + base + " is in use by "
						+ H2File.holder(base).orElse("another process (a running service or command)"));
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return Optional.empty();
	}

}
