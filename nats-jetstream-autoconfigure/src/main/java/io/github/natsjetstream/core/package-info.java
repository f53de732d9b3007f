/**
 * Publishing to JetStream: {@link io.github.natsjetstream.core.JetStreamTemplate}, its
 * options and its errors.
 */
@NullMarked
package io.github.natsjetstream.core;

import org.jspecify.annotations.NullMarked;
