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
