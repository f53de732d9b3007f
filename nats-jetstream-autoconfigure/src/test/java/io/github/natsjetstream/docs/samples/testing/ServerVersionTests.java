package io.github.natsjetstream.docs.samples.testing;

import io.github.natsjetstream.test.EnabledOnNatsServer;
import org.junit.jupiter.api.Test;

class ServerVersionTests {

	// tag::versions[]
	@Test
	@EnabledOnNatsServer(atLeast = "2.11")
	void pausesTheConsumer() {
		// skipped on 2.9: "Needs nats-server 2.11 or later but the tests run nats-server 2.9.10 (/usr/sbin/nats-server)"
	}

	@Test
	@EnabledOnNatsServer(below = "2.10", reason = "servers from 2.10 take several filter subjects")
	void severalSubjectsAreAStartupError() {
		// ...
	}
	// end::versions[]

}
