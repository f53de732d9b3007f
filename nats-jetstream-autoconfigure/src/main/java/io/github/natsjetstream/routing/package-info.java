/**
 * Subject patterns: validation, matching, overlap and routing by specificity. Pure logic,
 * without I/O.
 */
@NullMarked
package io.github.natsjetstream.routing;

import org.jspecify.annotations.NullMarked;
