/**
 * Replays Go runtime traces against the engine and reports the first divergence from Go's state.
 */
package io.gomap4j.engine.trace;
