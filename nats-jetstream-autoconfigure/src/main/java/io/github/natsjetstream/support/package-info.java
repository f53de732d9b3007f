/**
 * Types shared across the library: the exception hierarchy.
 */
@NullMarked
package io.github.natsjetstream.support;

import org.jspecify.annotations.NullMarked;
