/**
 * Handler containers (one durable pull consumer each) and their registry, which starts and stops them with the application context.
 */
@NullMarked
package io.github.natsjetstream.listener;

import org.jspecify.annotations.NullMarked;
