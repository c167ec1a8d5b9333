/**
 * What the api module shares with the engine and the CLI and nobody else: {@code Printable}, the
 * one escape of control characters in messages, used by {@link io.gomap4j.api.GoType#parse(String)}
 * and the engine's and the CLI's messages alike. Exported to those two modules only; not an API.
 */
package io.gomap4j.api.internal;
