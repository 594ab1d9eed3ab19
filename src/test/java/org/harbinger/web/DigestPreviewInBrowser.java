package org.harbinger.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens a rendered digest HTML file in the headless Chromium at a phone's, a tablet's and a
 * desktop's width (390, 768 and 1400 CSS pixels) and checks what a reader would see there:
 * nothing wider than the screen (no sideways scrolling), every chart image decoded (not a
 * broken image), the evidence as stacked rows on the phone and as a table on the desktop.
 * Saves target/screenshots/NAME-WIDTH.png of the whole page for review. For the test that
 * renders the demo digest.
 */
public final class DigestPreviewInBrowser {

	/** The widths issue 16 names: a phone, a tablet, a desktop. */
	static final List<Integer> WIDTHS = List.of(390, 768, 1400);

	/** Below this the style block keeps the stacked form; from it, a table (templates/digest.html). */
	private static final int TABLE_FROM = 600;

	private DigestPreviewInBrowser() {
	}

	/** Checks the digest at {@code html}; skipped outside CI (failed in CI) without Chromium, as the dashboard tests. */
	public static void check(Path html, String screenshotName) {
		try (Chromium chromium = Chromium.start()) {
			ChromeDriver browser = chromium.driver();
			for (int width : WIDTHS) {
				viewport(browser, width, 900);
				browser.get(html.toAbsolutePath().toUri().toString());
				assertThat(number(browser, "return document.documentElement.scrollWidth"))
					.as("the digest's width at %d px (no sideways scrolling)", width)
					.isLessThanOrEqualTo(width);
				assertThat(number(browser, "return window.innerWidth")).as("the viewport").isEqualTo(width);
				List<WebElement> images = browser.findElements(By.tagName("img"));
				assertThat(images).as("the digest's chart images").isNotEmpty();
				for (WebElement image : images) {
					assertThat(number(browser, "return arguments[0].complete ? arguments[0].naturalWidth : 0", image))
						.as("image %s decodes at %d px", image.getAttribute("alt"), width)
						.isPositive();
					assertThat(number(browser, "return arguments[0].getBoundingClientRect().right", image))
						.as("image %s fits at %d px", image.getAttribute("alt"), width)
						.isLessThanOrEqualTo(width);
				}
				List<WebElement> evidence = browser.findElements(By.cssSelector("table.evidence"));
				assertThat(evidence).as("the evidence").isNotEmpty();
				assertThat(evidence).extracting((table) -> table.getCssValue("display"))
					.as("evidence at %d px", width)
					.containsOnly((width < TABLE_FROM) ? "block" : "table");
				assertThat(browser.findElements(By.cssSelector(".summary-line"))).as("the summary").isNotEmpty();
				// The whole page in one picture, for a person to review.
				viewport(browser, width, Math.min(number(browser, "return document.documentElement.scrollHeight"), 12000));
				chromium.screenshot(screenshotName + "-" + width);
			}
		}
	}

	/** The page's layout viewport, exactly, whatever the window's decorations (Chrome DevTools Protocol). */
	private static void viewport(ChromeDriver browser, int width, int height) {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < TABLE_FROM));
	}

	private static int number(ChromeDriver browser, String script, Object... arguments) {
		return ((Number) browser.executeScript(script, arguments)).intValue();
	}

}
