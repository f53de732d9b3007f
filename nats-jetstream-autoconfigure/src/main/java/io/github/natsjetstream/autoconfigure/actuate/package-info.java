/**
 * Auto-configuration of the Actuator endpoints for NATS JetStream (wiring only).
 */
@NullMarked
package io.github.natsjetstream.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
