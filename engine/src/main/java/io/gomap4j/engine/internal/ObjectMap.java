package io.gomap4j.engine.internal;

import io.gomap4j.api.GoType;
import io.gomap4j.api.MapStats;
import io.gomap4j.api.internal.Printable;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.PlatformLayout;
import java.util.Objects;

/**
 * A {@link io.gomap4j.api.GoMap} of Java objects: Go's buckets, tophash bytes and overflow chains,
 * with keys and values in reference slots. The number of buckets Go would preallocate comes from the
 * bucket layout of the modelled Go types on the chosen platform.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ObjectMap<K, V> extends AbstractGoMap<K, V> {

  private final Core core;

  /**
   * A map whose buckets model {@code map[keyType]elemType} on {@code layout}'s platform.
   */
  public ObjectMap(
      Hasher hasher, PlatformLayout layout, GrowthPolicy growth, GoType keyType, GoType elemType,
      long hint, long seed) {
    this.core = new Core(hasher, layout, growth, keyType, elemType, hint, seed);
  }

  MapCore core() {
    return core;
  }

  @Override
  public int size() {
    return core.count;
  }

  @Override
  public boolean isEmpty() {
    return core.count == 0;
  }

  @Override
  public boolean containsKey(Object key) {
    return core.count != 0 && core.find(key, core.hashKey(key)) >= 0;
  }

  @Override
  public V get(Object key) {
    if (core.count == 0) {
      return null;
    }
    long pos = core.find(key, core.hashKey(key));
    return pos < 0 ? null : core.elemAt(pos);
  }

  @Override
  public V put(K key, V value) {
    return core.put(key, value);
  }

  @Override
  public V remove(Object key) {
    return core.remove(key);
  }

  @Override
  public void clear() {
    core.clearAll();
  }

  @Override
  public MapStats stats() {
    return core.stats();
  }

  @Override
  EntryCursor<K, V> cursor() {
    MapCore.Cursor c = core.new Cursor();
    return new EntryCursor<>() {
      private K key;
      private V value;

      @Override
      public boolean next() {
        if (!c.advance()) {
          return false;
        }
        key = core.keyAt(c.arr, c.bkt, c.slot);
        value = core.elemAt(c.arr, c.bkt, c.slot);
        return true;
      }

      @Override
      public K key() {
        return key;
      }

      @Override
      public V value() {
        return value;
      }
    };
  }

  private final class Core extends MapCore {

    /** The modelled Go types and the layout's name, for {@link #description()}. */
    private final GoType keyType;

    private final GoType elemType;
    private final String layoutName;

    Core(Hasher hasher, PlatformLayout layout, GrowthPolicy growth, GoType keyType,
        GoType elemType, long hint, long seed) {
      super(hasher, growth,
          Geometry.references(Geometry.bucketLayout(layout, keyType, elemType), layout),
          hint, seed);
      this.keyType = keyType;
      this.elemType = elemType;
      this.layoutName = layout.name();
    }

    @Override
    String description() {
      return "map[" + keyType.abbreviated() + "]" + elemType.abbreviated()
          + " of Java objects on " + Printable.of(layoutName);
    }

    long hashKey(Object key) {
      return JavaKeyHash.hash(hasher, key, seed());
    }

    @SuppressWarnings("unchecked")
    K keyAt(BucketArray a, int b, int i) {
      return (K) a.refPage(b)[a.refOffset(b) + i];
    }

    @SuppressWarnings("unchecked")
    V elemAt(BucketArray a, int b, int i) {
      return (V) a.refPage(b)[a.refOffset(b) + SLOTS + i];
    }

    V elemAt(long pos) {
      BucketArray a = (pos & (1L << 62)) != 0 ? oldbuckets : buckets;
      return elemAt(a, (int) ((pos >>> 3) & 0x7FFFFFFFL), (int) (pos & 7));
    }

    long find(Object key, long hash) {
      long start = lookupStart(hash);
      boolean old = (start >>> 32) != 0;
      BucketArray a = old ? oldbuckets : buckets;
      int top = tophash(hash);
      for (int b = (int) start; b != NIL; b = a.overflow(b)) {
        long tops = TophashWord.read(a.page(b), a.offset(b));
        int i = slotOf(a, b, tops, top, key);
        if (i >= 0) {
          return position(old, b, i);
        }
        if (TophashWord.endsChain(tops)) {
          return -1;
        }
      }
      return -1;
    }

    /**
     * The slot of {@code key} in bucket {@code b} of {@code a}, whose tophash bytes are
     * {@code tops}, or -1: only the slots whose tophash is {@code top} compare keys.
     */
    private int slotOf(BucketArray a, int b, long tops, int top, Object key) {
      long m = TophashWord.matches(tops, top);
      if (m == 0) {
        return -1;
      }
      Object[] refs = a.refPage(b);
      int ro = a.refOffset(b);
      for (; m != 0; m &= m - 1) {
        int i = TophashWord.slot(m);
        if (Objects.equals(key, refs[ro + i])) {
          return i;
        }
      }
      return -1;
    }

    V put(K key, V value) {
      checkNotWriting();
      long hash = hashKey(key);
      beginWrite();
      try {
        int top = tophash(hash);
        while (true) {
          int b = writeBucket(hash);
          BucketArray a = buckets;
          long ins = -1;
          while (true) {
            long tops = TophashWord.read(a.page(b), a.offset(b));
            int i = slotOf(a, b, tops, top, key);
            if (i >= 0) {
              V previous = elemAt(a, b, i);
              a.writable(b);
              a.refPage(b)[a.refOffset(b) + SLOTS + i] = value;
              return previous;
            }
            ins = insertionPoint(ins, b, tops);
            int next = nextToSearch(a, b, tops);
            if (next == NIL) {
              break;
            }
            b = next;
          }
          if (growBeforeInsert()) {
            continue;
          }
          long at = insertAt(ins, b);
          int insB = (int) (at >>> 3);
          int insI = (int) at & 7;
          a.writable(insB);
          Object[] refs = a.refPage(insB);
          int ro = a.refOffset(insB);
          refs[ro + insI] = key;
          refs[ro + SLOTS + insI] = value;
          inserted(insB, insI, top);
          return null;
        }
      } finally {
        endWrite();
      }
    }

    V remove(Object key) {
      if (count == 0) {
        return null;
      }
      checkNotWriting();
      long hash = hashKey(key);
      beginWrite();
      try {
        int bOrig = writeBucket(hash);
        BucketArray a = buckets;
        int top = tophash(hash);
        for (int b = bOrig; b != NIL; b = a.overflow(b)) {
          long tops = TophashWord.read(a.page(b), a.offset(b));
          int i = slotOf(a, b, tops, top, key);
          if (i >= 0) {
            V previous = elemAt(a, b, i);
            deleteSlot(bOrig, b, i);
            return previous;
          }
          if (TophashWord.endsChain(tops)) {
            return null;
          }
        }
        return null;
      } finally {
        endWrite();
      }
    }

    @Override
    long rehash(BucketArray a, int bkt, int i) {
      return hashKey(keyAt(a, bkt, i));
    }

    @Override
    long relookup(BucketArray a, int bkt, int i) {
      Object key = keyAt(a, bkt, i);
      return count == 0 ? -1 : find(key, hashKey(key));
    }
  }
}
