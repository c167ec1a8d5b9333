package io.gomap4j.engine.internal;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.GoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongConsumer;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.api.internal.Printable;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.PlatformLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Set;

/**
 * {@code map[K]V} for 4- and 8-byte integer K and V, in flat bucket memory laid out exactly as the
 * platform's Go compiler lays out the bucket: keys and elems are stored as bytes in the platform's
 * byte order, at the layout's offsets, in buckets of the layout's size. Keys hash as Go hashes them:
 * {@code memhash64} for 8-byte keys, {@code memhash32} for 4-byte keys.
 */
public final class LongLongMap extends MapCore implements LongLongGoMap {

  private static final Set<GoType> TYPES =
      Set.of(GoType.INT64, GoType.INT32, GoType.UINT64, GoType.UINT32);

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final GoType keyType;
  private final GoType elemType;
  private final boolean bigEndian;
  private final boolean key64;
  private final boolean keyUnsigned;
  private final boolean elem64;
  private final boolean elemUnsigned;
  private final int keysOffset;
  private final int keySlot;
  private final int elemsOffset;
  private final int elemSlot;
  /**
   * 8-byte keys and elems in little-endian buckets: {@code get} runs {@link #getLE64}, which reads
   * keys and elems in place. Every search compares a bucket's eight tophash bytes at once
   * ({@link #slotOf}).
   */
  private final boolean le64;
  private final int stride;
  private final int overflowOffset;
  /** The layout's name, for {@link #description()}. */
  private final String layoutName;
  private GoMap<Long, Long> boxed;
  /** Whether the last put or remove found its key; written only inside a write. */
  private boolean lastWriteFound;

  /**
   * A map for {@code map[keyType]elemType} on {@code layout}'s platform.
   *
   * @throws IllegalArgumentException if a type is not int32, int64, uint32 or uint64
   */
  public LongLongMap(
      Hasher hasher, PlatformLayout layout, GrowthPolicy growth, GoType keyType, GoType elemType,
      long hint, long seed) {
    this(hasher, layout, checkType("key", keyType), checkType("value", elemType),
        Geometry.bucketLayout(layout, keyType, elemType), growth, hint, seed);
  }

  private LongLongMap(
      Hasher hasher, PlatformLayout layout, GoType keyType, GoType elemType, BucketLayout bl,
      GrowthPolicy growth, long hint, long seed) {
    super(hasher, growth, Geometry.flat(bl, layout), hint, seed);
    this.layoutName = layout.name();
    if (bl.indirectKey() || bl.indirectElem()) {
      throw new IllegalArgumentException("layout '" + Printable.of(layout.name()) + "' stores "
          + description(keyType, elemType, layoutName) + " indirectly; flat storage needs inline"
          + " slots");
    }
    if (!bl.key().equals(keyType) || !bl.elem().equals(elemType)
        || bl.keySlotSize() != scalarSize(keyType) || bl.elemSlotSize() != scalarSize(elemType)) {
      throw new IllegalArgumentException("layout '" + Printable.of(layout.name())
          + "' gives map[" + bl.key().abbreviated() + "]" + bl.elem().abbreviated() + " with "
          + bl.keySlotSize() + "-byte key and " + bl.elemSlotSize()
          + "-byte elem slots for " + description(keyType, elemType, layoutName)
          + "; int64 and uint64 take 8 bytes, int32 and uint32 4");
    }
    this.keyType = keyType;
    this.elemType = elemType;
    this.bigEndian = layout.platform().bigEndian();
    this.key64 = bl.keySlotSize() == 8;
    this.keyUnsigned = keyType == GoType.UINT32;
    this.elem64 = bl.elemSlotSize() == 8;
    this.elemUnsigned = elemType == GoType.UINT32;
    this.keysOffset = bl.keysOffset();
    this.keySlot = bl.keySlotSize();
    this.elemsOffset = bl.elemsOffset();
    this.elemSlot = bl.elemSlotSize();
    this.le64 = key64 && elem64 && !bigEndian;
    this.stride = geometry.stride();
    this.overflowOffset = geometry.overflowOffset();
  }

