/**
 * Auto-configuration for NATS and JetStream: wiring and properties only.
 */
@NullMarked
package io.github.natsjetstream.autoconfigure;

import org.jspecify.annotations.NullMarked;
