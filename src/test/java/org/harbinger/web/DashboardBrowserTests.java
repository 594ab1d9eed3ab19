package org.harbinger.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.harbinger.EndToEndTest;
import org.harbinger.alert.Alert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard driven as an analyst in a real headless Chromium over HTTP: log in on the
 * form, filter the alerts, open one, acknowledge it (a form post with its CSRF token), see
 * who acknowledged it, and comment on it. Screenshots of the filtered list and of the
 * acknowledged alert are kept in target/screenshots/ for review.
 */
@EndToEndTest
class DashboardBrowserTests {

	private static final String USER = "analyst";

	private static final String PASSWORD = "analyst-password";

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	private Chromium chromium;

	@BeforeEach
	void startBrowser() {
		this.chromium = Chromium.start();
	}

	@AfterEach
	void stopBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void analystFiltersAlertsOpensOneAndAcknowledgesIt() {
		DashboardAlerts alerts = new DashboardAlerts(this.context);
		alerts.warning("Browserland", "North");
		Alert critical = alerts.critical("Browserland", "South", "A whole unit went over to ISKP.");
		WebDriver browser = this.chromium.driver();

		browser.get(url("/alerts"));
		assertThat(browser.findElement(By.tagName("main")).getCssValue("max-width"))
			.as("the sign-in page's own style sheet applies under the Content-Security-Policy")
			.isEqualTo("352px");
		logIn(browser);
		assertThat(browser.getTitle()).isEqualTo("Alerts - Harbinger");
		assertThat(browser.findElement(By.cssSelector("form.logout")).getText()).contains(USER, "Log out");
		assertThat(browser.findElements(By.linkText("Thresholds"))).as("admin links are for administrators").isEmpty();

		browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		assertThat(browser.switchTo().activeElement().getText()).as("the first Tab reaches the skip link")
			.isEqualTo("Skip to content");

		browser.findElement(By.id("scope")).sendKeys("Browserland");
		new Select(browser.findElement(By.id("severity"))).selectByValue("CRITICAL");
		browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("severity=CRITICAL"));
		List<String> scopes = browser.findElements(By.cssSelector("table.data tbody tr td:nth-child(3)"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(scopes).containsExactly("Browserland/South");
		this.chromium.screenshot("alerts-filtered");

		browser.findElement(By.linkText("Defections to ISKP")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/alerts/" + critical.id()));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("CRITICAL", "Defections to ISKP",
				"Browserland/South");
		assertThat(browser.findElement(By.id("acknowledgement")).getText()).isEqualTo("Not yet");
		assertThat(browser.findElement(By.cssSelector("svg.trend")).isDisplayed()).isTrue();

		browser.findElement(By.id("acknowledge")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("acknowledgement"), "by " + USER));
		assertThat(browser.findElement(By.id("acknowledgement")).getText()).startsWith("by " + USER + ", ").endsWith("UTC");
		assertThat(browser.findElement(By.cssSelector("ol.notes")).getText()).contains(USER + " acknowledged");

		browser.findElement(By.id("comment-text")).sendKeys("Confirmed by the desk <b>twice</b>.");
		browser.findElement(By.cssSelector("form.comment button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.cssSelector("ol.notes"), "Confirmed by the desk <b>twice</b>."));
		assertThat(browser.findElement(By.cssSelector("ol.notes")).getText()).contains(USER + " commented");
		Path screenshot = this.chromium.screenshot("alert-acknowledged");
		assertThat(screenshot).isNotEmptyFile();
		assertThat(this.chromium.contentSecurityViolations()).as("nothing the pages use is blocked").isEmpty();
	}

	/** Logs in on the service's form at /login, where an unauthenticated visit is sent. */
	private static void logIn(WebDriver browser) {
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login"));
		browser.findElement(By.name("username")).sendKeys(USER);
		browser.findElement(By.name("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/alerts"));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
