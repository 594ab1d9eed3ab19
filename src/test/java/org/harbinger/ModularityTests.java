package org.harbinger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each top-level package is a module (docs/architecture.md, "Modules"): no cycles, each
 * depends only on the modules its package-info allows, and on the engine only through its
 * named interfaces {@code api} and {@code replay}. Two test-only classes break those
 * rules on purpose, to show that verification catches them.
 */
class ModularityTests {

	private static final Path DIAGRAM = Path.of("docs/modules.puml");

	private static final ApplicationModules MODULES = ApplicationModules.of(HarbingerApplication.class,
			new ImportOption.DoNotIncludeTests());

	@Test
	void modulesKeepTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void aPageReadingAFactTheRulesMatchBreaksTheEnginesBoundary() {
		ApplicationModules modules = ApplicationModules.of(HarbingerApplication.class, mainAnd("ReachesIntoTheEngine"));

		assertThatExceptionOfType(Violations.class).isThrownBy(modules::verify)
			.withMessageContaining("Module 'web' depends on module 'engine' via org.harbinger.web.ReachesIntoTheEngine"
					+ " -> org.harbinger.engine.IncidentFact");
	}

	@Test
	void theIncidentStoreKnowingAboutAlertsBreaksTheModulesOrder() {
		ApplicationModules modules = ApplicationModules.of(HarbingerApplication.class, mainAnd("DependsOnAlerts"));

		assertThatExceptionOfType(Violations.class).isThrownBy(modules::verify)
			.withMessageContaining("Module 'incident' depends on module 'alert'");
	}

	/**
	 * The diagram in docs/ is the one the modules make now: after a change, copy the file
	 * the message names.
	 */
	@Test
	void theModuleDiagramInDocsIsCurrent() throws IOException {
		Path output = Path.of("target/spring-modulith-docs");
		new Documenter(MODULES, output.toString()).writeModulesAsPlantUml();
		Path generated = output.resolve("components.puml");

		// Structurizr writes the same elements in a different order from run to run.
		assertThat(Files.readAllLines(DIAGRAM)).as("docs/modules.puml is stale: copy %s over it", generated)
			.containsExactlyInAnyOrderElementsOf(Files.readAllLines(generated));
	}

	/** The main classes, and of the test classes only the one named. */
	private static ImportOption mainAnd(String testClass) {
		ImportOption main = new ImportOption.DoNotIncludeTests();
		return (Location location) -> main.includes(location) || location.contains("/" + testClass + ".class");
	}

}
