package org.harbinger.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClusterPropertiesTests {

	@Test
	void aPollOrLeaseThatWouldStopTheClusterIsRefusedNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClusterProperties(true, "a", Duration.ZERO, Duration.ofSeconds(10), true,
					Duration.ofSeconds(2)))
			.withMessageContaining("harbinger.cluster.poll");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClusterProperties(true, "a", Duration.ofMillis(500), Duration.ofMillis(10), true,
					Duration.ofSeconds(2)))
			.withMessageContaining("harbinger.cluster.lease");
	}

	@Test
	void aNodeWithoutANameGetsOneOfItsOwn() {
		ClusterProperties first = new ClusterProperties(true, null, Duration.ofMillis(500), Duration.ofSeconds(10),
				true, Duration.ofSeconds(2));
		ClusterProperties second = new ClusterProperties(true, " ", Duration.ofMillis(500), Duration.ofSeconds(10),
				true, Duration.ofSeconds(2));
		assertThat(first.nodeId()).isNotBlank().isNotEqualTo(second.nodeId());
	}

}
