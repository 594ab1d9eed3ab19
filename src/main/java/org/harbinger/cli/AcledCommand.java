package org.harbinger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.harbinger.ingest.AcledPuller;
import org.harbinger.ingest.ImportReport;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code acled pull [--since DATE] [--dry-run]}: pulls from ACLED's API into the
 * service's database through the same pull as the schedule and
 * {@code POST /api/acled/pull}, and prints its import's summary; with {@code --dry-run},
 * downloads and validates only.
 */
@Command(name = "acled", description = "Pull incidents from ACLED's API (harbinger.acled.* settings).",
		synopsisSubcommandLabel = "pull")
final class AcledCommand {

	private final PrintStream out;

	private final PrintStream err;

	AcledCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Command(name = "pull",
			description = { "Pull what changed at ACLED since the last pull (a first pull loads the events from",
					"harbinger.acled.since) into the service's database, as an import." },
			footer = "%nStop the service first on H2, which one process opens at a time.",
			exitCodeListHeading = Cli.EXIT_CODES_HEADING, exitCodeList = { "0:the pull is done and every row landed",
					"1:the pull failed, rows were refused, or ACLED's credentials are not set", Cli.EXIT_USAGE })
	int pull(@Option(names = "--since", paramLabel = "DATE",
			description = "Load the events dated from DATE (2022-01-31) to today instead of the changes since the last pull.") LocalDate since,
			@Option(names = "--dry-run",
					description = "Download and validate only: print what would be stored, store nothing, leave the cursor.") boolean dryRun) {
		if (since != null && since.isAfter(LocalDate.now(ZoneOffset.UTC))) {
			throw new UsageException("--since " + since + " is in the future");
		}
		try (ConfigurableApplicationContext context = ServiceContext.start("acled pull", Map.of())) {
			AcledPuller puller = context.getBean(AcledPuller.class);
			if (dryRun) {
				AcledPuller.DryRun run = puller.dryRun(since);
				this.out.printf("dry run of %s: %d rows read, %d valid, %d deletions, %d refused; nothing stored%n",
						run.asked(), run.rows(), run.valid(), run.deletions(), run.refused());
				run.errors().forEach((error) -> this.out.println("  " + error.reason()));
				return (run.refused() > 0) ? 1 : 0;
			}
			ImportReport report = puller.pull(since).report().join();
			ImportCommand.summarise(report, this.out);
			return (!report.status().equals("DONE") || report.rejected() > 0) ? 1 : 0;
		}
		catch (AcledPuller.NotConfiguredException ex) {
			this.err.println(ex.getMessage());
			return 1;
		}
		catch (IOException | RuntimeException ex) {
			this.err.println("the pull from ACLED failed: " + ex.getMessage());
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

}
