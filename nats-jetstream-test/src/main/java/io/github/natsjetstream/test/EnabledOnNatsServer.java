package io.github.natsjetstream.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class or method only when the {@code nats-server} that the tests run
 * (the one {@link NatsServerBinary#locate()} finds) has the given version; otherwise the test
 * is skipped, and the reason names the version it needs and the version found.
 *
 * <pre class="code">
 * &#64;Test
 * &#64;EnabledOnNatsServer(atLeast = "2.11")
 * void pausesTheConsumer() { ... }
 *
 * &#64;Test
 * &#64;EnabledOnNatsServer(below = "2.10", reason = "2.10 allows several filter subjects")
 * void severalSubjectsAreAStartupError() { ... }
 * </pre>
 *
 * <p>A test that starts a server with {@link NatsServer.Builder#binary(java.nio.file.Path)}
 * asks that server instead, with {@link NatsServerAssumptions}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 * @see NatsServerVersion
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(EnabledOnNatsServerCondition.class)
public @interface EnabledOnNatsServer {

	/**
	 * The oldest server version the test is about, for example {@code "2.11"}; empty for no
	 * lower bound.
	 * @return the lowest version, inclusive
	 */
	String atLeast() default "";

	/**
	 * The first server version the test is no longer about, for example {@code "2.10"} for a
	 * test of what servers before 2.10 do; empty for no upper bound.
	 * @return the upper bound, exclusive
	 */
	String below() default "";

	/**
	 * Why the test needs these versions, added to the reason of a skip.
	 * @return the explanation, or empty
	 */
	String reason() default "";

}
