package org.harbinger.engine;

import java.util.Collection;
import java.util.Objects;

/**
 * One indicator adjusting another's ratio thresholds while a condition holds, as a fact
 * rather than a code path: {@code campaign-declared} inserts one logically for its
 * heightened period, and {@code attack-surge} multiplies its ratios by the product of all
 * factors addressed to it. Equal factors from one source merge, so a second declaration
 * in the same period does not lower the ratio twice.
 */
public final class RatioFactor {

	private final String indicator;

	private final String source;

	private final double factor;

	public RatioFactor(String indicator, String source, double factor) {
		this.indicator = indicator;
		this.source = source;
		this.factor = factor;
	}

	public String getIndicator() {
		return this.indicator;
	}

	public String getSource() {
		return this.source;
	}

	public double getFactor() {
		return this.factor;
	}

	/** The product of the factors, 1.0 when there are none. */
	public static double product(Collection<?> factors) {
		return factors.stream()
			.mapToDouble((factor) -> ((RatioFactor) factor).getFactor())
			.reduce(1.0, (a, b) -> a * b);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RatioFactor that && this.indicator.equals(that.indicator)
				&& this.source.equals(that.source) && this.factor == that.factor;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.indicator, this.source, this.factor);
	}

	@Override
	public String toString() {
		return "RatioFactor(" + this.indicator + " x" + this.factor + " from " + this.source + ")";
	}

}
