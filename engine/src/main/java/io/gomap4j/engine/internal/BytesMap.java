package io.gomap4j.engine.internal;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.BytesGoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.spi.TypeLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;

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

  private final GoType keyType;
  private final KeyAlg alg;
  /** Whether keys are plain memory: hashed as one block, equal when their bytes are. */
  private final boolean plainKeys;
  private final boolean needKeyUpdate;
  /** The map's {@code fastrand}, for the hash of a NaN. */
  private final IntSupplier fastrand = this::rand32;
  private final GoType elemType;
  private final String platformName;
  private final boolean bigEndian;
  private final int keySize;
  private final int elemSize;
  private final int keysOffset;
  private final int elemsOffset;

  /**
   * A map for {@code map[keyType]elemType} on {@code layout}'s platform.
   *
   * @throws IllegalArgumentException if the key type is not a comparable type without pointers or
   *     strings, the elem type holds pointers, or a slot is stored indirectly (over 128 bytes)
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
    super(hasher, growth, Geometry.flat(bl), hint, seed,
        "map[" + bl.key() + "]" + bl.elem() + " on " + layout.name(), alg.reflexive());
    this.alg = alg;
    this.plainKeys = alg.plainMemory();
    this.needKeyUpdate = alg.needKeyUpdate();
    this.keyType = bl.key();
    this.elemType = bl.elem();
    this.platformName = layout.name();
    this.bigEndian = layout.platform().bigEndian();
    this.keySize = bl.keySlotSize();
    this.elemSize = bl.elemSlotSize();
    this.keysOffset = bl.keysOffset();
    this.elemsOffset = bl.elemsOffset();
  }

  // ---- type checks ------------------------------------------------------------------------------

  private static BucketLayout flatLayout(PlatformLayout layout, GoType key, GoType elem) {
    requireNonNull(layout, "layout is null");
    requireNonNull(key, "key type is null");
    requireNonNull(elem, "elem type is null");
    String why = unsupportedKey(key, layout);
    if (why != null) {
      throw new IllegalArgumentException(
          "BytesGoMap key type " + key.goSyntax() + " is not supported: " + why);
    }
    if (elem.hasPointers()) {
      throw new IllegalArgumentException(
          "BytesGoMap elem type " + elem.goSyntax() + " holds pointers; only pointer-free elem"
              + " types can be stored as bytes");
    }
    BucketLayout bl = layout.bucketLayout(key, elem);
    if (bl.indirectKey() || bl.indirectElem()) {
      GoType t = bl.indirectKey() ? key : elem;
      TypeLayout tl = bl.indirectKey() ? bl.keyType() : bl.elemType();
      throw new IllegalArgumentException(
          "BytesGoMap " + (bl.indirectKey() ? "key" : "elem") + " type " + t.goSyntax() + " is "
              + tl.size() + " bytes on " + layout.name() + "; Go stores keys and elems over "
              + BucketLayout.MAX_INLINE_SIZE + " bytes indirectly (behind a pointer), which "
              + "BytesGoMap's flat storage does not support yet");
    }
    return bl;
  }

  /**
   * Why {@code type} cannot be a BytesGoMap key, or null when it can: it must be comparable and
   * hold only booleans, integers, floats, complex numbers, and arrays and structs of those.
   */
  static String unsupportedKey(GoType type, PlatformLayout layout) {
    if (!type.isComparable()) {
      return type.goSyntax() + " is not comparable, so Go does not allow it as a map key; "
          + ALLOWED;
    }
    if (type instanceof GoType.Basic) {
      switch (((GoType.Basic) type).kind()) {
        case STRING:
          return "string keys are not supported by BytesGoMap: a string is a pointer and a"
              + " length, not a fixed-size value; " + ALLOWED;
        case UNSAFE_POINTER:
          return "pointer keys are not supported by BytesGoMap: Go hashes the address, which has"
              + " no meaning on the JVM; " + ALLOWED;
        default:
          return null;
      }
    }
    if (type instanceof GoType.Pointer || type instanceof GoType.Chan) {
      return (type instanceof GoType.Chan ? "chan" : "pointer") + " keys are not supported by"
          + " BytesGoMap: Go hashes the address, which has no meaning on the JVM; " + ALLOWED;
    }
    if (type instanceof GoType.Interface) {
      return "interface keys are not supported by BytesGoMap: an interface holds a type and a"
          + " pointer to its value; " + ALLOWED;
    }
    if (type instanceof GoType.Array) {
      String why = unsupportedKey(((GoType.Array) type).elem(), layout);
      return why == null ? null : "element type " + ((GoType.Array) type).elem() + ": " + why;
    }
    if (type instanceof GoType.Struct) {
      for (GoType.Field f : ((GoType.Struct) type).fields()) {
        String why = unsupportedKey(f.type(), layout);
        if (why != null) {
          return "field " + f.goSyntax() + ": " + why;
        }
      }
      return null;
    }
    return type.goSyntax() + " cannot be a Go map key; " + ALLOWED;
  }

  private static final String ALLOWED = "keys must be fixed-size and pointer-free: booleans,"
      + " integers, floats, complex numbers, and arrays and structs of those";

  // ---- argument checks --------------------------------------------------------------------------

  private void checkKey(byte[] key) {
    requireNonNull(key, "key is null");
    if (key.length != keySize) {
      throw new IllegalArgumentException("key has " + key.length + " bytes; the map's key type "
          + keyType.goSyntax() + " is " + keySize + " bytes on " + platformName);
    }
  }

  private void checkValue(byte[] value) {
    requireNonNull(value, "value is null");
    if (value.length != elemSize) {
      throw new IllegalArgumentException("value has " + value.length + " bytes; the map's elem"
          + " type " + elemType.goSyntax() + " is " + elemSize + " bytes on " + platformName);
    }
  }

  // ---- slot access ------------------------------------------------------------------------------

  private int keyOffset(BucketArray a, int b, int i) {
    return a.offset(b) + keysOffset + i * keySize;
  }

  private int elemOffset(BucketArray a, int b, int i) {
    return a.offset(b) + elemsOffset + i * elemSize;
  }

  private byte[] keyAt(BucketArray a, int b, int i) {
    int at = keyOffset(a, b, i);
    return Arrays.copyOfRange(a.page(b), at, at + keySize);
  }

  private byte[] elemAt(BucketArray a, int b, int i) {
    int at = elemOffset(a, b, i);
    return Arrays.copyOfRange(a.page(b), at, at + elemSize);
  }

  /** The hash of the key at {@code src[at..at+keySize)}, as Go's key alg (spec 5.1). */
  private long hashKey(byte[] src, int at) {
    if (!plainKeys) {
      return alg.hash(hasher, src, at, seed(), fastrand);
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
      for (int i = 0; i < SLOTS; i++) {
        int th = page[off + i] & 0xFF;
        if (th != top) {
          if (th == EMPTY_REST) {
            return -1;
          }
          continue;
        }
        int k = off + keysOffset + i * keySize;
        if (plainKeys ? Arrays.equals(page, k, k + keySize, key, at, at + keySize)
            : alg.equal(page, k, key, at)) {
          return position(old, b, i);
        }
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
        int insB = NIL;
        int insI = 0;
        search:
        while (true) {
          byte[] page = a.page(b);
          int off = a.offset(b);
          for (int i = 0; i < SLOTS; i++) {
            int th = page[off + i] & 0xFF;
            if (th != top) {
              if (isEmpty(th) && insB == NIL) {
                insB = b;
                insI = i;
              }
              if (th == EMPTY_REST) {
                break search;
              }
              continue;
            }
            int k = off + keysOffset + i * keySize;
            if (plainKeys ? !Arrays.equals(page, k, k + keySize, key, 0, keySize)
                : !alg.equal(page, k, key, 0)) {
              continue;
            }
            byte[] previous = elemAt(a, b, i);
            if (needKeyUpdate) {
              // Go's needkeyupdate: an equal key may differ in bytes (+0 and -0): store the new one.
              System.arraycopy(key, 0, a.writable(b), k, keySize);
            }
            System.arraycopy(value, 0, a.writable(b), elemOffset(a, b, i), elemSize);
            return previous;
          }
          int ovf = a.overflow(b);
          if (ovf == NIL) {
            break;
          }
          b = ovf;
        }
        if (growBeforeInsert()) {
          continue;
        }
        if (insB == NIL) {
          insB = newoverflow(b);
          insI = 0;
        }
        byte[] page = a.writable(insB);
        System.arraycopy(key, 0, page, keyOffset(a, insB, insI), keySize);
        System.arraycopy(value, 0, page, elemOffset(a, insB, insI), elemSize);
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
        for (int i = 0; i < SLOTS; i++) {
          int th = a.tophash(b, i);
          if (th != top) {
            if (th == EMPTY_REST) {
              return null;
            }
            continue;
          }
          int k = keyOffset(a, b, i);
          if (plainKeys ? !Arrays.equals(page, k, k + keySize, key, 0, keySize)
              : !alg.equal(page, k, key, 0)) {
            continue;
          }
          byte[] previous = elemAt(a, b, i);
          deleteSlot(bOrig, b, i);
          return previous;
        }
      }
      return null;
    } finally {
      endWrite();
    }
  }

  @Override
  public void clear() {
    clearAll();
  }

  // ---- iteration --------------------------------------------------------------------------------

  @Override
  public void forEach(BiConsumer<byte[], byte[]> action) {
    requireNonNull(action, "action is null");
    Cursor c = new Cursor();
    while (c.advance()) {
      action.accept(keyAt(c.arr, c.bkt, c.slot), elemAt(c.arr, c.bkt, c.slot));
    }
  }

  @Override
  long rehash(BucketArray a, int bkt, int i) {
    return hashKey(a.page(bkt), keyOffset(a, bkt, i));
  }

  @Override
  boolean keyIsItself(BucketArray a, int bkt, int i) {
    return alg.equalsItself(a.page(bkt), keyOffset(a, bkt, i));
  }

  @Override
  long relookup(BucketArray a, int bkt, int i) {
    if (count == 0) {
      return -1;
    }
    byte[] page = a.page(bkt);
    int at = keyOffset(a, bkt, i);
    return find(page, at, hashKey(page, at));
  }

  @Override
  public String toString() {
    return description + " with " + count + (count == 1 ? " entry" : " entries");
  }
}
