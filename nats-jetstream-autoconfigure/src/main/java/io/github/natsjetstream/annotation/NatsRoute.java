package io.github.natsjetstream.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes the messages of a class-level {@link NatsHandler @NatsHandler} consumer to this
 * method. Each message goes to exactly one method: the one whose pattern is most
 * specific for its subject, comparing tokens from the left (a literal token beats
 * {@code *}, and {@code *} beats {@code >}). {@code @NatsRoute(">")} is the catch-all. A
 * message that no route matches is dead-lettered with reason {@code no-route}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NatsRoute {

	/**
	 * Subject patterns routed to this method; placeholders allowed.
	 * @return the subject patterns
	 */
	String[] value();

}
