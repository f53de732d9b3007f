/**
 * Benchmarks of {@code @NatsHandler} handlers against hand-written jnats code, run in one
 * JVM against one {@code nats-server}: consume throughput, publish-to-handler latency,
 * startup and memory. {@link io.github.natsjetstream.benchmarks.BenchmarkRunner} is the
 * entry point.
 */
@NullMarked
package io.github.natsjetstream.benchmarks;

import org.jspecify.annotations.NullMarked;
