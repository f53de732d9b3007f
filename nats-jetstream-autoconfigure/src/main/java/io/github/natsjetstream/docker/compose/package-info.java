/**
 * Support for Spring Boot's Docker Compose service connections to a {@code nats} service.
 */
@NullMarked
package io.github.natsjetstream.docker.compose;

import org.jspecify.annotations.NullMarked;
