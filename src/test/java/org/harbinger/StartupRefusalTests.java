package org.harbinger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The service refuses to start on a bad rule, thresholds or sources file, and says where
 * the problem is.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupRefusalTests {

	@Test
	void aRuleThatDoesNotCompileStopsTheStartWithFileAndLine(@TempDir Path rules, CapturedOutput output)
			throws Exception {
		for (String name : new String[] { "cross-border-fire.drl", "attack-surge.drl" }) {
			Files.copy(Path.of("rules", name), rules.resolve(name));
		}
		String broken = Files.readString(rules.resolve("cross-border-fire.drl"))
			.replace("Today( $today : day )", "Today( $today : day");
		Files.writeString(rules.resolve("cross-border-fire.drl"), broken);
		int line = (int) broken.lines().takeWhile((text) -> !text.contains("Today( $today : day")).count() + 1;

		assertThatException().isThrownBy(() -> start("--harbinger.rules-dir=" + rules));

		assertThat(output).contains("Harbinger cannot start: The rules do not compile")
			.containsPattern(Pattern.quote(rules.resolve("cross-border-fire.drl").toString()) + ":(" + line + "|"
					+ (line + 1) + "):\\d+: ");
	}

	@Test
	void aBadThresholdsFileStopsTheStartNamingTheKey(@TempDir Path config, CapturedOutput output) throws Exception {
		Files.writeString(config.resolve("thresholds.yml"),
				Files.readString(Path.of("config/thresholds.yml")).replace("min-count: 4 ", "min-count: -2 "));

		assertThatException().isThrownBy(() -> start("--harbinger.config-dir=" + config));

		assertThat(output).contains("Harbinger cannot start: " + config.resolve("thresholds.yml") + " is refused")
			.contains(": attack-surge.min-count: -2 is below the minimum 0");
	}

	@Test
	void aBadSourcesFileStopsTheStartNamingTheLineAndKey(@TempDir Path config, CapturedOutput output) throws Exception {
		Files.writeString(config.resolve("sources.yml"),
				Files.readString(Path.of("config/sources.yml"))
					.replace("Amaq News Agency: {reliability: D, kind: group",
							"Amaq News Agency: {reliability: D, kind: militant"));

		assertThatException().isThrownBy(() -> start("--harbinger.config-dir=" + config));

		assertThat(output).contains("Harbinger cannot start: " + config.resolve("sources.yml") + " is refused")
			.containsPattern(
					"line \\d+: outlets.Amaq News Agency.kind: 'militant' is not a kind; expected independent, "
							+ "official or group");
	}

	@Test
	void aWeakFirstAdminPasswordStopsTheStartWithOneLineSayingWhy(@TempDir Path config, CapturedOutput output) {
		Path users = config.resolve("users.yml");

		assertThatException().isThrownBy(
				() -> new SpringApplicationBuilder(HarbingerApplication.class)
					.run("--server.port=0", "--server.address=127.0.0.1", "--spring.quartz.auto-startup=false",
							"--spring.quartz.scheduler-name=weak-password", "--harbinger.demo.enabled=false",
							"--harbinger.inbox.enabled=false", "--spring.datasource.url=jdbc:h2:mem:weak-password",
							"--harbinger.security.users-file=" + users, "--HARBINGER_ADMIN_PASSWORD=admin")
					.close());

		assertThat(output).contains("Harbinger cannot start: HARBINGER_ADMIN_PASSWORD must have at least 12 characters"
				+ " (it has 5); the first admin's password follows the same rule as the users API");
		assertThat(users).doesNotExist();
	}

	private static void start(String setting) {
		new SpringApplicationBuilder(HarbingerApplication.class)
			.run("--spring.main.web-application-type=none", "--spring.quartz.auto-startup=false",
					"--harbinger.demo.enabled=false", "--spring.datasource.url=jdbc:h2:mem:refusal", setting)
			.close();
	}

}
