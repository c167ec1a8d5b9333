package io.gomap4j.bench;

import static java.util.Objects.requireNonNull;

import com.carrotsearch.hppc.LongLongHashMap;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.GoMaps;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.Long2LongMaps;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrona.collections.Long2LongHashMap;

/**
 * A {@code long -> long} map under test, chosen by name. Every operation takes the key both as a
 * primitive and boxed, so that the maps that box get a ready {@link Long} (their own cost of boxing
 * is theirs, but the benchmark's is not) and the primitive maps ignore it. A put stores the key as
 * its own value; a get returns the value or 0 (Agrona: {@link Long#MIN_VALUE}) when absent.
 *
 * <p>Each JMH fork and each latency or memory run uses one implementation, so every call site here
 * stays monomorphic where it matters.
 */
public abstract class LongMapUnderTest {

  /** gomap4j's primitive {@link LongLongGoMap} with {@code memhash-go119}. */
  public static final String GOMAP = "gomap";
  /** gomap4j's {@code GoMap<Long, Long>} with {@code memhash-go119}. */
  public static final String GOMAP_BOXED = "gomap-boxed";
  /** {@code java.util.HashMap<Long, Long>}. */
  public static final String HASHMAP = "hashmap";
  /** fastutil's {@code Long2LongOpenHashMap}: the baseline of the targets. */
  public static final String FASTUTIL = "fastutil";
  /** Eclipse Collections' {@code LongLongHashMap}. */
  public static final String ECLIPSE = "eclipse";
  /** Agrona's {@code Long2LongHashMap}. */
  public static final String AGRONA = "agrona";
  /** HPPC's {@code LongLongHashMap}. */
  public static final String HPPC = "hppc";

  /** Every implementation, in table order. */
  public static final List<String> NAMES =
      List.of(GOMAP, GOMAP_BOXED, HASHMAP, FASTUTIL, ECLIPSE, AGRONA, HPPC);

  /** The seed every gomap4j map is built with, so that runs repeat. */
  static final long SEED = 0x6f6d6170L;

  /**
   * A new empty map.
   *
   * @param expectedSize the number of entries to presize for, or 0 for the implementation's default
   *     (a map that grows from empty)
   * @throws IllegalArgumentException if {@code name} is not one of {@link #NAMES}
   */
  public static LongMapUnderTest create(String name, int expectedSize) {
    requireNonNull(name, "name is null");
    switch (name) {
      case GOMAP:
        return new Go(GoMaps.builder().hash("memhash-go119").layout("amd64").growth("go119")
            .seed(SEED).expectedSize(expectedSize).buildLongLong());
      case GOMAP_BOXED:
        return new Boxed(GoMaps.builder().hash("memhash-go119").layout("amd64").growth("go119")
            .seed(SEED).expectedSize(expectedSize).<Long, Long>build());
      case HASHMAP:
        return new Boxed(expectedSize == 0 ? new HashMap<>()
            : new HashMap<>((int) Math.min(Integer.MAX_VALUE, expectedSize / 0.75 + 1)));
      case FASTUTIL:
        return new Fastutil(expectedSize == 0 ? new Long2LongOpenHashMap()
            : new Long2LongOpenHashMap(expectedSize));
      case ECLIPSE:
        return new Eclipse(expectedSize == 0
            ? new org.eclipse.collections.impl.map.mutable.primitive.LongLongHashMap()
            : new org.eclipse.collections.impl.map.mutable.primitive.LongLongHashMap(expectedSize));
      case AGRONA:
        // Agrona's capacity is slots, not entries: presize for its default load factor.
        return new Agrona(expectedSize == 0 ? new Long2LongHashMap(Long.MIN_VALUE)
            : new Long2LongHashMap((int) Math.min(1 << 30, expectedSize / 0.65 + 1), 0.65f,
                Long.MIN_VALUE));
      case HPPC:
        return new Hppc(expectedSize == 0 ? new LongLongHashMap()
            : new LongLongHashMap(expectedSize));
      default:
        throw new IllegalArgumentException(
            "unknown map implementation '" + name + "'; known: " + String.join(", ", NAMES));
    }
  }

  /** A human-readable name of the implementation, for tables. */
  public static String label(String name) {
    switch (name) {
      case GOMAP:
        return "LongLongGoMap";
      case GOMAP_BOXED:
        return "GoMap<Long,Long>";
      case HASHMAP:
        return "HashMap<Long,Long>";
      case FASTUTIL:
        return "fastutil Long2LongOpenHashMap";
      case ECLIPSE:
        return "Eclipse LongLongHashMap";
      case AGRONA:
        return "Agrona Long2LongHashMap";
      case HPPC:
        return "HPPC LongLongHashMap";
      default:
        return name;
    }
  }

  /** Sink of {@link #sum()}; written by the iteration callbacks. */
  long acc;

  /** The value of {@code key}, or the implementation's missing value. */
  public abstract long get(long key, Long boxedKey);

  /** Maps {@code key} to itself. */
  public abstract void put(long key, Long boxedKey);

