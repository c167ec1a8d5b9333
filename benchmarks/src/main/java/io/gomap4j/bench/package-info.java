/**
 * JMH benchmarks of gomap4j's hash providers next to hash4j's wyhash and komihash.
 *
 * <p>{@link io.gomap4j.bench.HashBenchmark} hashes byte arrays of several lengths,
 * {@link io.gomap4j.bench.Int64HashBenchmark} hashes 8-byte values; both pick their hash by name
 * through {@code HashUnderTest} and step through their inputs with a per-thread
 * {@link io.gomap4j.bench.Cursor}. {@link io.gomap4j.bench.ResultsTable} turns a JMH JSON result
 * into the Markdown table in the README.
 *
 * <p>{@link io.gomap4j.bench.BuildBenchmark} measures what making one empty map costs, next to
 * {@code new HashMap<>()}.
 */
package io.gomap4j.bench;
