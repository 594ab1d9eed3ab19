package org.harbinger.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The command line: {@code serve} (the default: the service), {@code rules check},
 * {@code rules test}, {@code backtest} and {@code import}. Commands other than serve
 * print to standard output, report problems on standard error and return an exit status.
 */
public final class Cli {

	static final String USAGE = """
			Usage: java -jar target/harbinger.jar [command]
			  serve                      run the service (the default)
			  rules check [--rules DIR] [--thresholds FILE]
			                             compile the rules and check the thresholds; file:line:col: message per error
			  rules test [--rules DIR] [--thresholds FILE]
			                             run the scenario tests in DIR/tests/*.yaml
			  backtest --incidents FILE --from DATE --to DATE [--rules DIR] [--thresholds FILE] [--format json|text|html]
			                             replay a CSV day by day and report every transition
			  import FILE...             import ACLED or Harbinger CSV or JSON files into the service's database
			  generate --rows N --years Y --out FILE [--seed S] [--start DATE]
			                             write a synthetic ACLED export (the same file for the same arguments)
			  bench import [--rows N] [--years Y] [--seed S] [--warmup N] [--runs N] [--database URL] [--timeline]
			                             measure the import: parse only, then end to end into a fresh H2
			                             database, or the empty one at URL
			  help                       this text
			""";

	private Cli() {
	}

	/**
	 * Runs the command; returns its exit status, or -1 when the service was started and
	 * keeps running.
	 */
	public static int run(String[] args, Consumer<String[]> serve) {
		return run(args, serve, System.out, System.err);
	}

	static int run(String[] args, Consumer<String[]> serve, PrintStream out, PrintStream err) {
		if (args.length == 0 || args[0].startsWith("--") || args[0].equals("serve")) {
			serve.accept((args.length > 0 && args[0].equals("serve")) ? Arrays.copyOfRange(args, 1, args.length) : args);
			return -1;
		}
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		CliLogging.toStandardError();
		try {
			return switch (args[0]) {
				case "rules" -> RulesCommand.run(rest, out, err);
				case "backtest" -> BacktestCommand.run(rest, out, err);
				case "import" -> ImportCommand.run(rest, out, err);
				case "generate" -> GenerateCommand.run(rest, out, err);
				case "bench" -> BenchCommand.run(rest, out, err);
				case "help", "-h" -> {
					out.print(USAGE);
					yield 0;
				}
				default -> {
					err.println("Unknown command '" + args[0] + "'.");
					err.print(USAGE);
					yield 2;
				}
			};
		}
		catch (UsageException ex) {
			err.println(ex.getMessage());
			err.print(USAGE);
			return 2;
		}
	}

}
