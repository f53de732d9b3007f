/**
 * Micrometer observations of publishing and handling, with the trace context carried in
 * the NATS message headers.
 */
@NullMarked
package io.github.natsjetstream.observation;

import org.jspecify.annotations.NullMarked;
