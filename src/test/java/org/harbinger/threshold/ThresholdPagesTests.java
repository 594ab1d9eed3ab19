package org.harbinger.threshold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.harbinger.ConfigEditingTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin page for thresholds: each value labelled, saved with a reason, previewed,
 * refused with the reason why.
 */
@ConfigEditingTest
class ThresholdPagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ThresholdChanges changes;

	@Autowired
	private ThresholdPreview preview;

	@Test
	void showsEveryThresholdWithALabelledInput() throws Exception {
		this.mvc.perform(get("/admin/thresholds"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<label for=\"v-attack-surge.ratio\">ratio</label>"),
					containsString("id=\"v-attack-surge.ratio\" name=\"value.attack-surge.ratio\""),
					containsString("value=\"3.0\""),
					containsString("value=\"Uzbekistan, Tajikistan, Turkmenistan, Iran, Pakistan, China\""),
					containsString("<label for=\"reason\">"))));
	}

	@Test
	void savesOnlyTheChangedValuesWithTheReason() throws Exception {
		String version = ThresholdsView.of(this.changes).version();

		this.mvc
			.perform(post("/admin/thresholds").param("version", version)
				.param("value.propaganda-surge.min-count", "6")
				.param("value.propaganda-surge.watch-languages", "uz, tg , ky, tk")
				.param("value.attack-surge.ratio", "1.5")
				.param("reason", "Turkmen-language channels appeared")
				.param("action", "save"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/thresholds"))
			.andExpect(flash().attributeExists("saved"));

		assertThat(this.changes.inForce().values()).containsEntry("propaganda-surge.min-count", 6)
			.containsEntry("propaganda-surge.watch-languages", java.util.List.of("uz", "tg", "ky", "tk"));
		assertThat(Files.readString(Path.of(ConfigEditingTest.CONFIG_DIR, "thresholds.yml")))
			.contains("  watch-languages: [uz, tg, ky, tk] # ISO 639-1");
		this.mvc.perform(get("/admin/audit").param("item", "propaganda-surge"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Turkmen-language channels appeared"),
					containsString("propaganda-surge.min-count"), not(containsString("attack-surge.ratio")))));
	}

	@Test
	void showsWhyAChangeIsRefusedAndKeepsWhatWasTyped() throws Exception {
		this.mvc
			.perform(post("/admin/thresholds").param("value.threat-level.severe", "many")
				.param("reason", "")
				.param("action", "save"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("a reason is required"),
					containsString("&#39;many&#39; is not a whole number"), containsString("value=\"many\""))));

		assertThat(this.changes.inForce().values()).containsEntry("threat-level.severe", 5);
	}

	@Test
	void previewsAChangeWithoutSavingIt() throws Exception {
		this.mvc
			.perform(post("/admin/thresholds").param("value.threat-level.elevated", "2")
				.param("days", "30")
				.param("action", "preview"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Preview"), containsString("Would open (does not now)"),
					containsString("threat-level.elevated"))));

		assertThat(this.changes.inForce().values()).containsEntry("threat-level.elevated", 3);
	}

	@Test
	void openingThePagePreparesTheRunAPreviewOfItsPeriodComparesWith() throws Exception {
		assertThat(this.preview.keeps(47)).isFalse();

		this.mvc.perform(get("/admin/thresholds").param("days", "47"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"days\" min=\"1\" max=\"3650\" value=\"47\"")));

		await().atMost(Duration.ofMinutes(1)).until(() -> this.preview.keeps(47));
		assertThat(this.preview.keeps(46)).isFalse();
	}

}
