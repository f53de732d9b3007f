/**
 * Test support for NATS JetStream: real {@code nats-server} processes (single servers and
 * clusters), JUnit Jupiter extensions, TLS certificates, decentralized-auth (operator/JWT)
 * fixtures, a Testcontainers variant, and a development server for running applications
 * ({@link io.github.natsjetstream.test.LocalNatsServerConfiguration}).
 *
 * <p>Spring and Testcontainers are optional: only
 * {@link io.github.natsjetstream.test.NatsServerPropertySource} needs {@code spring-test}, only
 * {@link io.github.natsjetstream.test.LocalNatsServerConfiguration} and its properties need
 * Spring Boot, and only {@link io.github.natsjetstream.test.NatsContainers} and the container
 * a {@link io.github.natsjetstream.test.LocalNatsServer} may start need
 * {@code testcontainers}.
 */
@NullMarked
package io.github.natsjetstream.test;

import org.jspecify.annotations.NullMarked;
