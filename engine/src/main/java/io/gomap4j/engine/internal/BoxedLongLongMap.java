package io.gomap4j.engine.internal;

import io.gomap4j.api.MapStats;

/**
 * The {@link io.gomap4j.api.GoMap} view of a {@link LongLongMap}: boxes at the boundary and writes
 * through. It holds no null key or value, and refuses anything that is not a {@link Long}.
 */
final class BoxedLongLongMap extends AbstractGoMap<Long, Long> {

  private final LongLongMap map;

  BoxedLongLongMap(LongLongMap map) {
    this.map = map;
  }

  LongLongMap unwrap() {
    return map;
  }

  private static long unbox(String what, Object o) {
    if (o == null) {
      throw new NullPointerException("a LongLongGoMap holds no null " + what + "s");
    }
    if (!(o instanceof Long)) {
      throw new ClassCastException(
          what + " must be a java.lang.Long for a LongLongGoMap, got " + o.getClass().getName());
    }
    return (Long) o;
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public boolean isEmpty() {
    return map.isEmpty();
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof Long && map.containsKey((Long) key);
  }

  @Override
  public Long get(Object key) {
    return key instanceof Long ? map.getBoxed((Long) key) : null;
  }

  @Override
  public Long put(Long key, Long value) {
    long k = unbox("key", key);
    long v = unbox("value", value);
    long previous = map.put(k, v);
    return map.lastWriteFound() ? previous : null;
  }

  /** As {@link LongLongMap#remove}: an absent key still does the grow work of a write, as Go's
   * {@code delete} does. */
  @Override
  public Long remove(Object key) {
    if (!(key instanceof Long)) {
      return null;
    }
    long previous = map.remove((Long) key);
    return map.lastWriteFound() ? previous : null;
  }

  @Override
  public void clear() {
    map.clear();
  }

  @Override
  public MapStats stats() {
    return map.stats();
  }

  @Override
  EntryCursor<Long, Long> cursor() {
    LongLongMap.EntryCursor c = map.cursor();
    return new EntryCursor<>() {
      @Override
      public boolean next() {
        return c.next();
      }

      @Override
      public Long key() {
        return c.key();
      }

      @Override
      public Long value() {
        return c.value();
      }
    };
  }
}
