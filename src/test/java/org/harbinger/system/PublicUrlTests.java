package org.harbinger.system;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The base of every link in mail and feeds: the setting wins, else the port the server
 * took.
 */
class PublicUrlTests {

	@Test
	void withoutASettingLinksFollowThePortTheServerActuallyTook() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0");
		PublicUrl url = new PublicUrl(properties(null, null), environment);

		environment.setProperty("local.server.port", "41234");

		assertThat(url.get()).isEqualTo("http://localhost:41234");
	}

	@Test
	void beforeTheServerStartsTheConfiguredPortIsUsedAnd8080WithNone() {
		assertThat(
				new PublicUrl(properties(null, null), new MockEnvironment().withProperty("server.port", "9090")).get())
			.isEqualTo("http://localhost:9090");
		assertThat(new PublicUrl(properties(null, null), new MockEnvironment()).get())
			.isEqualTo("http://localhost:8080");
	}

	@Test
	void aSpecificListenAddressAndAContextPathArePartOfTheLinks() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.address", "127.0.0.1")
			.withProperty("local.server.port", "9191")
			.withProperty("server.servlet.context-path", "/harbinger");

		assertThat(new PublicUrl(properties(null, null), environment).get())
			.isEqualTo("http://127.0.0.1:9191/harbinger");
	}

	@Test
	void anExplicitSettingWinsOverThePortWithoutItsTrailingSlash() {
		MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "41234");

		assertThat(new PublicUrl(properties("https://harbinger.example.org/", null), environment).get())
			.isEqualTo("https://harbinger.example.org");
		assertThat(new PublicUrl(properties(null, "https://old-name.example.org"), environment).get())
			.as("dashboard-url, the older name, still read")
			.isEqualTo("https://old-name.example.org");
		assertThat(new PublicUrl(properties("https://new.example.org", "https://old.example.org"), environment).get())
			.isEqualTo("https://new.example.org");
	}

	@Test
	void aSettingThatIsNoHttpAddressIsRefusedNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PublicUrl(properties("harbinger.example.org", null), new MockEnvironment()))
			.withMessageContaining("harbinger.public-url")
			.withMessageContaining("'harbinger.example.org'");
	}

	private static HarbingerProperties properties(String publicUrl, String dashboardUrl) {
		return new HarbingerProperties(Path.of("rules"), Path.of("config"), Path.of("templates"), publicUrl,
				dashboardUrl);
	}

}
