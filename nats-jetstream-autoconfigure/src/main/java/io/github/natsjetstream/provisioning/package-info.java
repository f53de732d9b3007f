/**
 * Declarative provisioning of JetStream streams and key-value buckets: declarations, differences and their application.
 */
@NullMarked
package io.github.natsjetstream.provisioning;

import org.jspecify.annotations.NullMarked;
