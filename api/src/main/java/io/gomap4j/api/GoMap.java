package io.gomap4j.api;

import java.util.Map;

/**
 * A {@link Map} stored the way Go's runtime map (Go 1.19 to 1.23) stores its entries: 8-slot buckets
 * with tophash bytes, overflow chains and incremental growth at load factor 6.5.
 *
 * <p>It keeps the {@code java.util.Map} contract, and follows Go's rules where Java has none:
 * <ul>
 *   <li>iteration starts at a random bucket and slot offset, so two iterations of the same map may
 *       visit entries in different orders; a map built with a fixed seed and fixed key material
 *       iterates the same way on every run;</li>
 *   <li>the map may be modified while it is iterated, by the iterating thread itself: an entry
 *       removed before the iterator reaches it is not returned, an entry added may or may not be
 *       returned, and an entry that stays in the map is returned exactly once (a key removed and
 *       put back during the iteration is a new entry, and may be returned again, as in Go).
 *       Iterators do not fail fast;</li>
 *   <li>a write that overlaps another write, a read or an iteration (from another thread, or from a
 *       key's own {@code equals}/{@code hashCode}) is reported as a
 *       {@link java.util.ConcurrentModificationException} with Go's message, such as
 *       {@code "concurrent map writes"}. Detection is best effort, as in Go: the map is not
 *       thread-safe.</li>
 * </ul>
 *
 * <p>Null keys and null values are allowed, as in {@link java.util.HashMap}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface GoMap<K, V> extends Map<K, V> {

  /** The map's internal state: count, B, overflow buckets, growth progress and memory. */
  MapStats stats();
}