  private static GoType checkType(String what, GoType type) {
    requireNonNull(type, what + " type is null");
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "LongLongGoMap " + what + " type must be one of int64, int32, uint64, uint32; got "
              + type.abbreviated());
    }
    return type;
  }

  @Override
  String description() {
    return description(keyType, elemType, layoutName);
  }

  private static String description(GoType keyType, GoType elemType, String layoutName) {
    return "map[" + keyType + "]" + elemType + " on " + Printable.of(layoutName);
  }

  private static int scalarSize(GoType type) {
    return type == GoType.INT64 || type == GoType.UINT64 ? 8 : 4;
  }

  /** The Go key type. */
  public GoType keyType() {
    return keyType;
  }

  /** The Go elem type. */
  public GoType elemType() {
    return elemType;
  }

  // ---- range checks ------------------------------------------------------------------------------

  private static boolean fits(GoType type, long v) {
    if (type == GoType.INT32) {
      return v == (int) v;
    }
    if (type == GoType.UINT32) {
      return (v >>> 32) == 0;
    }
    return true;
  }

  private static String range(GoType type) {
    if (type == GoType.INT32) {
      return Integer.MIN_VALUE + ".." + Integer.MAX_VALUE;
    }
    return "0..4294967295";
  }

  private void checkFits(String what, GoType type, long v) {
    if (!fits(type, v)) {
      throw new IllegalArgumentException(
          what + " " + v + " does not fit the map's " + what + " type " + type + " (allowed: "
              + range(type) + ")");
    }
  }

  // ---- slot access --------------------------------------------------------------------------------

  private long readKey(byte[] page, int at) {
    if (key64) {
      return bigEndian ? (long) LONG_BE.get(page, at) : (long) LONG_LE.get(page, at);
    }
    int v = bigEndian ? (int) INT_BE.get(page, at) : (int) INT_LE.get(page, at);
    return keyUnsigned ? v & 0xFFFFFFFFL : v;
  }

  private long readElem(byte[] page, int at) {
    if (elem64) {
      return bigEndian ? (long) LONG_BE.get(page, at) : (long) LONG_LE.get(page, at);
    }
    int v = bigEndian ? (int) INT_BE.get(page, at) : (int) INT_LE.get(page, at);
    return elemUnsigned ? v & 0xFFFFFFFFL : v;
  }

  private void write(byte[] page, int at, boolean wide, long v) {
    if (wide) {
      if (bigEndian) {
        LONG_BE.set(page, at, v);
      } else {
        LONG_LE.set(page, at, v);
      }
    } else if (bigEndian) {
      INT_BE.set(page, at, (int) v);
    } else {
      INT_LE.set(page, at, (int) v);
    }
  }

  private long keyAt(BucketArray a, int b, int i) {
    return readKey(a.page(b), a.offset(b) + keysOffset + i * keySlot);
  }

  private long elemAt(BucketArray a, int b, int i) {
    return readElem(a.page(b), a.offset(b) + elemsOffset + i * elemSlot);
  }

  private void setElem(BucketArray a, int b, int i, long v) {
    write(a.writable(b), a.offset(b) + elemsOffset + i * elemSlot, elem64, v);
  }

  private long hashKey(long key) {
    return key64 ? hasher.memhash64(key, seed()) : hasher.memhash32((int) key, seed());
  }

  // ---- lookups ------------------------------------------------------------------------------------

  /** {@code mapaccess}: the position of {@code key} as {@link MapCore#position}, or -1. */
  private long find(long key, long hash) {
    long start = lookupStart(hash);
    boolean old = (start >>> 32) != 0;
    BucketArray a = old ? oldbuckets : buckets;
    int top = tophash(hash);
    for (int b = (int) start; b != NIL; b = a.overflow(b)) {
      int i = search(a, b, top, key);
      if (i >= 0) {
        return position(old, b, i);
      }
      if (i == CHAIN_END) {
        return -1;
      }
    }
    return -1;
  }

  /** What {@link #search} returns when the key is not in the bucket and nothing follows it. */
  private static final int CHAIN_END = -2;

  /**
   * The slot of {@code key} in bucket {@code b} of {@code a}; else -1 when the chain may go on,
   * or {@link #CHAIN_END} when the bucket holds an {@code emptyRest} slot.
   */
  private int search(BucketArray a, int b, int top, long key) {
    byte[] page = a.page(b);
    int off = a.offset(b);
    long tops = TophashWord.read(page, off);
    int i = slotOf(page, off, tops, top, key);
    return i >= 0 || !TophashWord.endsChain(tops) ? i : CHAIN_END;
  }

  /**
   * The slot of {@code key} in the bucket at {@code off} of {@code page}, whose tophash bytes are
   * {@code tops}, or -1: only the slots whose tophash is {@code top} compare keys.
   */
  private int slotOf(byte[] page, int off, long tops, int top, long key) {
    for (long m = TophashWord.matches(tops, top); m != 0; m &= m - 1) {
      int i = TophashWord.slot(m);
      if (readKey(page, off + keysOffset + i * keySlot) == key) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code mapaccess} for 8-byte keys and elems in little-endian buckets, the layout of every
   * {@code map[int64]int64} on amd64 and arm64: the same walk as {@link #find}, with the page
   * table, keys and elem read in place instead of through the bucket array's accessors and
   * {@link #readKey}, and no position built.
   */
  private long getLE64(long key, long defaultValue) {
    long hash = hasher.memhash64(key, seed());
    long start = lookupStart(hash);
    BucketArray a = (start >>> 32) != 0 ? oldbuckets : buckets;
    int b = (int) start;
    int top = tophash(hash);
    byte[][] pages = a.pages;
    int shift = a.pageShift;
    int pmask = a.pageMask;
    int step = stride;
    int ko = keysOffset;
    while (true) {
      byte[] page = pages[b >>> shift];
      int off = (b & pmask) * step;
      long tops = TophashWord.read(page, off);
      for (long m = TophashWord.matches(tops, top); m != 0; m &= m - 1) {
        int i = TophashWord.slot(m);
        if ((long) LONG_LE.get(page, off + ko + (i << 3)) == key) {
          return (long) LONG_LE.get(page, off + elemsOffset + (i << 3));
        }
      }
      if (TophashWord.endsChain(tops)) {
        return defaultValue;
      }
      b = (int) INT_LE.get(page, off + overflowOffset) - 1;
      if (b == NIL) {
        return defaultValue;
      }
    }
  }

  /** Whether the last {@link #put} or {@link #remove} found its key (for the boxed view). */
  boolean lastWriteFound() {
    return lastWriteFound;
  }

  /** The value of {@code key} boxed, or null when absent: one lookup (for the boxed view). */
  Long getBoxed(long key) {
    if (count == 0 || !fits(keyType, key)) {
      return null;
    }
    long pos = find(key, hashKey(key));
    return pos < 0 ? null : elemAtPosition(pos);
  }

  private long elemAtPosition(long pos) {
    return elemAt(arrayAt(pos), bucketAt(pos), slotAt(pos));
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public boolean isEmpty() {
    return count == 0;
  }

  @Override
  public long get(long key) {
    return getOrDefault(key, 0);
  }

  @Override
  public long getOrDefault(long key, long defaultValue) {
    if (le64) {
      return count == 0 ? defaultValue : getLE64(key, defaultValue);
    }
    if (count == 0 || !fits(keyType, key)) {
      return defaultValue;
    }
    long pos = find(key, hashKey(key));
    return pos < 0 ? defaultValue : elemAtPosition(pos);
  }

  @Override
  public boolean containsKey(long key) {
    return count != 0 && fits(keyType, key) && find(key, hashKey(key)) >= 0;
  }

  // ---- writes -------------------------------------------------------------------------------------

  @Override
  public long put(long key, long value) {
    checkFits("key", keyType, key);
    checkFits("value", elemType, value);
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
          byte[] page = a.page(b);
          int off = a.offset(b);
          long tops = TophashWord.read(page, off);
          int i = slotOf(page, off, tops, top, key);
          if (i >= 0) {
            long previous = readElem(page, off + elemsOffset + i * elemSlot);
            setElem(a, b, i, value);
            lastWriteFound = true;
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
        byte[] page = a.writable(insB);
        int off = a.offset(insB);
        write(page, off + keysOffset + insI * keySlot, key64, key);
        write(page, off + elemsOffset + insI * elemSlot, elem64, value);
        inserted(insB, insI, top);
        lastWriteFound = false;
        return 0;
      }
    } finally {
      endWrite();
    }
  }

  @Override
  public long remove(long key) {
    lastWriteFound = false;
    if (count == 0) {
      return 0;
    }
    checkNotWriting();
    if (!fits(keyType, key)) {
      return 0;
    }
    long hash = hashKey(key);
    beginWrite();
    try {
      int bOrig = writeBucket(hash);
      BucketArray a = buckets;
      int top = tophash(hash);
      for (int b = bOrig; b != NIL; b = a.overflow(b)) {
        int i = search(a, b, top, key);
        if (i >= 0) {
          long previous = elemAt(a, b, i);
          deleteSlot(bOrig, b, i);
          lastWriteFound = true;
          return previous;
        }
        if (i == CHAIN_END) {
          return 0;
        }
      }
      return 0;
    } finally {
      endWrite();
    }
  }

  @Override
  public void clear() {
    clearAll();
  }

  // ---- iteration ----------------------------------------------------------------------------------

  @Override
  public void forEach(LongLongConsumer action) {
    requireNonNull(action, "action is null");
    Cursor c = new Cursor();
    while (c.advance()) {
      action.accept(keyAt(c.arr, c.bkt, c.slot), elemAt(c.arr, c.bkt, c.slot));
    }
  }

  /** An iterator over entries; {@link #key()} and {@link #value()} after each true {@code next()}. */
  public final class EntryCursor {
    private final Cursor c = new Cursor();
    private long key;
    private long value;

    /** Moves to the next entry. */
    public boolean next() {
      if (!c.advance()) {
        return false;
      }
      key = keyAt(c.arr, c.bkt, c.slot);
      value = elemAt(c.arr, c.bkt, c.slot);
      return true;
    }

    public long key() {
      return key;
    }

    public long value() {
      return value;
    }
  }

  /** A new iterator in Go's order. */
  public EntryCursor cursor() {
    return new EntryCursor();
  }

  @Override
  long rehash(BucketArray a, int bkt, int i) {
    return hashKey(keyAt(a, bkt, i));
  }

  @Override
  long relookup(BucketArray a, int bkt, int i) {
    long key = keyAt(a, bkt, i);
    return count == 0 ? -1 : find(key, hashKey(key));
  }

  @Override
  public GoMap<Long, Long> boxed() {
    GoMap<Long, Long> view = boxed;
    if (view == null) {
      view = new BoxedLongLongMap(this);
      boxed = view;
    }
    return view;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    EntryCursor c = cursor();
    boolean first = true;
    while (c.next()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(c.key()).append('=').append(c.value());
    }
    return sb.append('}').toString();
  }
}
