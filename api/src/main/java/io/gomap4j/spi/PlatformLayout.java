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

  /** The stable name users select this layout by; the GOARCH, such as {@code amd64}. */
  String name();

  /** Return {@link #SPI_VERSION}; the compiler records the value the plugin was built against. */
  int spiVersion();

  /** The platform's word size, register size and byte order. */
  Platform platform();

  /**
   * The size and alignment of {@code type} on this platform.
   *
   * @throws IllegalArgumentException if the type cannot be laid out
   */
  TypeLayout typeLayout(GoType type);

  /**
   * The bucket layout of {@code map[key]elem} on this platform.
   *
   * @throws IllegalArgumentException if the types cannot be map key and elem on this platform
   */
  BucketLayout bucketLayout(GoType key, GoType elem);
}