  /** Removes {@code key}; returns its value or the missing value. */
  public abstract long remove(long key, Long boxedKey);

  /** Visits every entry and returns a digest of keys and values. */
  public abstract long sum();

  /** The number of entries. */
  public abstract int size();

  /** The map itself, for measuring its memory. */
  public abstract Object map();

  static final class Go extends LongMapUnderTest {
    private final LongLongGoMap m;

    Go(LongLongGoMap m) {
      this.m = m;
    }

    @Override
    public long get(long key, Long boxedKey) {
      return m.get(key);
    }

    @Override
    public void put(long key, Long boxedKey) {
      m.put(key, key);
    }

    @Override
    public long remove(long key, Long boxedKey) {
      return m.remove(key);
    }

    @Override
    public long sum() {
      acc = 0;
      m.forEach((k, v) -> acc += k ^ v);
      return acc;
    }

    @Override
    public int size() {
      return m.size();
    }

    @Override
    public Object map() {
      return m;
    }
  }

  /** Any {@code Map<Long, Long>}: {@code GoMap<Long, Long>} and {@code HashMap<Long, Long>}. */
  static final class Boxed extends LongMapUnderTest {
    private final Map<Long, Long> m;

    Boxed(Map<Long, Long> m) {
      this.m = m;
    }

    @Override
    public long get(long key, Long boxedKey) {
      Long v = m.get(boxedKey);
      return v == null ? 0 : v;
    }

    @Override
    public void put(long key, Long boxedKey) {
      m.put(boxedKey, boxedKey);
    }

    @Override
    public long remove(long key, Long boxedKey) {
      Long v = m.remove(boxedKey);
      return v == null ? 0 : v;
    }

    @Override
    public long sum() {
      long s = 0;
      for (Map.Entry<Long, Long> e : m.entrySet()) {
        s += e.getKey() ^ e.getValue();
      }
      return s;
    }

    @Override
    public int size() {
      return m.size();
    }

    @Override
    public Object map() {
      return m;
    }
  }

  static final class Fastutil extends LongMapUnderTest {
    private final Long2LongOpenHashMap m;

    Fastutil(Long2LongOpenHashMap m) {
      this.m = m;
    }

    @Override
    public long get(long key, Long boxedKey) {
      return m.get(key);
    }

    @Override
    public void put(long key, Long boxedKey) {
      m.put(key, key);
    }

    @Override
    public long remove(long key, Long boxedKey) {
      return m.remove(key);
    }

    @Override
    public long sum() {
      long s = 0;
      for (Long2LongMap.Entry e : Long2LongMaps.fastIterable(m)) {
        s += e.getLongKey() ^ e.getLongValue();
      }
      return s;
    }

    @Override
    public int size() {
      return m.size();
    }

    @Override
    public Object map() {
      return m;
    }
  }

  static final class Eclipse extends LongMapUnderTest {
    private final org.eclipse.collections.impl.map.mutable.primitive.LongLongHashMap m;

    Eclipse(org.eclipse.collections.impl.map.mutable.primitive.LongLongHashMap m) {
      this.m = m;
    }

    @Override
    public long get(long key, Long boxedKey) {
      return m.get(key);
    }

    @Override
    public void put(long key, Long boxedKey) {
      m.put(key, key);
    }

    @Override
    public long remove(long key, Long boxedKey) {
      return m.removeKeyIfAbsent(key, 0);
    }

    @Override
    public long sum() {
      acc = 0;
      m.forEachKeyValue((k, v) -> acc += k ^ v);
      return acc;
    }

    @Override
    public int size() {
      return m.size();
    }

    @Override
    public Object map() {
      return m;
    }
  }

  static final class Agrona extends LongMapUnderTest {
    private final Long2LongHashMap m;

    Agrona(Long2LongHashMap m) {
      this.m = m;
    }

    @Override
    public long get(long key, Long boxedKey) {
      return m.get(key);
    }

    @Override
    public void put(long key, Long boxedKey) {
      m.put(key, key);
    }

    @Override
    public long remove(long key, Long boxedKey) {
      return m.remove(key);
    }

    @Override
    public long sum() {
      acc = 0;
      m.forEachLong((k, v) -> acc += k ^ v);
      return acc;
    }

    @Override
    public int size() {
      return m.size();
    }

    @Override
    public Object map() {
      return m;
    }
  }

  static final class Hppc extends LongMapUnderTest {
    private final LongLongHashMap m;

    Hppc(LongLongHashMap m) {
      this.m = m;
    }

    @Override
    public long get(long key, Long boxedKey) {
      return m.get(key);
    }

    @Override
    public void put(long key, Long boxedKey) {
      m.put(key, key);
    }

    @Override
    public long remove(long key, Long boxedKey) {
      return m.remove(key);
    }

    @Override
    public long sum() {
      acc = 0;
      m.forEach((com.carrotsearch.hppc.procedures.LongLongProcedure) (k, v) -> acc += k ^ v);
      return acc;
    }

    @Override
    public int size() {
      return m.size();
    }

    @Override
    public Object map() {
      return m;
    }
  }
}
