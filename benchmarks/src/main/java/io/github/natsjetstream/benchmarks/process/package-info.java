/**
 * What the benchmarks run as processes of their own: the hand-written jnats loops of the
 * application case, and the applications of the scale case.
 */
@NullMarked
package io.github.natsjetstream.benchmarks.process;

import org.jspecify.annotations.NullMarked;
