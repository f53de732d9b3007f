/**
 * Support for Spring Boot's Testcontainers {@code @ServiceConnection} to a {@code nats} container.
 */
@NullMarked
package io.github.natsjetstream.testcontainers;

import org.jspecify.annotations.NullMarked;
