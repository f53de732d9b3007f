/**
 * Creating NATS connections from options: fail-fast startup, background connecting, redaction of secrets and connection event logging.
 */
@NullMarked
package io.github.natsjetstream.connection;

import org.jspecify.annotations.NullMarked;
