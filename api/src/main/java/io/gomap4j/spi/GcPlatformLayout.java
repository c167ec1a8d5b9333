package io.gomap4j.spi;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.GoType;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A {@link PlatformLayout} that applies the gc compiler's rules ({@code cmd/compile/internal/types},
 * {@code reflectdata.MapBucketType}) to a {@link Platform}.
 *
 * <p>Scalars have their natural size; 8-byte integers, {@code float64} and {@code complex128} align
 * to the register size (4 on 32-bit targets), {@code complex64} to 4; pointers, {@code int},
 * {@code uint} and {@code uintptr} take the pointer size, and a {@code string} is two words. Maps,
 * channels and funcs are one pointer, interfaces two words and slices three. An array {@code [n]T}
 * is {@code n} times {@code T}'s size, with {@code T}'s alignment. A struct places each field at the
 * next multiple of its alignment and aligns to its widest field (1 when empty); as in
 * {@code calcStructOffset}, a non-empty struct whose last field has size 0 gets one byte of padding
 * before the size is rounded up to the alignment. A bucket is {@code tophash [8]uint8}, 8 key
 * slots, 8 elem slots and a trailing overflow pointer, laid out as a struct; a key or elem over 128
 * bytes is stored through a pointer. A key type that is not {@linkplain GoType#isComparable()
 * comparable} is refused, as Go's compiler refuses it ("invalid map key type").
 *
 * <p>Types too large for the target are refused with an {@link IllegalArgumentException} that names
 * the type, its size and the limit, where Go 1.19's compiler refuses them ({@code CalcSize},
 * {@code calcStructOffset} and the type checker), with the target's {@link #maxWidth()}, Go's
 * {@code MAXWIDTH}:
 *
 * <ul>
 *   <li>an array {@code [n]T} with {@code T} not of size 0 may be at most {@code maxWidth - 1}
 *       bytes ("larger than address space");
 *   <li>every field of a struct must end below {@code maxWidth}, or below 2^31-1 when
 *       {@code maxWidth} is below 2^32 ("too large"); the padding after a trailing zero-size field
 *       and the round-up to the alignment are not checked against it;
 *   <li>on a 32-bit target (4-byte pointers), an array length must fit in {@code int} (at most
 *       2^31-1), and every type must be at most 2^31-1 bytes ("too large").
 * </ul>
 *
 * <p>An array's element and a struct's field types are laid out through {@link #typeLayout}, so a
 * subclass that overrides it lays out the parts too. Within one call, each part (by identity) is
 * laid out once, however often the type uses it: {@code struct{a T; b T}} doubled again and again
 * takes one layout of each level, not one of each of the {@code 2^n} paths to its innermost part.
 *
 * <p>Sizes and offsets are computed exactly, so a subclass with a {@code maxWidth} up to 2^63-1 gets
 * a type whose size would pass 2^63-1 bytes refused too, never a wrapped size. The limits Go 1.19
 * applies on each GOARCH were found by compiling probe types with go1.19 ({@code
 * cli/src/test/go/typelimits/probe.sh} in the gomap4j sources).
 */
public abstract class GcPlatformLayout implements PlatformLayout {

  /** Go 1.19's {@code MAXWIDTH} on amd64 and every other 64-bit GOARCH: 2^50. */
  public static final long MAX_WIDTH_64 = 1L << 50;

  /** Go 1.19's {@code MAXWIDTH} on 386 and arm: 2^32-1. */
  public static final long MAX_WIDTH_32 = (1L << 32) - 1;

  /** Go 1.19's {@code MAXWIDTH} on mips and mipsle: 2^31-1. */
  public static final long MAX_WIDTH_MIPS = (1L << 31) - 1;

  /**
   * What Go allows as a map key, for messages: the one statement of the rule, which
   * {@link #invalidKeyType} and the {@code gomap4j} command use.
   */
  public static final String KEY_RULE = "a map key type must be comparable: not a slice, map or "
      + "func, nor an array or struct holding one";

  /** The largest array length and type size Go 1.19 allows on a 32-bit target: 2^31-1. */
  private static final long MAX_32 = Integer.MAX_VALUE;

  private final Platform platform;
  private final long maxWidth;

  /**
   * The parts laid out so far in this thread's current {@link #typeLayout} call of an array or
   * struct type, by identity; null between calls. Only arrays and structs have parts, so a call
   * for any other type neither reads nor sets it. A call sets it back to null rather than removing
   * it, so that the thread's entry, which then holds nothing, is found again by the next call
   * instead of being made again.
   */
  private final ThreadLocal<Map<GoType, TypeLayout>> partsLaidOut = new ThreadLocal<>();

  /**
   * A layout for {@code platform}, whose {@link Platform#goarch()} is also this plugin's name, with
   * the {@link #maxWidth()} of most targets of its pointer size: {@link #MAX_WIDTH_64} for 8-byte
   * pointers, {@link #MAX_WIDTH_32} for 4-byte ones. A target with another limit (Go's mips and
   * mipsle have {@link #MAX_WIDTH_MIPS}) uses {@link #GcPlatformLayout(Platform, long)}.
   */
  protected GcPlatformLayout(Platform platform) {
    this(platform, requireNonNull(platform, "platform is null").ptrSize() == 8
        ? MAX_WIDTH_64 : MAX_WIDTH_32);
  }

  /**
   * A layout for {@code platform} whose types are limited by {@code maxWidth}, Go's
   * {@code MAXWIDTH} for the target (see the class notes).
   *
   * @throws IllegalArgumentException if {@code maxWidth} is below 2^31-1, which no Go target has
   */
  protected GcPlatformLayout(Platform platform, long maxWidth) {
    this.platform = requireNonNull(platform, "platform is null");
    if (maxWidth < MAX_32) {
      throw new IllegalArgumentException("maxWidth of " + platform.goarch() + " must be at least "
          + MAX_32 + " (2^31-1), got " + maxWidth);
    }
    this.maxWidth = maxWidth;
  }

  /**
   * Go's {@code MAXWIDTH} for this target: arrays may be at most {@code maxWidth - 1} bytes, struct
   * fields must end below it (see the class notes).
   */
  public final long maxWidth() {
    return maxWidth;
  }

  @Override
  public String name() {
    return platform.goarch();
  }

  @Override
  public final Platform platform() {
    return platform;
  }

  @Override
  public TypeLayout typeLayout(GoType type) {
    requireNonNull(type, "type is null");
    if (!(type instanceof GoType.Array) && !(type instanceof GoType.Struct)) {
      return checked(type); // a type without parts: nothing to remember
    }
    if (partsLaidOut.get() != null) {
      return checked(type); // a part, laid out within a call
    }
    partsLaidOut.set(new IdentityHashMap<>(4)); // grows as the type's parts need
    try {
      return checked(type);
    } finally {
      partsLaidOut.set(null);
    }
  }

  /**
   * The layout of {@code part} of a type being laid out: {@link #typeLayout}'s, once per part in a
   * call.
   */
  private TypeLayout part(GoType part) {
    Map<GoType, TypeLayout> done = partsLaidOut.get();
    TypeLayout t = done.get(part);
    if (t == null) {
      t = typeLayout(part);
      done.put(part, t);
    }
    return t;
  }

  private TypeLayout checked(GoType type) {
    TypeLayout t = layOut(type);
    if (platform.ptrSize() == 4 && t.size() > MAX_32) {
      // CalcSize: "if PtrSize == 4 && w != int64(int32(w))"
      throw new IllegalArgumentException("type " + type.abbreviated() + " is too large for "
          + platform.goarch() + ": " + t.size() + " bytes, where Go 1.19's compiler allows at most "
          + MAX_32 + " (2^31-1) on a 32-bit target");
    }
    return t;
  }

  private TypeLayout layOut(GoType type) {
    int ptr = platform.ptrSize();
    int reg = platform.regSize();
    if (type instanceof GoType.Pointer
        || type instanceof GoType.Map
        || type instanceof GoType.Chan
        || type instanceof GoType.Func) {
      return new TypeLayout(ptr, ptr);
    }
    if (type instanceof GoType.Interface) {
      return new TypeLayout(2L * ptr, ptr);
    }
    if (type instanceof GoType.Slice) {
      return new TypeLayout(3L * ptr, ptr);
    }
    if (type instanceof GoType.Array) {
      GoType.Array array = (GoType.Array) type;
      if (platform.ptrSize() == 4 && array.length() > MAX_32) {
        throw new IllegalArgumentException("array length " + array.length() + " of type "
            + type.abbreviated() + " does not fit in " + platform.goarch() + "'s int: Go 1.19"
            + " allows array lengths of at most " + MAX_32 + " (2^31-1) on a 32-bit target");
      }
      TypeLayout e = part(array.elem());
      if (e.size() != 0 && array.length() > (maxWidth - 1) / e.size()) {
        throw new IllegalArgumentException("type " + type.abbreviated() + " is larger than the "
            + "address space of " + platform.goarch() + ": " + array.length() + " elements of "
            + e.size() + " bytes make " + BigInteger.valueOf(array.length())
                .multiply(BigInteger.valueOf(e.size())) + " bytes, where Go 1.19's compiler allows"
            + " at most " + (maxWidth - 1) + " bytes for an array");
      }
      return new TypeLayout(array.length() * e.size(), e.align());
    }
    if (type instanceof GoType.Struct) {
      return structLayout((GoType.Struct) type);
    }
    GoType.Kind kind = ((GoType.Basic) type).kind(); // the last kind of the sealed GoType
    switch (kind) {
      case BOOL:
      case INT8:
      case UINT8:
        return new TypeLayout(1, 1);
      case INT16:
      case UINT16:
        return new TypeLayout(2, 2);
      case INT32:
      case UINT32:
      case FLOAT32:
        return new TypeLayout(4, 4);
      case INT64:
      case UINT64:
      case FLOAT64:
        return new TypeLayout(8, reg);
      case COMPLEX64:
        return new TypeLayout(8, 4);
      case COMPLEX128:
        return new TypeLayout(16, reg);
      case INT:
      case UINT:
      case UINTPTR:
      case UNSAFE_POINTER:
        return new TypeLayout(ptr, ptr);
      case STRING:
        return new TypeLayout(2L * ptr, ptr);
      default:
        throw new IllegalArgumentException("cannot lay out Go type " + type.abbreviated());
    }
  }

  /**
   * Why Go's compiler refuses {@code map[key]elem} when {@code key} is not
   * {@linkplain GoType#isComparable() comparable}: {@code invalid map key type []int: Go's compiler
   * refuses map[[]int]int; } followed by {@link #KEY_RULE}. {@link #bucketLayout} refuses such a
   * key with this message; another layout may use it too.
   *
   * @throws IllegalArgumentException if {@code key} is comparable: Go takes it as a map key, so
   *     there is no refusal to explain
   */
  public static String invalidKeyType(GoType key, GoType elem) {
    requireNonNull(key, "key is null");
    requireNonNull(elem, "elem is null");
    if (key.isComparable()) {
      throw new IllegalArgumentException("key type " + key.abbreviated() + " is comparable, so Go "
          + "takes it as a map key: invalidKeyType explains only a key that is not comparable");
    }
    return "invalid map key type " + key.abbreviated() + ": Go's compiler refuses map["
        + key.abbreviated() + "]" + elem.abbreviated() + "; " + KEY_RULE;
  }

  @Override
  public BucketLayout bucketLayout(GoType key, GoType elem) {
    requireNonNull(key, "key is null");
    requireNonNull(elem, "elem is null");
    if (!key.isComparable()) {
      throw new IllegalArgumentException(invalidKeyType(key, elem));
    }
    int ptr = platform.ptrSize();
    TypeLayout k = typeLayout(key);
    TypeLayout e = typeLayout(elem);
    boolean indirectKey = k.size() > BucketLayout.MAX_INLINE_SIZE;
    boolean indirectElem = e.size() > BucketLayout.MAX_INLINE_SIZE;
    int keySlot = indirectKey ? ptr : (int) k.size();
    int keyAlign = indirectKey ? ptr : k.align();
    int elemSlot = indirectElem ? ptr : (int) e.size();
    int elemAlign = indirectElem ? ptr : e.align();

    // struct { topbits [8]uint8; keys [8]K'; elems [8]V'; overflow unsafe.Pointer }
    long off = BucketLayout.BUCKET_SLOTS;
    long keysOff = align(off, keyAlign);
    off = keysOff + (long) BucketLayout.BUCKET_SLOTS * keySlot;
    long elemsOff = align(off, elemAlign);
    off = elemsOff + (long) BucketLayout.BUCKET_SLOTS * elemSlot;
    long overflowOff = align(off, ptr);
    off = overflowOff + ptr;
    int bucketAlign = Math.max(Math.max(1, ptr), Math.max(keyAlign, elemAlign));
    long size = align(off, bucketAlign);
    if (size > 0xFFFF) {
      throw new IllegalArgumentException(
          "bucket of map[" + key.abbreviated() + "]" + elem.abbreviated() + " is " + size
              + " bytes; Go's maptype.bucketsize is a uint16");
    }
    if (overflowOff != size - ptr) {
      // Go's compiler stops here too: "bad offset of overflow in bmap".
      throw new IllegalArgumentException(
          "bad offset of overflow in bmap for map[" + key.abbreviated() + "]" + elem.abbreviated()
              + " on " + platform.goarch() + ": overflow at " + overflowOff + ", bucket size "
              + size);
    }
    return new BucketLayout(
        key, elem, k, e, keySlot, elemSlot, indirectKey, indirectElem,
        (int) keysOff, (int) elemsOff, (int) overflowOff, ptr, (int) size, bucketAlign);
  }

  /**
   * Go's {@code calcStructOffset} for a struct type (flag 1), in exact arithmetic: an offset or size
   * past 2^63-1 is refused naming the struct.
   */
  private TypeLayout structLayout(GoType.Struct struct) {
    // "On 32-bit systems, reflect tables impose an additional constraint that each field start
    // offset must fit in 31 bits."
    long fieldEndLimit = maxWidth < 1L << 32 ? MAX_32 : maxWidth;
    try {
      long off = 0;
      int maxAlign = 1;
      long lastZero = 0;
      for (GoType.Field f : struct.fields()) {
        TypeLayout t = part(f.type());
        maxAlign = Math.max(maxAlign, t.align());
        off = align(off, t.align());
        if (t.size() == 0) {
          lastZero = off;
        }
        off = Math.addExact(off, t.size());
        if (off >= fieldEndLimit) {
          throw new IllegalArgumentException("type " + struct.abbreviated() + " is too large for "
              + platform.goarch() + ": field " + f.abbreviated() + " ends at byte " + off
              + ", so the struct is at least " + off + " bytes, where Go 1.19's compiler needs "
              + "every field to end below byte " + fieldEndLimit);
        }
      }
      // "For nonzero-sized structs which end in a zero-sized thing, we add an extra byte of
      // padding to the type. This padding ensures that taking the address of the zero-sized thing
      // can't manufacture a pointer to the next object in the heap. See issue 9401."
      if (off > 0 && off == lastZero) {
        off = Math.incrementExact(off);
      }
      return new TypeLayout(align(off, maxAlign), maxAlign);
    } catch (ArithmeticException overflow) {
      throw new IllegalArgumentException("type " + struct.abbreviated() + " is too large: its size "
          + "passes 2^63-1 bytes", overflow);
    }
  }

  /**
   * {@code offset} rounded up to a multiple of {@code align} (a power of two).
   *
   * @throws ArithmeticException if the result passes 2^63-1
   */
  private static long align(long offset, int align) {
    return Math.addExact(offset, align - 1) & -(long) align;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + platform + "]";
  }
}
