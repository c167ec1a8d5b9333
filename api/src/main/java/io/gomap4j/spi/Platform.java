package io.gomap4j.spi;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.internal.Printable;
import java.nio.ByteOrder;

/**
 * The facts about a Go target (GOARCH) that hashing and layout depend on.
 *
 * <p>The constructor's messages and {@link #toString()} quote {@code goarch} with each control
 * character written as {@code \}{@code u00XX}, since a platform comes from a plugin and is named in
 * messages; {@link #goarch()}, equality and the hash code use it as given.
 *
 * @param goarch the GOARCH name, such as {@code amd64} or {@code 386}
 * @param ptrSize the size of a pointer and of {@code uintptr}, 4 or 8 ({@code sys.PtrSize})
 * @param regSize the register size, which is the alignment of 8-byte scalars ({@code sys.RegSize})
 * @param byteOrder the byte order in which the target reads memory words
 */
public record Platform(String goarch, int ptrSize, int regSize, ByteOrder byteOrder) {

  public Platform {
    requireNonNull(goarch, "goarch is null");
    requireNonNull(byteOrder, "byteOrder is null");
    if (goarch.isBlank()) {
      throw new IllegalArgumentException("goarch is blank");
    }
    if (ptrSize != 4 && ptrSize != 8) {
      throw new IllegalArgumentException(
          "ptrSize of " + Printable.of(goarch) + " must be 4 or 8, got " + ptrSize);
    }
    if (regSize != 4 && regSize != 8) {
      throw new IllegalArgumentException(
          "regSize of " + Printable.of(goarch) + " must be 4 or 8, got " + regSize);
    }
  }

  /** The width of a hash value and of {@code uintptr} in bits: 32 or 64. */
  public int bits() {
    return ptrSize * 8;
  }

  /** Whether the target is big-endian. */
  public boolean bigEndian() {
    return byteOrder == ByteOrder.BIG_ENDIAN;
  }

  /** {@code amd64 (64-bit, little-endian)}: the GOARCH, without raw control characters, and facts. */
  @Override
  public String toString() {
    return Printable.of(goarch) + " (" + bits() + "-bit, " + (bigEndian() ? "big" : "little") + "-endian)";
  }
}
