/**
 * Auto-configuration of the NATS health contributor (wiring only).
 */
@NullMarked
package io.github.natsjetstream.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
