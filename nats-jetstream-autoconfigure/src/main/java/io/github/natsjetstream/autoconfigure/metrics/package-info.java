/**
 * Auto-configuration of the Micrometer meters of the connection and the handlers.
 */
@NullMarked
package io.github.natsjetstream.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
