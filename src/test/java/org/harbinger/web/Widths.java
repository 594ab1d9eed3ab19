package org.harbinger.web;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's widths (a phone, a tablet, a desktop) and what must hold at each: the page
 * no wider than the viewport (no sideways scrolling; a wide table scrolls inside its own
 * box), every image decoded and every inline SVG drawn.
 */
final class Widths {

	static final List<Integer> WIDTHS = List.of(390, 768, 1400);

	/**
	 * Below this a viewport is a phone's (mobile emulation, as a phone's browser lays the
	 * page out).
	 */
	static final int PHONE_BELOW = 600;

	private Widths() {
	}

	/**
	 * The page's layout viewport, exactly, whatever the window's decorations (Chrome
	 * DevTools Protocol).
	 */
	static void viewport(ChromeDriver browser, int width, int height) {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < PHONE_BELOW));
	}

	/**
	 * No sideways scrolling, every image decoded and inside the viewport, every inline
	 * SVG drawn with some width.
	 */
	static void assertFits(ChromeDriver browser, String page, int width) {
		int documentWidth = settledWidth(browser, width);
		assertThat(documentWidth).as("%s at %d px: document width (no sideways scrolling); wider elements: %s", page,
				width,
				browser.executeScript("return Array.from(document.querySelectorAll('body *'))"
						+ ".filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > arguments[0] + 1)"
						+ ".slice(0, 6).map(e => e.tagName + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).join(' ')",
						width))
			.isLessThanOrEqualTo(width);
		// A phone's browser widens its layout viewport to content that overflows: check
		// it too.
		assertThat(number(browser, "return window.innerWidth")).as("%s at %d px: the viewport", page, width)
			.isEqualTo(width);
		for (WebElement image : browser.findElements(By.tagName("img"))) {
			assertThat(number(browser, "return arguments[0].complete ? arguments[0].naturalWidth : 0", image))
				.as("%s at %d px: image %s decodes", page, width, image.getAttribute("alt"))
				.isPositive();
			assertThat(number(browser, "return arguments[0].getBoundingClientRect().right", image))
				.as("%s at %d px: image %s fits", page, width, image.getAttribute("alt"))
				.isLessThanOrEqualTo(width);
		}
		for (WebElement svg : browser.findElements(By.cssSelector("svg"))) {
			assertThat(number(browser, "return arguments[0].getBoundingClientRect().width", svg))
				.as("%s at %d px: an inline SVG is drawn", page, width)
				.isPositive();
		}
	}

	/**
	 * The document's width once it fits, or after five seconds: a change of emulated
	 * device (a phone's to a tablet's) is laid out after the call that made it returns,
	 * the slower the busier the machine.
	 */
	private static int settledWidth(ChromeDriver browser, int width) {
		long until = System.nanoTime() + 5_000_000_000L;
		int documentWidth = number(browser, "return document.documentElement.scrollWidth");
		while (documentWidth > width && System.nanoTime() < until) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			documentWidth = number(browser, "return document.documentElement.scrollWidth");
		}
		return documentWidth;
	}

	static int number(ChromeDriver browser, String script, Object... arguments) {
		return ((Number) browser.executeScript(script, arguments)).intValue();
	}

}
