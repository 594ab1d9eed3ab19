package org.harbinger.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harbinger.EndToEndTest;
import org.harbinger.alert.Alert;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard at a phone's, a tablet's and a desktop's width (390, 768, 1400 px) in a
 * real headless Chromium: the alerts list, an alert, the incidents, the trends and the
 * map never scroll sideways and draw every image; the map's places and countries narrow
 * the incident search. Screenshots in target/screenshots/ (PAGE-WIDTH.png). The digest at
 * the same widths: DemoStartTests, through DigestPreviewInBrowser.
 */
@EndToEndTest
class DashboardWidthsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void everyPageFitsAPhoneATabletAndADesktopAndDrawsItsImages() {
		try (Chromium chromium = Chromium.start()) {
			everyPageFits(chromium);
		}
	}

	private void everyPageFits(Chromium chromium) {
		Alert alert = new DashboardAlerts(this.context).criticalAt("Widthland", "Long Province Name Of Some Length",
				"A Village With A Rather Long Name", 31.6, 65.7);
		ChromeDriver browser = signedIn(chromium);
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("alerts", "/alerts?status=");
		pages.put("alert", "/alerts/" + alert.id());
		pages.put("incidents", "/incidents");
		pages.put("trends", "/trends");
		pages.put("trend", "/trends/" + DashboardAlerts.INDICATOR);
		pages.put("map", "/map");
		pages.put("map-wide", "/map?view=wide");
		for (int width : Widths.WIDTHS) {
			for (Map.Entry<String, String> page : pages.entrySet()) {
				Widths.viewport(browser, width, 900);
				browser.get(url(page.getValue()));
				Widths.assertFits(browser, "the " + page.getKey() + " page", width);
				Widths.viewport(browser, width,
						Math.min(Widths.number(browser, "return document.documentElement.scrollHeight"), 8000));
				chromium.screenshot(page.getKey() + "-" + width);
			}
		}
		assertThat(chromium.contentSecurityViolations()).isEmpty();
	}

	@Test
	void clickingAPlaceOrACountryOnTheMapNarrowsTheIncidentSearch() {
		try (Chromium chromium = Chromium.start()) {
			clickThrough(chromium);
		}
	}

	private void clickThrough(Chromium chromium) {
		new DashboardAlerts(this.context).criticalAt("Mapland", "Hills", "Hilltown", 30.2, 67.0);
		ChromeDriver browser = signedIn(chromium);
		Widths.viewport(browser, 1400, 1000);
		browser.get(url("/map"));

		WebElement dot = place(browser, "Hilltown, Hills, Mapland");
		assertThat(dot.getAttribute("class")).as("cited by an open CRITICAL alert").contains("alert-CRITICAL");
		assertThat(browser.findElement(By.cssSelector("ul.map-alerts")).getText()).contains("CRITICAL",
				"Defections to ISKP", "Mapland/Hills");
		dot.click();
		wait(browser).until(ExpectedConditions.urlContains("/incidents"));
		assertThat(browser.getCurrentUrl()).contains("country=Mapland", "admin1=Hills", "from=", "to=");
		assertThat(browser.findElement(By.id("admin1")).getAttribute("value")).isEqualTo("Hills");
		assertThat(browser.findElement(By.cssSelector("section.results")).getText()).contains("WEB-Mapland-Hills-mass");

		// A shaded province narrows to itself; a country without province outlines to the
		// country.
		browser.get(url("/map"));
		shape(browser, "path.province-area", "Kandahar, Afghanistan:").click();
		wait(browser).until(ExpectedConditions.urlContains("/incidents"));
		assertThat(browser.getCurrentUrl()).contains("country=Afghanistan", "admin1=Kandahar");
		assertThat(browser.findElement(By.id("admin1")).getAttribute("value")).isEqualTo("Kandahar");

		browser.get(url("/map"));
		shape(browser, "path.country", "India:").click();
		wait(browser).until(ExpectedConditions.urlContains("/incidents"));
		assertThat(browser.getCurrentUrl()).contains("country=India");
		assertThat(browser.findElement(By.id("country")).getAttribute("value")).isEqualTo("India");

		Widths.viewport(browser, 390, 844);
		browser.get(url("/map"));
		Widths.assertFits(browser, "the map", 390);
		assertThat(place(browser, "Hilltown, Hills, Mapland").getRect().getWidth()).as("a dot a thumb can find")
			.isGreaterThanOrEqualTo(3);
		chromium.screenshot("map-clicked-390");
	}

	private static WebElement place(ChromeDriver browser, String name) {
		return shape(browser, "circle.place", name + ":");
	}

	/** The map's shape of this selector whose title starts so. */
	private static WebElement shape(ChromeDriver browser, String selector, String title) {
		List<String> seen = new ArrayList<>();
		try {
			return wait(browser).until((driver) -> {
				seen.clear();
				for (WebElement shape : driver.findElements(By.cssSelector("svg.map " + selector))) {
					String text = shape.findElement(By.tagName("title")).getAttribute("textContent");
					seen.add(text);
					if (text.startsWith(title)) {
						return shape;
					}
				}
				return null;
			});
		}
		catch (TimeoutException ex) {
			throw new AssertionError(
					"no " + selector + " for " + title + " at " + browser.getCurrentUrl() + " among " + seen, ex);
		}
	}

	private ChromeDriver signedIn(Chromium chromium) {
		ChromeDriver browser = chromium.driver();
		browser.get(url("/alerts"));
		DashboardBrowserTests.logIn(browser, "analyst", "analyst-password");
		return browser;
	}

	private static WebDriverWait wait(ChromeDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
