package io.github.natsjetstream.provisioning;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConfigurationDifferTests {

	private final ConfigurationDiffer<Map<String, Object>> differ = new ConfigurationDiffer<>(List.of(
			ConfigurationField.updatable("ack_wait", (Map<String, Object> config) -> config.get("ack_wait")),
			ConfigurationField.immutable("deliver_policy",
					(Map<String, Object> config) -> config.get("deliver_policy")),
			ConfigurationField.updatableWhen("level", (Map<String, Object> config) -> (Integer) config.get("level"),
					(current, wanted) -> wanted != null && current != null && wanted > current)));

	@Test
	void equalConfigurationsHaveNoDifferences() {
		Map<String, Object> config = Map.of("ack_wait", "30s", "deliver_policy", "all", "level", 1);
		assertThat(this.differ.compare(config, config, this.differ.getFieldNames())).isEmpty();
	}

	@Test
	void onlyDeclaredFieldsAreCompared() {
		Map<String, Object> current = Map.of("ack_wait", "30s", "deliver_policy", "all");
		Map<String, Object> wanted = Map.of("ack_wait", "60s", "deliver_policy", "new");
		assertThat(this.differ.compare(current, wanted, Set.of("ack_wait")))
			.containsExactly(new ConfigurationDifference("ack_wait", "'30s'", "'60s'", true));
	}

	@Test
	void differencesAreClassifiedAndInFieldOrder() {
		Map<String, Object> current = Map.of("ack_wait", "30s", "deliver_policy", "all", "level", 2);
		Map<String, Object> wanted = Map.of("ack_wait", "60s", "deliver_policy", "new", "level", 1);
		assertThat(this.differ.compare(current, wanted, Set.of("level", "deliver_policy", "ack_wait")))
			.containsExactly(new ConfigurationDifference("ack_wait", "'30s'", "'60s'", true),
					new ConfigurationDifference("deliver_policy", "'all'", "'new'", false),
					new ConfigurationDifference("level", "2", "1", false));
	}

	@Test
	void conditionalRuleSeesCurrentAndWantedValues() {
		Map<String, Object> current = Map.of("level", 1);
		Map<String, Object> wanted = Map.of("level", 2);
		assertThat(this.differ.compare(current, wanted, Set.of("level")))
			.containsExactly(new ConfigurationDifference("level", "1", "2", true));
	}

	@Test
	void missingValueIsShownAsNone() {
		assertThat(this.differ.compare(Map.of(), Map.of("ack_wait", "5s"), Set.of("ack_wait")))
			.containsExactly(new ConfigurationDifference("ack_wait", "none", "'5s'", true));
	}

	@Test
	void unknownFieldIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.differ.compare(Map.of(), Map.of(), Set.of("max_waiting")))
			.withMessage("Unknown field 'max_waiting'; known fields are [ack_wait, deliver_policy, level]");
	}

	@Test
	void fieldsMustHaveDistinctNames() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConfigurationDiffer<String>(List.of(ConfigurationField.updatable("a", String::length),
					ConfigurationField.immutable("a", String::length))))
			.withMessage("Field 'a' is defined more than once");
	}

	@Test
	void differenceReadsAsFieldCurrentArrowWanted() {
		assertThat(new ConfigurationDifference("max_age", "1h", "2h", true)).hasToString("max_age: 1h -> 2h");
	}

}
