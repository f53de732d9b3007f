/**
 * Handler endpoints: the resolved settings of each {@code @NatsHandler}, and how they are resolved from annotations and properties.
 */
@NullMarked
package io.github.natsjetstream.config;

import org.jspecify.annotations.NullMarked;
