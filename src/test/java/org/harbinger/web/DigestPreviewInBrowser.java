package org.harbinger.web;

import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens a rendered digest HTML file in the headless Chromium and checks what a reader
 * would see: every chart image decoded (not a broken image) and the evidence table there.
 * Saves target/screenshots/NAME.png for review. For the test that renders the demo digest.
 */
public final class DigestPreviewInBrowser {

	private DigestPreviewInBrowser() {
	}

	/** Checks the digest at {@code html}; skipped outside CI (failed in CI) without Chromium, as the dashboard tests. */
	public static void check(Path html, String screenshotName) {
		try (Chromium chromium = Chromium.start()) {
			ChromeDriver browser = chromium.driver();
			browser.get(html.toAbsolutePath().toUri().toString());
			List<WebElement> images = browser.findElements(By.tagName("img"));
			assertThat(images).as("the digest's chart images").isNotEmpty();
			for (WebElement image : images) {
				Object width = browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth", image);
				assertThat(((Number) width).intValue()).as("image %s loads", image.getAttribute("alt")).isPositive();
			}
			assertThat(browser.findElements(By.cssSelector("table.evidence")))
				.as("the evidence table")
				.isNotEmpty();
			chromium.screenshot(screenshotName);
		}
	}

}
