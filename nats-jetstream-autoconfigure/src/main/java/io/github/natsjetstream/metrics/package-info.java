/**
 * Micrometer meters of the connection, the handlers' consumers and their dead letters.
 */
@NullMarked
package io.github.natsjetstream.metrics;

import org.jspecify.annotations.NullMarked;
