/**
 * Experiments on the handler hot path, run as extra throughput cases ({@code --cases=e1,e2,...})
 * to measure a suggested change before it is made in the library. Each is a cut-down copy
 * of {@code NatsHandlerContainer} and {@code HandlerWorker} with one thing changed; they
 * leave out what does not run per message (keep-alives, consumer checks, graceful stop).
 */
@NullMarked
package io.github.natsjetstream.benchmarks.experiment;

import org.jspecify.annotations.NullMarked;
