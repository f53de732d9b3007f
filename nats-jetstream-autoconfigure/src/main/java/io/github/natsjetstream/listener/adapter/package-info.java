/**
 * Invocation of handler methods through spring-messaging: message conversion, argument resolution and validation.
 */
@NullMarked
package io.github.natsjetstream.listener.adapter;

import org.jspecify.annotations.NullMarked;
