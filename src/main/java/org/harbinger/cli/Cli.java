package org.harbinger.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.harbinger.system.DatabaseInUse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line, on picocli: {@code serve} (the default: the service),
 * {@code rules check}, {@code rules test}, {@code backtest}, {@code import},
 * {@code acled pull}, {@code generate}, {@code bench import},
 * {@code users reset-password} and {@code completion}, each with {@code --help}. Commands
 * other than serve print to standard output, report problems on standard error and return
 * an exit status.
 */
@Command(name = "harbinger", description = "Rules-based early warning: the service and its tools.",
		synopsisSubcommandLabel = "[COMMAND]", exitCodeListHeading = Cli.EXIT_CODES_HEADING,
		exitCodeList = { Cli.EXIT_OK, Cli.EXIT_FOUND, Cli.EXIT_USAGE },
		footer = "%nWithout a command, or with only --name=value options, it runs the service (serve).")
public final class Cli {

	static final String EXIT_CODES_HEADING = "%nExit codes:%n";

	static final String EXIT_OK = "0:done, nothing found wrong";

	static final String EXIT_FOUND = "1:done, and something was wrong: a rule or threshold refused, a failed "
			+ "scenario, a refused row, a failed import or pull";

	static final String EXIT_USAGE = "2:the command line is wrong (unknown or missing option, bad value); the usage follows";

	static final int USAGE = 2;

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
		return run(args, serve, System.in, out, err);
	}

	static int run(String[] args, Consumer<String[]> serve, InputStream in, PrintStream out, PrintStream err) {
		if (serves(args)) {
			// Before picocli: the service's options are Spring Boot's, and its logging is
			// its own.
			serve
				.accept((args.length > 0 && args[0].equals("serve")) ? Arrays.copyOfRange(args, 1, args.length) : args);
			return -1;
		}
		CommandLine line = commandLine(serve, in, out, err);
		line.setExecutionStrategy((parseResult) -> {
			CliLogging.toStandardError();
			return new CommandLine.RunLast().execute(parseResult);
		});
		int status = line.execute(args);
		line.getOut().flush();
		line.getErr().flush();
		return status;
	}

	/**
	 * Every command, wired to these streams; {@code completion} writes its script from
	 * this tree.
	 */
	static CommandLine commandLine(Consumer<String[]> serve, InputStream in, PrintStream out, PrintStream err) {
		CommandLine line = new CommandLine(new Cli());
		line.addSubcommand(new ServeCommand(serve));
		line.addSubcommand(new RulesCommand(out, err));
		line.addSubcommand(new BacktestCommand(out, err));
		line.addSubcommand(new ImportCommand(out, err));
		line.addSubcommand(new AcledCommand(out, err));
		line.addSubcommand(new GenerateCommand(out));
		line.addSubcommand(new CommandLine(new BenchCommand()).addSubcommand(new BenchCommand.Import(out, err))
			.addSubcommand(new SurgeBenchCommand(out, err))
			.addSubcommand(new MemoryBenchCommand(out, err))
			.addSubcommand(new PeerBenchCommand(out, err))
			.addSubcommand(new PagesBenchCommand(out, err)));
		line.addSubcommand(new CommandLine(new UsersCommand())
			.addSubcommand(new UsersCommand.ResetPassword(in, out, err, System::console)));
		line.addSubcommand(new CompletionCommand());
		line.addSubcommand(new HelpCommand());
		addHelp(line);
		line.registerConverter(LocalDate.class, Cli::date);
		line.setOut(new PrintWriter(out, true));
		line.setErr(new PrintWriter(err, true));
		line.setParameterExceptionHandler(Cli::usageError);
		line.setExecutionExceptionHandler((ex, command, parseResult) -> {
			if (ex instanceof UsageException) {
				return usageError(new ParameterException(command, ex.getMessage(), ex),
						parseResult.originalArgs().toArray(String[]::new));
			}
			// On H2 one process opens the database at a time: say who, in one line, not
			// H2's trace.
			Optional<String> inUse = DatabaseInUse.describe(ex);
			if (inUse.isPresent()) {
				command.getErr()
					.println(command.getCommandSpec().qualifiedName() + ": " + inUse.get()
							+ "; stop it first, or use the service's API");
				return 1;
			}
			throw ex;
		});
		return line;
	}

	/** {@code -h} and {@code --help} on every command. */
	private static void addHelp(CommandLine line) {
		if (!line.getCommandSpec().optionsMap().containsKey("--help")) {
			line.getCommandSpec()
				.addOption(OptionSpec.builder("-h", "--help")
					.usageHelp(true)
					.description("Show this help and exit.")
					.build());
		}
		line.getSubcommands().values().forEach(Cli::addHelp);
	}

	private static boolean serves(String[] args) {
		List<String> words = Arrays.asList(args);
		if (words.isEmpty()) {
			return true;
		}
		boolean help = words.contains("--help") || words.contains("-h");
		return (args[0].startsWith("--") && !help) || (args[0].equals("serve") && !help);
	}

	/**
	 * The message (a missing option as "--from is required"), then the command's usage:
	 * exit status 2.
	 */
	private static int usageError(ParameterException ex, String[] args) {
		CommandLine command = ex.getCommandLine();
		PrintWriter err = command.getErr();
		if (ex instanceof MissingParameterException missing) {
			err.println(missing.getMissing()
				.stream()
				.map(Cli::required)
				.collect(Collectors.joining(System.lineSeparator())));
		}
		else {
			err.println(ex.getMessage());
		}
		UnmatchedArgumentException.printSuggestions(ex, err);
		command.usage(err);
		err.flush();
		return USAGE;
	}

	private static String required(ArgSpec arg) {
		if (arg instanceof OptionSpec option) {
			return option.longestName() + " is required";
		}
		return ((PositionalParamSpec) arg).paramLabel() + " is required";
	}

	private static LocalDate date(String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new TypeConversionException("'" + value + "' is not a date like 2022-04-18");
		}
	}

}
