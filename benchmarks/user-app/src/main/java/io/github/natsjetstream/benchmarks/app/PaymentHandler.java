package io.github.natsjetstream.benchmarks.app;

import io.github.natsjetstream.annotation.NatsHandler;

import org.springframework.stereotype.Component;

/**
 * The busy handler, as a user writes it: a method taking the record. The benchmark starts
 * it ({@code bench.auto-startup=false}) once the application is up, so that the clock
 * covers consuming only.
 */
@Component
class PaymentHandler {

	/** The handler's id. */
	static final String ID = "payments";

	private final PaymentCounter counter;

	PaymentHandler(PaymentCounter counter) {
		this.counter = counter;
	}

	@NatsHandler(value = "${bench.subject}", id = ID, durable = "payments", autoStartup = "${bench.auto-startup:true}")
	void on(Payment payment) {
		this.counter.accept(payment);
	}

}
