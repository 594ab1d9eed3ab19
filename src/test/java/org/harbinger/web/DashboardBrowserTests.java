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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
 * form, filter the alerts, open one, acknowledge it (a form post with its CSRF token),
 * see who acknowledged it, and comment on it; as an administrator on a 390 px phone,
 * silence an alert from its page, extend the silence and expire it, with no page
 * scrolling sideways. Screenshots of the filtered list and of the acknowledged alert are
 * kept in target/screenshots/ for review.
 */
@EndToEndTest
class DashboardBrowserTests {

	private static final String USER = "analyst";

	private static final String PASSWORD = "analyst-password";

	private static final int PHONE = 390;

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
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.urlContains("/alerts/" + critical.id()));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("CRITICAL", "Defections to ISKP",
				"Browserland/South");
		assertThat(browser.findElement(By.id("acknowledgement")).getText()).isEqualTo("Not yet");
		assertThat(browser.findElement(By.cssSelector("svg.trend")).isDisplayed()).isTrue();

		browser.findElement(By.id("acknowledge")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("acknowledgement"), "by " + USER));
		assertThat(browser.findElement(By.id("acknowledgement")).getText()).startsWith("by " + USER + ", ")
			.endsWith("UTC");
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

	@Test
	void anAdministratorSilencesAnAlertFromItsPageThenExtendsAndExpiresTheSilence() {
		Alert alert = new DashboardAlerts(this.context).critical("Silenceland", "North", "A unit went over.");
		WebDriver browser = this.chromium.driver();
		browser.manage().window().setSize(new Dimension(PHONE, 844));
		browser.get(url("/alerts/" + alert.id()));
		logIn(browser, "admin", "admin-password");
		browser.get(url("/alerts/" + alert.id()));
		assertNoSidewaysScrolling(browser, "the alert page");

		browser.findElement(By.id("silence")).click();
		wait(browser).until(ExpectedConditions.urlContains("/admin/silences/new"));
		assertThat(browser.findElement(By.id("indicator")).getAttribute("value")).isEqualTo(DashboardAlerts.INDICATOR);
		assertThat(browser.findElement(By.id("scope")).getAttribute("value")).isEqualTo("Silenceland/North");
		assertNoSidewaysScrolling(browser, "the silence form");
		this.chromium.screenshot("silence-form-390");

		browser.findElement(By.id("create-silence")).click();
		assertThat(browser.findElement(By.id("comment-error")).getText()).as("a silence says why")
			.contains("is required");
		browser.findElement(By.id("comment")).sendKeys("Desk is re-checking the Silenceland reports.");
		WebElement duration = browser.findElement(By.id("duration"));
		duration.clear();
		duration.sendKeys("2d");
		browser.findElement(By.id("create-silence")).click();
		wait(browser).until(ExpectedConditions.urlContains("/silences"));
		String created = browser.findElement(By.cssSelector("p.notice")).getText();
		assertThat(created).startsWith("Silence ")
			.contains("indicator=" + DashboardAlerts.INDICATOR, "scope=Silenceland/North");
		String id = created.replaceAll("^Silence (\\d+) .*$", "$1");
		WebElement card = browser.findElement(By.id("silence-" + id));
		assertThat(card.getText()).contains("ACTIVE", "Desk is re-checking", "1 open alert");
		assertNoSidewaysScrolling(browser, "the silences page");
		this.chromium.screenshot("silences-active-390");

		browser.get(url("/alerts/" + alert.id()));
		assertThat(browser.findElement(By.cssSelector("p.silenced")).getText()).contains("Notifications muted until",
				"silence " + id);

		browser.get(url("/silences"));
		new Select(browser.findElement(By.id("extend-by-" + id))).selectByValue("1d");
		browser.findElement(By.id("extend-" + id)).click();
		wait(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "extended by 1d"));

		browser.findElement(By.id("expire-" + id)).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"),
				"Silence " + id + " expired"));
		assertThat(browser.findElement(By.id("silence-" + id)).getText()).contains("EXPIRED", "Ended");
		assertThat(browser.findElements(By.id("expire-" + id))).as("an expired silence has no actions").isEmpty();
		assertNoSidewaysScrolling(browser, "the silences page after expiry");
		this.chromium.screenshot("silences-expired-390");
		assertThat(this.chromium.contentSecurityViolations()).isEmpty();
	}

	private static void assertNoSidewaysScrolling(WebDriver browser, String page) {
		Object widths = ((JavascriptExecutor) browser)
			.executeScript("return [document.documentElement.scrollWidth, window.innerWidth, "
					+ "Array.from(document.querySelectorAll('body *')).filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > window.innerWidth + 1)"
					+ ".slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right)).join(' ')];");
		assertThat(widths.toString()).as(page + ": [document width, viewport width]").matches((text) -> {
			String[] numbers = text.replaceAll("[\\[\\] ]", "").split(",");
			return Long.parseLong(numbers[0]) <= Long.parseLong(numbers[1]);
		}, "document no wider than the viewport");
	}

	/**
	 * Logs in on the service's form at /login, where an unauthenticated visit is sent.
	 */
	private static void logIn(WebDriver browser) {
		logIn(browser, USER, PASSWORD);
	}

	static void logIn(WebDriver browser, String user, String password) {
		wait(browser).until(ExpectedConditions.urlContains("/login"));
		browser.findElement(By.name("username")).sendKeys(user);
		browser.findElement(By.name("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
