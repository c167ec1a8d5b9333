/**
 * What the api module shares with the engine, the TCK and the CLI: {@code Printable}, the
 * one escape of control characters in messages, used by {@link io.gomap4j.api.GoType#parse(String)}
 * and the engine's, the TCK's and the CLI's messages alike. Not an API: it may change in any
 * release. The module exports it to everyone, since those modules may also run in the unnamed
 * module (on the class path) beside an api on the module path, where a qualified export would not
 * reach them.
 */
package io.gomap4j.api.internal;
