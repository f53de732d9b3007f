/**
 * Test support for NATS JetStream: real {@code nats-server} processes (single servers and
 * clusters), JUnit Jupiter extensions, TLS certificates, decentralized-auth (operator/JWT)
 * fixtures and a Testcontainers variant.
 *
 * <p>Spring Test and Testcontainers are optional: only
 * {@link io.github.natsjetstream.test.NatsServerPropertySource} needs {@code spring-test}, and
 * only {@link io.github.natsjetstream.test.NatsContainers} needs {@code testcontainers}.
 */
@NullMarked
package io.github.natsjetstream.test;

import org.jspecify.annotations.NullMarked;
