package io.github.natsjetstream.autoconfigure;

import io.github.natsjetstream.provisioning.ProvisioningException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the provisioning tests.
 */
final class ProvisioningTestSupport {

	private ProvisioningTestSupport() {
	}

	static ApplicationContextRunner contextRunner(String url) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(NatsAutoConfiguration.class, NatsProvisioningAutoConfiguration.class))
			.withPropertyValues("nats.servers=" + url);
	}

	static ProvisioningException provisioningFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof ProvisioningException)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("a ProvisioningException causing %s", context.getStartupFailure()).isNotNull();
		return (ProvisioningException) failure;
	}

}
