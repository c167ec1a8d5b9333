/**
 * The engine's implementation: Go's map algorithm ({@code MapCore}), its paged bucket storage
 * ({@code BucketArray}), the map classes, and the invariant checker, for the TCK and the CLI.
 * Not an API: it may change in any release. The module exports it to everyone, since the TCK and
 * the CLI may also run in the unnamed module (on the class path) beside an engine on the module
 * path, where a qualified export would not reach them.
 */
package io.gomap4j.engine.internal;
