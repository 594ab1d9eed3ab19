package org.harbinger.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.harbinger.backtest.Backtest;
import org.harbinger.backtest.BacktestTransition;
import org.harbinger.bench.SurgeOracle;
import org.harbinger.bench.SurgeScore;
import org.harbinger.bench.SurgeSeries;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench surge}: how soon, how often and how falsely a surge indicator fires, on
 * seeded series with surges injected at known dates ({@link SurgeSeries}). One backtest
 * per base rate and seed, each of two scopes over the years asked; a line per base rate
 * and a total. The rules and thresholds are the files given, so two versions of a rule
 * compare by running the command on each.
 */
@Command(name = "surge",
		description = { "Measure a surge rule on seeded bursty series with injected 3x and 5x surges:",
				"recall, detection delay, false alarms per scope-year." },
		exitCodeListHeading = Cli.EXIT_CODES_HEADING,
		exitCodeList = { Cli.EXIT_OK, "1:the rules or thresholds are refused", Cli.EXIT_USAGE })
final class SurgeBenchCommand implements Callable<Integer> {

	private static final LocalDate START = LocalDate.of(2019, 1, 1);

	private final PrintStream out;

	private final PrintStream err;

	@Option(names = "--indicator", paramLabel = "ID", defaultValue = "attack-surge",
			description = "attack-surge or propaganda-surge (default: ${DEFAULT-VALUE}).")
	private String indicator;

	@Option(names = "--rates", paramLabel = "PER_WEEK", split = ",", defaultValue = "0.5,1,2,4,8",
			description = "Background events a week, one run each (default: ${DEFAULT-VALUE}).")
	private List<Double> rates;

	@Option(names = "--years", paramLabel = "Y", defaultValue = "6",
			description = "Years per run (default: ${DEFAULT-VALUE}).")
	private int years;

	@Option(names = "--seeds", paramLabel = "N", defaultValue = "2",
			description = "Seeds per rate, 1 to N (default: ${DEFAULT-VALUE}).")
	private int seeds;

	@Option(names = "--rate-shape", paramLabel = "K", defaultValue = "2.0",
			description = "Gamma shape of the daily rate; smaller is burstier (default: ${DEFAULT-VALUE}).")
	private double rateShape;

	@Option(names = "--companions", paramLabel = "M", defaultValue = "0.3",
			description = "Mean same-day companions of an event (default: ${DEFAULT-VALUE}).")
	private double companions;

	@Option(names = "--oracle", paramLabel = "H",
			description = { "Score the oracle instead of the rules: a CUSUM over the window that knows the generator's",
					"rates (bench.SurgeOracle), firing at log likelihood ratio H: the ceiling for a window." })
	private Double oracle;

	@Option(names = "--false-alarms", description = "Also list each false alarm: day, scope and the rule's detail.")
	private boolean listFalseAlarms;

	@Mixin
	private RulesCommand.RuleFiles ruleFiles;

	SurgeBenchCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() {
		SurgeSeries.Kind kind = switch (this.indicator) {
			case "attack-surge" -> SurgeSeries.Kind.ATTACKS;
			case "propaganda-surge" -> SurgeSeries.Kind.PROPAGANDA;
			default ->
				throw new UsageException("--indicator must be attack-surge or propaganda-surge, not " + this.indicator);
		};
		if (this.years < 1 || this.seeds < 1 || this.rateShape <= 0 || this.companions < 0
				|| (this.oracle != null && !(this.oracle > 0))) {
			throw new UsageException(
					"--years and --seeds must be at least 1, --rate-shape and --oracle above 0, --companions at least 0");
		}
		this.rates.stream().filter((rate) -> !(rate > 0 && rate <= 1000)).findFirst().ifPresent((rate) -> {
			throw new UsageException("--rates: " + rate + " is not a rate above 0 and at most 1000 events a week");
		});
		RulesCommand.Loaded loaded = this.ruleFiles.load(this.err);
		if (loaded == null) {
			return 1;
		}
		int windowDays = (Integer) loaded.thresholds().values().get(this.indicator + ".window-days");
		int baselineDays = (Integer) loaded.thresholds().values().get(this.indicator + ".baseline-days");
		List<String> places = (kind == SurgeSeries.Kind.ATTACKS) ? List.of("Afghanistan", "Pakistan")
				: List.of("ps", "uz");
		int days = (int) (START.plusYears(this.years).toEpochDay() - START.toEpochDay());
		// False alarms are counted over the days the rule can fire: after a full window
		// and baseline.
		double scopeYears = places.size() * (days - windowDays - baselineDays) / 365.25;
		SurgeSeries.Shape shape = new SurgeSeries.Shape(this.rateShape, this.companions);
		this.out.printf("%s%s, %d years x %d scopes x %d seeds per rate; daily rate shape %.2f, %.2f companions%n",
				this.indicator, (this.oracle != null) ? " (oracle, H " + this.oracle + ")" : "", this.years,
				places.size(), this.seeds, this.rateShape, this.companions);
		this.out.println(SurgeScore.header());
		SurgeScore total = SurgeScore.none();
		long started = System.nanoTime();
		for (double rate : this.rates) {
			SurgeScore score = SurgeScore.none();
			for (long seed = 1; seed <= this.seeds; seed++) {
				SurgeSeries series = new SurgeSeries(seed * 1000 + Math.round(rate * 10), kind, places, START, days,
						rate, shape);
				List<BacktestTransition> transitions = (this.oracle != null)
						? new SurgeOracle(rate, shape, windowDays, this.oracle).fire(this.indicator, series, START,
								baselineDays)
						: new Backtest(loaded.rules(), loaded.thresholds()).run(series.incidents(), START,
								START.plusDays(days - 1));
				score = score.plus(SurgeScore.of(transitions, this.indicator, series.surges(), windowDays, scopeYears));
			}
			this.out.println(score.line(String.valueOf(rate)));
			if (this.listFalseAlarms) {
				score.falseAlarms()
					.forEach((t) -> this.out.printf("    false alarm %s %s: %s%n", t.date(), t.scope(), t.detail()));
			}
			total = total.plus(score);
		}
		this.out.println(total.line("all"));
		this.err.printf("%.1f s%n", (System.nanoTime() - started) / 1e9);
		return 0;
	}

}
