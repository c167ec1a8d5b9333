package io.gomap4j.engine.internal;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.BytesGoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.api.internal.Printable;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.PlatformLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * {@code map[K]V} for fixed-size K and V without pointers, in flat bucket memory laid out exactly as
 * the platform's Go compiler lays out the bucket, like {@link LongLongMap}: keys and elems are the
 * bytes of their memory image in the platform's byte order, at the layout's offsets.
 *
 * <p>Keys may be of any comparable type without pointers: booleans, integers, floats, complex
 * numbers, and arrays and structs of those, padding and {@code _} fields included. They are hashed
 * and compared as Go's key alg does ({@link KeyAlg}, spec 5.1): plain memory as one block, floats
 * as floats ({@code +0 == -0}, a NaN is equal to nothing and hashes at random), structs field by
 * field skipping padding and {@code _} fields. Keys that hold a NaN take Go's paths for keys not
 * equal to themselves ({@link MapCore#keyIsItself}).
 *
 * <p>A key or elem type over {@link BucketLayout#MAX_INLINE_SIZE} bytes is stored indirectly, as
 * Go's compiler does: its bucket slot is pointer-sized and holds, in place of Go's pointer, a
 * handle into this map's side table of {@code byte[]} (the "heap"), written in the slot's bytes in
 * the platform's byte order as {@code index + 1}, so that a zero slot is Go's nil pointer. A new
 * entry allocates its buffers ({@code newobject} in {@code mapassign}); an update writes into them
 * in place, as Go does through the pointer; a delete frees them and zeroes the key slot as Go nils
 * the pointer. Evacuation copies slot bytes, so handles move with their entries as Go's pointers
 * do. Freed handles are reused, except while {@link #forEach} runs: an iterator may still read a
 * handle through the stale copy of an evacuated slot in an old bucket array (where Go's garbage
 * collector keeps the pointee alive), so frees made during iteration are deferred until the last
 * iteration ends. {@link #clear} empties the side table.
 */
public final class BytesMap extends MapCore implements BytesGoMap {

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  /**
   * The largest key or elem, in bytes: the longest {@code byte[]} a JVM reliably allocates
   * ({@code Integer.MAX_VALUE - 8}, as the JDK's own collections assume).
   */
  public static final int MAX_VALUE_BYTES = Integer.MAX_VALUE - 8;

  private final GoType keyType;
  private final KeyAlg alg;
  /** Whether keys are plain memory: hashed as one block, equal when their bytes are. */
  private final boolean plainKeys;
  private final boolean needKeyUpdate;
  private final GoType elemType;
  private final String platformName;
  private final boolean bigEndian;
  /** The key type's size: the length of a key passed in or out. */
  private final int keySize;
  /** The elem type's size: the length of a value passed in or out. */
  private final int elemSize;
  /** The bytes of one key slot: {@link #keySize}, or the pointer size when keys are indirect. */
  private final int keySlot;
  /** The bytes of one elem slot: {@link #elemSize}, or the pointer size when elems are indirect. */
  private final int elemSlot;
  private final boolean indirectKey;
  private final boolean indirectElem;
  private final int keysOffset;
  private final int elemsOffset;

  // ---- the side table of indirect keys and elems ---------------------------------------------

  /** The empty side table every map starts with: arrays of length 0, shared, never written. */
  private static final byte[][] NO_BUFFERS = new byte[0][];

  private static final int[] NO_HANDLES = new int[0];

  /** The buffers of indirect keys and elems, by handle; null for a free handle. */
  private byte[][] heap = NO_BUFFERS;
  /** Handles handed out so far; handles {@code 0 .. heapTop-1} exist. */
  private int heapTop;
  /** Freed handles, ready for reuse (a stack of {@link #freeCount}). */
  private int[] free = NO_HANDLES;
  private int freeCount;
  /** Handles freed while an iteration ran, reused once no iteration runs (see the class notes). */
  private int[] pending = NO_HANDLES;
  private int pendingCount;
  /** Iterations ({@link #forEach} calls) in progress. */
  private int iterating;
  /** The bytes of the buffers held by the side table (live and pending). */
  private long heapDataBytes;

  /**
   * A map for {@code map[keyType]elemType} on {@code layout}'s platform.
   *
   * <p>Key and elem types over 128 bytes are stored indirectly, in Go's geometry (see the class
   * notes).
   *
   * @throws IllegalArgumentException if the key type is not a comparable type without pointers or
   *     strings, the elem type holds pointers, or either is over {@link #MAX_VALUE_BYTES} bytes
   *     (checked before the key's parts, so a type over the limit is refused for its size), or
   *     the key's hash takes more than {@link KeyAlg#MAX_STEPS} steps
   */
  public BytesMap(
      Hasher hasher, PlatformLayout layout, GrowthPolicy growth, GoType keyType, GoType elemType,
      long hint, long seed) {
    this(hasher, layout, flatLayout(layout, keyType, elemType), growth, hint, seed);
  }

  private BytesMap(
      Hasher hasher, PlatformLayout layout, BucketLayout bl, GrowthPolicy growth, long hint,
      long seed) {
    this(hasher, layout, bl, KeyAlg.of(bl.key(), layout), growth, hint, seed);
  }

  private BytesMap(
      Hasher hasher, PlatformLayout layout, BucketLayout bl, KeyAlg alg, GrowthPolicy growth,
      long hint, long seed) {
    super(hasher, growth, Geometry.flat(bl, layout), hint, seed, alg.reflexive());
    this.alg = alg;
    this.plainKeys = alg.plainMemory();
    this.needKeyUpdate = alg.needKeyUpdate();
    this.keyType = bl.key();
    this.elemType = bl.elem();
    this.platformName = Printable.of(layout.name());
    this.bigEndian = layout.platform().bigEndian();
    this.keySize = Math.toIntExact(bl.keyType().size());
    this.elemSize = Math.toIntExact(bl.elemType().size());
    this.keySlot = bl.keySlotSize();
    this.elemSlot = bl.elemSlotSize();
    this.indirectKey = bl.indirectKey();
    this.indirectElem = bl.indirectElem();
    if ((indirectKey && keySlot != 4 && keySlot != 8)
        || (indirectElem && elemSlot != 4 && elemSlot != 8)) {
      throw new IllegalArgumentException("layout '" + Printable.of(layout.name()) + "' gives map["
          + bl.key().abbreviated() + "]" + bl.elem().abbreviated() + " indirect slots of "
          + keySlot + " and " + elemSlot + " bytes; a pointer slot must be 4 or 8 bytes");
    }
    this.keysOffset = bl.keysOffset();
    this.elemsOffset = bl.elemsOffset();
  }

  // ---- type checks ------------------------------------------------------------------------------

  /**
   * The bucket layout of {@code map[key]elem}, refusing what a BytesGoMap cannot hold. The sizes
   * are checked first, from the layout (which lays each distinct part out once), so a type over
   * the limits is refused for its size before anything walks its parts: a type built from shared
   * parts ({@code struct{a T; b T}} made again and again) has up to 2^99 paths to its innermost
   * part. Only comparability, which every type stores, is checked before, as Go's compiler
   * refuses a map of a key that is not comparable first.
   */
  private static BucketLayout flatLayout(PlatformLayout layout, GoType key, GoType elem) {
    requireNonNull(layout, "layout is null");
    requireNonNull(key, "key type is null");
    requireNonNull(elem, "elem type is null");
    if (!key.isComparable()) {
      throw unsupported(key, unsupportedKey(key));
    }
    BucketLayout bl = Geometry.bucketLayout(layout, key, elem);
    checkFitsArray("key", bl.key(), bl.keyType().size());
    checkFitsArray("elem", bl.elem(), bl.elemType().size());
    String why = unsupportedKey(key);
    if (why != null) {
      throw unsupported(key, why);
    }
    if (elem.hasPointers()) {
      throw new IllegalArgumentException(
          "BytesGoMap elem type " + elem.abbreviated() + " holds pointers; only pointer-free elem"
              + " types can be stored as bytes");
    }
    return bl;
  }

  private static IllegalArgumentException unsupported(GoType key, String why) {
    return new IllegalArgumentException(
        "BytesGoMap key type " + key.abbreviated() + " is not supported: " + why);
  }

  private static void checkFitsArray(String what, GoType type, long size) {
    if (size > MAX_VALUE_BYTES) {
      throw new IllegalArgumentException("BytesGoMap " + what + " type " + type.abbreviated()
          + " is " + size + " bytes, but keys and elems are passed and stored as Java byte arrays,"
          + " so a BytesGoMap holds " + what + "s of at most " + MAX_VALUE_BYTES + " bytes");
    }
  }

  /**
   * Why {@code type} cannot be a BytesGoMap key, or null when it can: it must be comparable and
   * hold only booleans, integers, floats, complex numbers, and arrays and structs of those. The
   * reason names the path to the first part refused ({@code field s string: string keys are not
   * supported ...}), with only its first and last {@link KeyCheck#ENDS} steps when at least two
   * more lie between. Each distinct part is looked at once, so a type built from shared parts is
   * checked in time proportional to its distinct parts.
   */
  static String unsupportedKey(GoType type) {
    if (!type.isComparable()) {
      return type.abbreviated() + " is not comparable, so Go does not allow it as a map key; "
          + ALLOWED;
    }
    KeyCheck.Refusal r = new KeyCheck().refusal(type);
    return r == null ? null : r.spelled();
  }

  /** One walk of a key type for {@link #unsupportedKey}, remembering each part's answer. */
  private static final class KeyCheck {

    /** The steps of a long path shown at each end. */
    static final int ENDS = 2;

    /**
     * Why a part is refused: the steps from the part down to the part refused
     * ({@code field a int8}, {@code element type [2]int8}) and the reason it is.
     */
    record Refusal(List<String> steps, String reason) {
      Refusal below(String step) {
        List<String> s = new ArrayList<>(steps.size() + 1);
        s.add(step);
        s.addAll(steps);
        return new Refusal(s, reason);
      }

      String spelled() {
        StringBuilder sb = new StringBuilder();
        int n = steps.size();
        for (int i = 0; i < n; i++) {
          if (n > 2 * ENDS + 1 && i == ENDS) {
            sb.append("... ").append(n - 2 * ENDS).append(" more levels ...: ");
            i = n - ENDS - 1;
            continue;
          }
          sb.append(steps.get(i)).append(": ");
        }
        return sb.append(reason).toString();
      }
    }

    /** Stands for "supported" in {@link #seen}. */
    private static final Refusal NONE = new Refusal(List.of(), "");

    /** Each part checked so far, by identity, with its refusal or {@link #NONE}. */
    private final Map<GoType, Refusal> seen = new IdentityHashMap<>(4); // grows as needed

    /** Why {@code type}, comparable, is refused, or null. */
    Refusal refusal(GoType type) {
      Refusal r = seen.get(type);
      if (r == null) {
        r = check(type);
        seen.put(type, r == null ? NONE : r);
      }
      return r == NONE ? null : r;
    }

    private Refusal check(GoType type) {
      if (type instanceof GoType.Basic) {
        switch (((GoType.Basic) type).kind()) {
          case STRING:
            return leaf("string keys are not supported by BytesGoMap: a string is a pointer and"
                + " a length, not a fixed-size value; " + ALLOWED);
          case UNSAFE_POINTER:
            return leaf("pointer keys are not supported by BytesGoMap: Go hashes the address,"
                + " which has no meaning on the JVM; " + ALLOWED);
          default:
            return null;
        }
      }
      if (type instanceof GoType.Pointer || type instanceof GoType.Chan) {
        return leaf((type instanceof GoType.Chan ? "chan" : "pointer") + " keys are not"
            + " supported by BytesGoMap: Go hashes the address, which has no meaning on the JVM; "
            + ALLOWED);
      }
      if (type instanceof GoType.Interface) {
        return leaf("interface keys are not supported by BytesGoMap: an interface holds a type"
            + " and a pointer to its value; " + ALLOWED);
      }
      if (type instanceof GoType.Array) {
        GoType elem = ((GoType.Array) type).elem();
        Refusal r = refusal(elem);
        return r == null ? null : r.below("element type " + elem.abbreviated());
      }
      if (type instanceof GoType.Struct) {
        for (GoType.Field f : ((GoType.Struct) type).fields()) {
          Refusal r = refusal(f.type());
          if (r != null) {
            return r.below("field " + f.abbreviated());
          }
        }
        return null;
      }
      return leaf(type.abbreviated() + " cannot be a Go map key; " + ALLOWED);
    }

    private static Refusal leaf(String reason) {
      return new Refusal(List.of(), reason);
    }
  }

  private static final String ALLOWED = "keys must be fixed-size and pointer-free: booleans,"
      + " integers, floats, complex numbers, and arrays and structs of those";

  // ---- argument checks --------------------------------------------------------------------------

  private void checkKey(byte[] key) {
    requireNonNull(key, "key is null");
    if (key.length != keySize) {
      throw new IllegalArgumentException("key has " + bytes(key.length) + "; the map's key type "
          + keyType.abbreviated() + " is " + bytes(keySize) + " on " + platformName);
    }
  }

  private void checkValue(byte[] value) {
    requireNonNull(value, "value is null");
    if (value.length != elemSize) {
      throw new IllegalArgumentException("value has " + bytes(value.length) + "; the map's elem"
          + " type " + elemType.abbreviated() + " is " + bytes(elemSize) + " on " + platformName);
    }
  }

  /** {@code 1 byte}, {@code 8 bytes}. */
  private static String bytes(long n) {
    return n + (n == 1 ? " byte" : " bytes");
  }

  // ---- slot access ------------------------------------------------------------------------------

  private int keyOffset(BucketArray a, int b, int i) {
    return a.offset(b) + keysOffset + i * keySlot;
  }

  private int elemOffset(BucketArray a, int b, int i) {
    return a.offset(b) + elemsOffset + i * elemSlot;
  }

  /** The handle a pointer slot of {@code size} bytes at {@code page[at..]} holds, -1 for nil. */
  private int handleAt(byte[] page, int at, int size) {
    long v;
    if (size == 4) {
      v = (bigEndian ? (int) INT_BE.get(page, at) : (int) INT_LE.get(page, at)) & 0xFFFFFFFFL;
    } else {
      v = bigEndian ? (long) LONG_BE.get(page, at) : (long) LONG_LE.get(page, at);
    }
    if (v < 0 || v > heapTop) {
      throw new IllegalStateException("bad map state: pointer slot holds " + v + ", but "
          + heapTop + " handles exist in " + description());
    }
    return (int) v - 1;
  }

  /** Writes handle {@code h} (-1 for nil) into a pointer slot, as {@code h + 1}. */
  private void setHandle(byte[] page, int at, int size, int h) {
    int v = h + 1;
    if (size == 4) {
      if (bigEndian) {
        INT_BE.set(page, at, v);
      } else {
        INT_LE.set(page, at, v);
      }
    } else if (bigEndian) {
      LONG_BE.set(page, at, (long) v);
    } else {
      LONG_LE.set(page, at, (long) v);
    }
  }

  /** The buffer of an indirect key or elem whose pointer slot is at {@code page[at..]}. */
  private byte[] deref(byte[] page, int at, int size) {
    int h = handleAt(page, at, size);
    byte[] data = h < 0 ? null : heap[h];
    if (data == null) {
      throw new IllegalStateException("bad map state: pointer slot holds " + (h < 0 ? "nil"
          : "freed handle " + h) + " in " + description());
    }
    return data;
  }

  /** {@code newobject}: a handle for a copy of {@code data}. */
  private int allocate(byte[] data) {
    int h;
    if (freeCount > 0) {
      h = free[--freeCount];
    } else {
      if (heapTop == Integer.MAX_VALUE - 1) {
        throw new IllegalStateException(
            "map too large: no handle left in " + description());
      }
      h = heapTop++;
      if (h == heap.length) {
        heap = Arrays.copyOf(heap, Math.max(16, h + (h >>> 1)));
      }
    }
    heap[h] = data.clone();
    heapDataBytes += data.length;
    return h;
  }

  /** Frees handle {@code h}; while an iteration runs, only once it ends (see the class notes). */
  private void release(int h) {
    if (h < 0) {
      return;
    }
    if (iterating > 0) {
      if (pendingCount == pending.length) {
        pending = Arrays.copyOf(pending, Math.max(16, pendingCount * 2));
      }
      pending[pendingCount++] = h;
      return;
    }
    freeHandle(h);
  }

  private void freeHandle(int h) {
    heapDataBytes -= heap[h].length;
    heap[h] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, Math.max(16, freeCount * 2));
    }
    free[freeCount++] = h;
  }

  /** Empties the side table: {@code clear} removed every entry. */
  private void resetHeap() {
    heap = NO_BUFFERS;
    heapTop = 0;
    free = NO_HANDLES;
    freeCount = 0;
    pending = NO_HANDLES;
    pendingCount = 0;
    heapDataBytes = 0;
  }

  /** The page holding the key data of slot {@code page[k..]}: the side table buffer if indirect. */
  private byte[] keyData(byte[] page, int k) {
    return indirectKey ? deref(page, k, keySlot) : page;
  }

  /** Where in {@link #keyData} the key starts. */
  private int keyStart(int k) {
    return indirectKey ? 0 : k;
  }

  /** Whether the key stored at slot {@code page[k..]} equals {@code key[at..]}, as Go's alg. */
  private boolean keyEquals(byte[] page, int k, byte[] key, int at) {
    byte[] d = keyData(page, k);
    int o = keyStart(k);
    return plainKeys ? Arrays.equals(d, o, o + keySize, key, at, at + keySize)
        : alg.equal(d, o, key, at);
  }

  private byte[] keyAt(BucketArray a, int b, int i) {
    int at = keyOffset(a, b, i);
    byte[] page = a.page(b);
    if (indirectKey) {
      return deref(page, at, keySlot).clone();
    }
    return Arrays.copyOfRange(page, at, at + keySize);
  }

  private byte[] elemAt(BucketArray a, int b, int i) {
    int at = elemOffset(a, b, i);
    byte[] page = a.page(b);
    if (indirectElem) {
      return deref(page, at, elemSlot).clone();
    }
    return Arrays.copyOfRange(page, at, at + elemSize);
  }

  /** The hash of the key stored in slot {@code page[k..]}, through its pointer if indirect. */
  private long hashStored(byte[] page, int k) {
    return hashKey(keyData(page, k), keyStart(k));
  }

  /** The hash of the key at {@code src[at..at+keySize)}, as Go's key alg (spec 5.1). */
  private long hashKey(byte[] src, int at) {
    if (!plainKeys) {
      return alg.hash(hasher, src, at, seed(), random);
    }
    switch (keySize) {
      case 0:
        return seed(); // memhash0 returns the seed
      case 4:
        return hasher.memhash32(
            bigEndian ? (int) INT_BE.get(src, at) : (int) INT_LE.get(src, at), seed());
      case 8:
        return hasher.memhash64(
            bigEndian ? (long) LONG_BE.get(src, at) : (long) LONG_LE.get(src, at), seed());
      default:
        return hasher.memhash(src, at, keySize, seed());
    }
  }

  // ---- lookups ----------------------------------------------------------------------------------

  /** {@code mapaccess} for the key at {@code key[at..]}: its {@link MapCore#position}, or -1. */
  private long find(byte[] key, int at, long hash) {
    long start = lookupStart(hash);
    boolean old = (start >>> 32) != 0;
    BucketArray a = old ? oldbuckets : buckets;
    int top = tophash(hash);
    for (int b = (int) start; b != NIL; b = a.overflow(b)) {
      byte[] page = a.page(b);
      int off = a.offset(b);
      long tops = TophashWord.read(page, off);
      int i = slotOf(page, off, tops, top, key, at);
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
   * The slot of the key at {@code key[at..]} in the bucket at {@code off} of {@code page}, whose
   * tophash bytes are {@code tops}, or -1: only the slots whose tophash is {@code top} compare keys.
   */
  private int slotOf(byte[] page, int off, long tops, int top, byte[] key, int at) {
    for (long m = TophashWord.matches(tops, top); m != 0; m &= m - 1) {
      int i = TophashWord.slot(m);
      if (keyEquals(page, off + keysOffset + i * keySlot, key, at)) {
        return i;
      }
    }
    return -1;
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
  public int keySize() {
    return keySize;
  }

  @Override
  public int elemSize() {
    return elemSize;
  }

  @Override
  public GoType keyType() {
    return keyType;
  }

  @Override
  public GoType elemType() {
    return elemType;
  }

  @Override
  public byte[] get(byte[] key) {
    checkKey(key);
    if (count == 0) {
      return null;
    }
    long pos = find(key, 0, hashKey(key, 0));
    return pos < 0 ? null : elemAt(arrayAt(pos), bucketAt(pos), slotAt(pos));
  }

  @Override
  public boolean containsKey(byte[] key) {
    checkKey(key);
    return count != 0 && find(key, 0, hashKey(key, 0)) >= 0;
  }

  // ---- writes -----------------------------------------------------------------------------------

  @Override
  public byte[] put(byte[] key, byte[] value) {
    checkKey(key);
    checkValue(value);
    checkNotWriting();
    long hash = hashKey(key, 0);
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
          int i = slotOf(page, off, tops, top, key, 0);
          if (i >= 0) {
            int k = off + keysOffset + i * keySlot;
            byte[] previous = elemAt(a, b, i);
            if (needKeyUpdate) {
              // Go's needkeyupdate: an equal key may differ in bytes (+0 and -0): store the new one,
              // through the pointer when the key is indirect, as Go's typedmemmove does.
              if (indirectKey) {
                System.arraycopy(key, 0, deref(page, k, keySlot), 0, keySize);
              } else {
                System.arraycopy(key, 0, a.writable(b), k, keySize);
              }
            }
            int e = elemOffset(a, b, i);
            if (indirectElem) {
              // mapassign returns the pointee of the elem pointer: the value is written in place.
              System.arraycopy(value, 0, deref(page, e, elemSlot), 0, elemSize);
            } else {
              System.arraycopy(value, 0, a.writable(b), e, elemSize);
            }
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
        if (indirectKey) {
          setHandle(page, keyOffset(a, insB, insI), keySlot, allocate(key));
        } else {
          System.arraycopy(key, 0, page, keyOffset(a, insB, insI), keySize);
        }
        if (indirectElem) {
          setHandle(page, elemOffset(a, insB, insI), elemSlot, allocate(value));
        } else {
          System.arraycopy(value, 0, page, elemOffset(a, insB, insI), elemSize);
        }
        inserted(insB, insI, top);
        return null;
      }
    } finally {
      endWrite();
    }
  }

  @Override
  public byte[] remove(byte[] key) {
    checkKey(key);
    if (count == 0) {
      return null;
    }
    checkNotWriting();
    long hash = hashKey(key, 0);
    beginWrite();
    try {
      int bOrig = writeBucket(hash);
      BucketArray a = buckets;
      int top = tophash(hash);
      for (int b = bOrig; b != NIL; b = a.overflow(b)) {
        byte[] page = a.page(b);
        int off = a.offset(b);
        long tops = TophashWord.read(page, off);
        int i = slotOf(page, off, tops, top, key, 0);
        if (i >= 0) {
          int k = keyOffset(a, b, i);
          byte[] previous = elemAt(a, b, i);
          int kh = indirectKey ? handleAt(page, k, keySlot) : -1;
          int eh = indirectElem ? handleAt(page, elemOffset(a, b, i), elemSlot) : -1;
          // Throws before changing anything if the growth policy misbehaves: free only after it.
          deleteSlot(bOrig, b, i);
          if (indirectKey) {
            // mapdelete nils the key pointer (clearSlot already zeroed the elem slot).
            setHandle(a.writable(b), k, keySlot, -1);
          }
          release(kh);
          release(eh);
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
  public void clear() {
    boolean had = count != 0;
    clearAll();
    if (had && (indirectKey || indirectElem)) {
      // Iterators stop at a clear, so no stale slot copy is read again: drop every buffer.
      resetHeap();
    }
  }

  // ---- iteration --------------------------------------------------------------------------------

  @Override
  public void forEach(BiConsumer<byte[], byte[]> action) {
    requireNonNull(action, "action is null");
    Cursor c = new Cursor();
    iterating++;
    try {
      while (c.advance()) {
        action.accept(keyAt(c.arr, c.bkt, c.slot), elemAt(c.arr, c.bkt, c.slot));
      }
    } finally {
      if (--iterating == 0) {
        while (pendingCount > 0) {
          freeHandle(pending[--pendingCount]);
        }
      }
    }
  }

  @Override
  long rehash(BucketArray a, int bkt, int i) {
    return hashStored(a.page(bkt), keyOffset(a, bkt, i));
  }

  @Override
  boolean keyIsItself(BucketArray a, int bkt, int i) {
    int k = keyOffset(a, bkt, i);
    byte[] page = a.page(bkt);
    return alg.equalsItself(keyData(page, k), keyStart(k));
  }

  @Override
  long relookup(BucketArray a, int bkt, int i) {
    if (count == 0) {
      return -1;
    }
    int k = keyOffset(a, bkt, i);
    byte[] data = keyData(a.page(bkt), k);
    int at = keyStart(k);
    return find(data, at, hashKey(data, at));
  }

  // ---- side table: memory and invariants ------------------------------------------------------

  /** The side table: its arrays of handles and the buffers it holds (live and pending). */
  @Override
  long sideHeapBytes(int refBytes) {
    if (!indirectKey && !indirectElem) {
      return 0;
    }
    long live = (long) heapTop - freeCount;
    return 16 + (long) heap.length * refBytes + live * 16 + heapDataBytes
        + 16 + 4L * free.length + 16 + 4L * pending.length;
  }

  /** Handles handed out and not freed (for tests): live entries' buffers and deferred frees. */
  int heapHandlesInUse() {
    return heapTop - freeCount;
  }

  /** Handles that exist (for tests): the side table's high-water mark since the last clear. */
  int heapHandles() {
    return heapTop;
  }

  @Override
  void checkSideStorage() {
    if (!indirectKey && !indirectElem) {
      return;
    }
    if (iterating == 0 && pendingCount != 0) {
      throw new IllegalStateException(pendingCount + " handles wait to be freed, but no"
          + " iteration is running");
    }
    boolean[] seen = new boolean[heapTop];
    long data = 0;
    for (int f = 0; f < freeCount; f++) {
      int h = free[f];
      if (h < 0 || h >= heapTop || seen[h] || heap[h] != null) {
        throw new IllegalStateException("free handle " + h + " is out of range, listed twice"
            + " or still holds a buffer");
      }
      seen[h] = true;
    }
    for (int p = 0; p < pendingCount; p++) {
      int h = pending[p];
      if (h < 0 || h >= heapTop || seen[h] || heap[h] == null) {
        throw new IllegalStateException("handle " + h + " waiting to be freed is out of range,"
            + " listed twice or has no buffer");
      }
      seen[h] = true;
    }
    long refs = 0;
    refs += sideHandles(buckets, buckets == null ? 0 : buckets.base, false, seen);
    if (evacuating()) {
      refs += sideHandles(oldbuckets, noldbuckets(), true, seen);
    }
    for (int h = 0; h < heapTop; h++) {
      if (!seen[h]) {
        throw new IllegalStateException("handle " + h + " is neither free nor referenced by a"
            + " live slot: its buffer leaked");
      }
      if (heap[h] != null) {
        data += heap[h].length;
      }
    }
    long perEntry = (indirectKey ? 1 : 0) + (indirectElem ? 1 : 0);
    if (refs != perEntry * count) {
      throw new IllegalStateException(refs + " indirect slots are live for " + count
          + " entries");
    }
    if (data != heapDataBytes) {
      throw new IllegalStateException("the side table counts " + heapDataBytes
          + " buffer bytes but holds " + data);
    }
  }

  /**
   * Marks the handles of the live slots of {@code a}'s first {@code n} chains in {@code seen}
   * (skipping evacuated old chains) and returns how many there are; throws for a nil, freed,
   * shared or wrongly sized one.
   */
  private long sideHandles(BucketArray a, int n, boolean old, boolean[] seen) {
    if (a == null) {
      return 0;
    }
    long refs = 0;
    for (int b = 0; b < n; b++) {
      if (old && a.evacuated(b)) {
        continue;
      }
      for (int o = b; o != NIL; o = a.overflow(o)) {
        for (int i = 0; i < SLOTS; i++) {
          if (a.tophash(o, i) < MIN_TOP_HASH) {
            continue;
          }
          byte[] page = a.page(o);
          if (indirectKey) {
            refs += sideHandle(page, keyOffset(a, o, i), keySlot, keySize, seen, "key", o, i);
          }
          if (indirectElem) {
            refs += sideHandle(page, elemOffset(a, o, i), elemSlot, elemSize, seen, "elem", o, i);
          }
        }
      }
    }
    return refs;
  }

  private int sideHandle(
      byte[] page, int at, int slot, int size, boolean[] seen, String what, int b, int i) {
    int h = handleAt(page, at, slot);
    String where = what + " slot " + i + " of bucket " + b;
    if (h < 0 || heap[h] == null) {
      throw new IllegalStateException(where + " holds " + (h < 0 ? "nil" : "freed handle " + h));
    }
    if (seen[h]) {
      throw new IllegalStateException(where + " holds handle " + h
          + ", which another slot or a free list holds too");
    }
    if (heap[h].length != size) {
      throw new IllegalStateException(where + " points to " + heap[h].length + " bytes, not "
          + size);
    }
    seen[h] = true;
    return 1;
  }

  @Override
  String description() {
    return "map[" + keyType.abbreviated() + "]" + elemType.abbreviated() + " on " + platformName;
  }

  @Override
  public String toString() {
    return description() + " with " + count + (count == 1 ? " entry" : " entries");
  }
}
