package io.gomap4j.spi;

import io.gomap4j.api.GoType;

/**
 * One Go target platform (GOARCH): its word size, byte order and alignment rules, and from them the
 * sizes of Go types and the map bucket layout Go's compiler makes.
 *
 * <p>Found through {@link java.util.ServiceLoader} by {@link #name()}, which is the GOARCH for a
 * plugin that models a real Go target. Most implementations extend {@link GcPlatformLayout}, which
 * applies the gc compiler's rules to a {@link Platform}.
 */
public interface PlatformLayout {

  /** The version of this interface. Return it from {@link #spiVersion()}. */
  int SPI_VERSION = 1;

  /**
   * Go 1.19's {@code maxAlloc} on amd64 and every other 64-bit GOARCH but wasm: 2^48 bytes; the
   * default {@link #maxAlloc()} with 8-byte pointers.
   */
  long MAX_ALLOC_64 = 1L << 48;

  /**
   * Go 1.19's {@code maxAlloc} on 386 and arm: 2^32-1 bytes, the largest {@code uintptr}; the
   * default {@link #maxAlloc()} with 4-byte pointers.
   */
  long MAX_ALLOC_32 = (1L << 32) - 1;

  /** Go 1.19's {@code maxAlloc} on mips and mipsle: 2^31-1 bytes. */
  long MAX_ALLOC_MIPS = (1L << 31) - 1;

  /** Go 1.19's {@code maxAlloc} on wasm: 2^32 bytes. */
  long MAX_ALLOC_WASM = 1L << 32;

  /**
   * The stable name users select this layout by; the GOARCH, such as {@code amd64}. As every plugin
   * name, it is ASCII letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter
   * or digit, and unique among the layouts (see <a href="package-summary.html#plugin-names">plugin
   * names</a>).
   */
  String name();

  /** Return {@link #SPI_VERSION}; the compiler records the value the plugin was built against. */
  int spiVersion();

  /** The platform's word size, register size and byte order. */
  Platform platform();

  /**
   * The size and alignment of {@code type} on this platform.
   *
   * @throws IllegalArgumentException naming the type, if it cannot be laid out: among others, a
   *     type whose size passes 2^63-1 bytes, which must never get a size that wrapped around
   */
  TypeLayout typeLayout(GoType type);

  /**
   * The bucket layout of {@code map[key]elem} on this platform.
   *
   * @throws IllegalArgumentException naming the type, if the types cannot be map key and elem on
   *     this platform: among others, a key type that is not {@linkplain GoType#isComparable()
   *     comparable} (Go's "invalid map key type"), or a type {@link #typeLayout} refuses
   */
  BucketLayout bucketLayout(GoType key, GoType elem);

  /**
   * Go's {@code maxAlloc} on this platform: the most bytes its runtime allocates at once. Go
   * 1.19's {@code makemap} takes a size hint as 0 when {@code hint * bucketsize} passes it (or
   * overflows a {@code uintptr}): {@code make(map[K]V, hint)} then makes a map with B=0 instead of
   * failing, and the engine does the same with a builder's {@code expectedSize}. A hint up to
   * {@code maxAlloc / bucketsize} is kept.
   *
   * <p>The default is {@link #MAX_ALLOC_64} with 8-byte pointers and {@link #MAX_ALLOC_32} with
   * 4-byte ones, what Go 1.19 has on most GOARCHes of each size; the {@code mips} and {@code
   * mipsle} layouts return {@link #MAX_ALLOC_MIPS}, {@code wasm} {@link #MAX_ALLOC_WASM}. These
   * values agree with what go1.19 does on each GOARCH as precisely as bucket sizes can show (the
   * probe {@code cli/src/test/go/makemaphint} in the gomap4j sources). A layout must return at
   * least 1 and, with 4-byte pointers, at most 2^32-1; the engine refuses to build a map with
   * another value.
   */
  default long maxAlloc() {
    return platform().ptrSize() == 8 ? MAX_ALLOC_64 : MAX_ALLOC_32;
  }

  /**
   * Go 1.19's map header {@code hmap} on this platform: {@code count int}, {@code flags uint8},
   * {@code B uint8}, {@code noverflow uint16}, {@code hash0 uint32}, {@code buckets},
   * {@code oldbuckets unsafe.Pointer}, {@code nevacuate uintptr}, {@code extra *mapextra}; 48 bytes
   * on 64-bit platforms, 28 on 32-bit ones.
   *
   * <p>The default lays the runtime's field list out with this layout's own {@link #typeLayout}, so
   * every implementation gets headers consistent with its type sizes.
   */
  default StructLayout hmapLayout() {
    return StructLayout.of("hmap", RuntimeStructs.HMAP, this::typeLayout);
  }

  /**
   * Go 1.19's {@code mapextra} on this platform: {@code overflow}, {@code oldoverflow *[]*bmap},
   * {@code nextOverflow *bmap}; three words. Laid out like {@link #hmapLayout()}.
   */
  default StructLayout mapextraLayout() {
    return StructLayout.of("mapextra", RuntimeStructs.MAPEXTRA, this::typeLayout);
  }

  /**
   * Go 1.19's map iterator {@code hiter} on this platform: eight pointers, {@code startBucket
   * uintptr}, {@code offset uint8}, {@code wrapped bool}, {@code B uint8}, {@code i uint8},
   * {@code bucket}, {@code checkBucket uintptr}; twelve words. Laid out like {@link #hmapLayout()}.
   */
  default StructLayout hiterLayout() {
    return StructLayout.of("hiter", RuntimeStructs.HITER, this::typeLayout);
  }
}
