package org.harbinger;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** Each top-level package is a module; they may not form cycles or reach into each other's internals. */
class ModularityTests {

	@Test
	void modulesKeepTheirBoundaries() {
		ApplicationModules.of(HarbingerApplication.class).verify();
	}

}
