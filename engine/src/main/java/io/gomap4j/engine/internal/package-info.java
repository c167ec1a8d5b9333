/**
 * The engine's implementation: Go's map algorithm ({@code MapCore}), its paged bucket storage
 * ({@code BucketArray}), the map classes, and the invariant checker. Exported to the TCK and the CLI
 * only; not an API.
 */
package io.gomap4j.engine.internal;
