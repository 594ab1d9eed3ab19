package org.harbinger.web;

import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens a rendered digest HTML file in the headless Chromium at a phone's, a tablet's and
 * a desktop's width (390, 768 and 1400 CSS pixels) and checks what a reader would see
 * there: nothing wider than the screen (no sideways scrolling), every chart image decoded
 * (not a broken image), the evidence as stacked rows on the phone and as a table on the
 * desktop. Saves target/screenshots/NAME-WIDTH.png of the whole page for review. For the
 * test that renders the demo digest.
 */
public final class DigestPreviewInBrowser {

	/**
	 * Below this the style block keeps the stacked form; from it, a table
	 * (templates/digest.html).
	 */
	private static final int TABLE_FROM = 600;

	private DigestPreviewInBrowser() {
	}

	/**
	 * Checks the digest at {@code html}; skipped outside CI (failed in CI) without
	 * Chromium, as the dashboard tests.
	 */
	public static void check(Path html, String screenshotName) {
		try (Chromium chromium = Chromium.start()) {
			ChromeDriver browser = chromium.driver();
			for (int width : Widths.WIDTHS) {
				Widths.viewport(browser, width, 900);
				browser.get(html.toAbsolutePath().toUri().toString());
				assertThat(browser.findElements(By.tagName("img"))).as("the digest's chart images").isNotEmpty();
				Widths.assertFits(browser, "the digest", width);
				List<WebElement> evidence = browser.findElements(By.cssSelector("table.evidence"));
				assertThat(evidence).as("the evidence").isNotEmpty();
				assertThat(evidence).extracting((table) -> table.getCssValue("display"))
					.as("evidence at %d px", width)
					.containsOnly((width < TABLE_FROM) ? "block" : "table");
				assertThat(browser.findElements(By.cssSelector(".summary-line"))).as("the summary").isNotEmpty();
				// The whole page in one picture, for a person to review.
				Widths.viewport(browser, width,
						Math.min(Widths.number(browser, "return document.documentElement.scrollHeight"), 12000));
				chromium.screenshot(screenshotName + "-" + width);
			}
		}
	}

}
