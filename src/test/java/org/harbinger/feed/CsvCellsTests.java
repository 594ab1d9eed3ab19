package org.harbinger.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text cells a spreadsheet would run as formulas get a leading quote; others and numbers
 * do not.
 */
class CsvCellsTests {

	@Test
	void neutralisesEveryCharacterThatStartsAFormula() {
		assertThat(CsvCells.text("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
		assertThat(CsvCells.text("+1+1")).isEqualTo("'+1+1");
		assertThat(CsvCells.text("-2+3")).isEqualTo("'-2+3");
		assertThat(CsvCells.text("@SUM(1)")).isEqualTo("'@SUM(1)");
		assertThat(CsvCells.text("\t=1")).isEqualTo("'\t=1");
		assertThat(CsvCells.text("\r=1")).isEqualTo("'\r=1");
	}

	@Test
	void leavesOrdinaryTextAndNumbersAlone() {
		assertThat(CsvCells.text("Kabul")).isEqualTo("Kabul");
		assertThat(CsvCells.text("a=b")).isEqualTo("a=b");
		assertThat(CsvCells.text("<script>")).isEqualTo("<script>");
		assertThat(CsvCells.text(null)).isEmpty();
		assertThat(CsvCells.value(-33.5)).isEqualTo("-33.5");
		assertThat(CsvCells.value(null)).isEmpty();
	}

}
