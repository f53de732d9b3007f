package io.github.natsjetstream.provisioning;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class ManagedMetadataTests {

	@Test
	void entriesNameTheLibraryAndTheApplication() {
		assertThat(ManagedMetadata.forApplication("orders-service").getEntries()).containsExactly(
				entry("io.github.natsjetstream.managed-by", "nats-jetstream-spring-boot-starter"),
				entry("io.github.natsjetstream.application", "orders-service"));
	}

	@Test
	void applicationWithoutANameIsLeftOut() {
		assertThat(ManagedMetadata.forApplication(null).getEntries())
			.containsOnlyKeys("io.github.natsjetstream.managed-by");
		assertThat(ManagedMetadata.forApplication(" ").getEntries())
			.containsOnlyKeys("io.github.natsjetstream.managed-by");
	}

	@Test
	void addingReplacesEarlierEntriesAndDropsTheServersKeys() {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("team", "orders");
		metadata.put("io.github.natsjetstream.application", "billing-service");
		metadata.put("_nats.req.level", "1");
		metadata.put("_nats.ver", "2.15.1");
		assertThat(ManagedMetadata.forApplication("orders-service").addTo(metadata)).containsOnly(
				entry("team", "orders"),
				entry("io.github.natsjetstream.managed-by", "nats-jetstream-spring-boot-starter"),
				entry("io.github.natsjetstream.application", "orders-service"));
		assertThat(ManagedMetadata.forApplication(null).addTo(null))
			.containsOnlyKeys("io.github.natsjetstream.managed-by");
	}

	@Test
	void declarableEntriesLeaveOutTheServersAndTheLibrarysKeys() {
		assertThat(ManagedMetadata.declarable(Map.of("team", "orders", "_nats.level", "5",
				"io.github.natsjetstream.managed-by", "nats-jetstream-spring-boot-starter", "cost", "42")))
			.containsExactly(entry("cost", "42"), entry("team", "orders"));
		assertThat(ManagedMetadata.declarable(null)).isEmpty();
	}

	@Test
	void reservedKeysCannotBeDeclared() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ManagedMetadata.checkDeclarable(Map.of("io.github.natsjetstream.application", "x")))
			.withMessage("Metadata key 'io.github.natsjetstream.application' is reserved: keys starting with "
					+ "'_nats.' belong to the server and keys starting with 'io.github.natsjetstream.' to this "
					+ "library");
		assertThatIllegalArgumentException().isThrownBy(() -> ManagedMetadata.checkDeclarable(Map.of("_nats.ver", "1")));
		assertThatIllegalArgumentException().isThrownBy(() -> ManagedMetadata.checkDeclarable(Map.of(" ", "1")));
	}

}
