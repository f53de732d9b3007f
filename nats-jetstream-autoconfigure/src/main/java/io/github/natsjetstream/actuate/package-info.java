/**
 * The Actuator endpoint for NATS JetStream.
 */
@NullMarked
package io.github.natsjetstream.actuate;

import org.jspecify.annotations.NullMarked;
