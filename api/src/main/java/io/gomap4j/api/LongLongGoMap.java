package io.gomap4j.api;

/**
 * A Go map from a fixed-size integer type to a fixed-size integer type, stored in flat bucket memory
 * laid out as Go's compiler lays out {@code map[K]V} on the configured platform. No method here
 * boxes.
 *
 * <p>The Go types are chosen when the map is built: {@code int64} (the default), {@code int32},
 * {@code uint32} or {@code uint64} for keys and for values. A key or value outside the chosen type's
 * range is refused with an {@link IllegalArgumentException} that names it and the allowed range, and
 * the map is left unchanged. Values of {@code uint64} are passed as the {@code long} with the same
 * bits.
 *
 * <p>As in Go, reading an absent key gives the zero value: {@link #get(long)} returns {@code 0}, and
 * {@link #containsKey(long)} or {@link #getOrDefault(long, long)} tell an absent key from a zero
 * value. Iteration, mutation during iteration and misuse detection follow {@link GoMap}.
 */
public interface LongLongGoMap {

  /** The number of entries. */
  int size();

  /** Whether the map has no entries. */
  boolean isEmpty();

  /** The value for {@code key}, or {@code 0} (Go's zero value) when the key is absent. */
  long get(long key);

  /** The value for {@code key}, or {@code defaultValue} when the key is absent. */
  long getOrDefault(long key, long defaultValue);

  /** Whether {@code key} is present. */
  boolean containsKey(long key);

  /**
   * Associates {@code value} with {@code key}.
   *
   * @return the previous value, or {@code 0} when the key was absent
   * @throws IllegalArgumentException if the key or value does not fit the map's Go types
   */
  long put(long key, long value);

  /**
   * Removes {@code key}.
   *
   * @return the removed value, or {@code 0} when the key was absent
   */
  long remove(long key);

  /** Calls {@code action} for every entry, in Go's iteration order. */
  void forEach(LongLongConsumer action);

  /** Removes every entry. As in Go, the bucket array is kept and B does not shrink. */
  void clear();

  /** The map's internal state. */
  MapStats stats();

  /**
   * A {@link GoMap} view of this map with boxed keys and values. Writes through the view are writes
   * to this map; a key or value that is not a {@link Long} is refused with a
   * {@link ClassCastException} that names its class.
   */
  GoMap<Long, Long> boxed();
}
