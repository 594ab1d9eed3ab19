package org.harbinger.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A real headless Chromium for browser tests: Debian's {@code chromium} driven by its
 * {@code chromedriver}, each run with a profile of its own. Without them the tests are
 * skipped on a developer's machine and fail in CI (env {@code CI} set), where .ci/run
 * installs both.
 */
final class Chromium implements AutoCloseable {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private final Path profile;

	private final ChromeDriver driver;

	private Chromium(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	/**
	 * Starts the browser, or skips the test (fails it in CI) when chromium or
	 * chromedriver is missing.
	 */
	static Chromium start() {
		if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
			String message = "Browser tests need Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER
					+ "): apt-get install chromium chromium-driver";
			if (System.getenv("CI") != null) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("harbinger-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		// Without the background-networking switches Chromium calls out to Google's
		// services,
		// which a closed network refuses and which slow every start.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1366,900", "--user-data-dir=" + profile);
		// The browser console is kept, so a test can see what the Content-Security-Policy
		// blocked.
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return new Chromium(profile, driver);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * What the browser refused to load or run because of the page's
	 * Content-Security-Policy, so far.
	 */
	List<String> contentSecurityViolations() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
	}

	/**
	 * Saves what the browser shows as target/screenshots/NAME.png, for a person to
	 * review.
	 */
	Path screenshot(String name) {
		try {
			Path file = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(file.getParent());
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
			catch (IOException ex) {
				// A profile left in the temp folder harms nothing.
			}
		}
	}

}
