package org.harbinger.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.harbinger.system.UserPasswords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code users reset-password NAME}: the way back in when a password is lost. */
@Command(name = "users", description = "Manage users in the users file: reset-password.",
		synopsisSubcommandLabel = "reset-password")
final class UsersCommand {

	/**
	 * Sets a new password in {@code config/users.yml} (the file the service reads,
	 * re-read within seconds while it runs), under the users API's rule. The password is
	 * read from the console, typed twice and not shown, or as one line from standard
	 * input.
	 */
	@Command(name = "reset-password", description = { "Set a new password for a user, in the users file.",
			"Read from the console (typed twice, not shown), or one line from standard input with --password-stdin.",
			"Works whether or not the service runs: it re-reads the file within seconds." },
			exitCodeListHeading = Cli.EXIT_CODES_HEADING, exitCodeList = { "0:the password was changed",
					"1:refused: no such user, or the password breaks the rule", Cli.EXIT_USAGE })
	static final class ResetPassword implements Callable<Integer> {

		private final InputStream in;

		private final PrintStream out;

		private final PrintStream err;

		private final Supplier<Console> console;

		@Parameters(paramLabel = "NAME", description = "The user, e.g. admin.")
		private String name;

		@Option(names = "--password-stdin", description = "Read the password as one line from standard input.")
		private boolean stdin;

		@Option(names = "--users-file", paramLabel = "FILE", defaultValue = "config/users.yml",
				description = "The users file (default: ${DEFAULT-VALUE}, as harbinger.security.users-file).")
		private Path file;

		ResetPassword(InputStream in, PrintStream out, PrintStream err, Supplier<Console> console) {
			this.in = in;
			this.out = out;
			this.err = err;
			this.console = console;
		}

		@Override
		public Integer call() throws IOException {
			String password = this.stdin ? fromStandardInput() : fromConsole();
			if (password == null) {
				return 1;
			}
			try {
				UserPasswords.reset(this.file, this.name, password);
			}
			catch (IllegalArgumentException ex) {
				this.err.println("users reset-password: " + ex.getMessage());
				return 1;
			}
			this.out.println("Password of '" + this.name + "' changed in " + this.file
					+ "; a running service takes it within seconds.");
			return 0;
		}

		private String fromStandardInput() throws IOException {
			String line = new BufferedReader(new InputStreamReader(this.in, StandardCharsets.UTF_8)).readLine();
			if (line == null) {
				this.err.println("users reset-password: --password-stdin read nothing");
			}
			return line;
		}

		private String fromConsole() {
			Console terminal = this.console.get();
			if (terminal == null) {
				throw new UsageException("no console to read the password from: type it in a terminal, "
						+ "or pipe it with --password-stdin");
			}
			char[] first = terminal.readPassword("New password for %s: ", this.name);
			if (first == null) {
				return null;
			}
			String problem = UserPasswords.problem(new String(first));
			if (problem != null) {
				this.err.println("users reset-password: the password " + problem);
				return null;
			}
			char[] again = terminal.readPassword("Again: ");
			boolean same = Arrays.equals(first, again);
			String password = new String(first);
			Arrays.fill(first, ' ');
			if (again != null) {
				Arrays.fill(again, ' ');
			}
			if (!same) {
				this.err.println("users reset-password: the two passwords differ; nothing changed");
				return null;
			}
			return password;
		}

	}

}
