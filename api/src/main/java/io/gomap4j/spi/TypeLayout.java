package io.gomap4j.spi;

/**
 * The size and alignment of a Go type on one platform, as {@code unsafe.Sizeof} and
 * {@code unsafe.Alignof} report them.
 *
 * @param size the size in bytes
 * @param align the alignment in bytes, a power of two
 */
public record TypeLayout(long size, int align) {

  public TypeLayout {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    if (align < 1 || Integer.bitCount(align) != 1) {
      throw new IllegalArgumentException("align must be a power of two, got " + align);
    }
  }
}
