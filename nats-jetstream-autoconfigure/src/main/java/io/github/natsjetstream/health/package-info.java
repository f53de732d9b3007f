/**
 * Actuator health of NATS: the connection and the handlers.
 */
@NullMarked
package io.github.natsjetstream.health;

import org.jspecify.annotations.NullMarked;
