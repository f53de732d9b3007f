/**
 * What happens when a handler fails: backoff, redelivery, dead letters.
 */
@NullMarked
package io.github.natsjetstream.retry;

import org.jspecify.annotations.NullMarked;
