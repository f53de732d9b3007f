package io.github.natsjetstream.docs.samples.observability;

import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;

class PauseSample {

	void pauseAndResume(NatsHandlerContainerRegistry registry) {
		// tag::pause[]
		registry.pause("orders");
		registry.resume("orders");
		// end::pause[]
	}

}
