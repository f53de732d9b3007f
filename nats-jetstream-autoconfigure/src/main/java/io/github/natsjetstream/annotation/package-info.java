/**
 * The {@code @NatsHandler} and {@code @NatsRoute} annotations and the post-processor that turns annotated methods into handler endpoints.
 */
@NullMarked
package io.github.natsjetstream.annotation;

import org.jspecify.annotations.NullMarked;
