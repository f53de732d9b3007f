/**
 * The Java samples of the documentation ({@code docs/*.md} and {@code README.md}): compiled
 * with the tests, never run, and copied into the pages by {@code DocsSamplesTests}. A page
 * shows a file (from its first line after the imports) or a tagged region of it
 * ({@code // tag::name[]} to {@code // end::name[]}) where a line
 * {@code <!-- sample: page/File.java#name -->} precedes a code block.
 */
package io.github.natsjetstream.docs.samples;
