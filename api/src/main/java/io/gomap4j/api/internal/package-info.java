/**
 * What the api module shares with the engine and nobody else: {@code Printable}, the one escape of
 * control characters in messages, used by {@link io.gomap4j.api.GoType#parse(String)} and the
 * engine's messages alike. Exported to the engine only; not an API.
 */
package io.gomap4j.api.internal;
