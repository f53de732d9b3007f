package io.github.natsjetstream.benchmarks;

import io.github.natsjetstream.annotation.NatsHandler;

/**
 * One idle handler of the scale case's application, registered as many times as the case
 * asks for: each bean takes the next subject of {@link ScaleSubjects} (the expression is
 * evaluated once per bean, in the order the beans are created, which is the order they
 * were registered in, so a restart gives every handler the subject it had).
 */
public class ScaleHandler {

	@NatsHandler("#{scaleSubjects.next()}")
	void on(Order order) {
		throw new IllegalStateException("The scale case's handlers receive nothing");
	}

}
