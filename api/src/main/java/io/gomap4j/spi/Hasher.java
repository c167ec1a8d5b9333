package io.gomap4j.spi;

/**
 * A hash function bound to one platform and one key material: Go's {@code memhash} family.
 *
 * <p>Every method takes Go's seed argument (a map's {@code hash0}, widened) and returns a
 * {@code uintptr}: on a 64-bit platform all 64 bits, on a 32-bit platform a value in
 * {@code [0, 2^32)}. Implementations are thread-safe and allocate nothing per call. They may cache
 * work that depends only on the seed (a map's seed changes only when the map is created or
 * reseeded), at the cost of a few small objects per new seed.
 *
 * <p>The typed functions take values, not memory: {@link #memhash32} and {@link #memhash64} hash a
 * value as Go hashes it where it sits in memory in the platform's byte order, so their results do
 * not depend on how the caller stores the value.
 */
public interface Hasher {

  /** 32 or 64: the platform's {@code uintptr} width, and the width of every hash returned. */
  int bits();

  /** {@code memhash(p, seed, length)} over {@code data[offset, offset + length)}. */
  long memhash(byte[] data, int offset, int length, long seed);

  /** {@code memhash32}: the hash of a 4-byte value such as an {@code int32} key. */
  long memhash32(int value, long seed);

  /** {@code memhash64}: the hash of an 8-byte value such as an {@code int64} key. */
  long memhash64(long value, long seed);

  /** {@code strhash}: the hash of a Go string's bytes, which is {@code memhash} over them. */
  default long strhash(byte[] utf8, long seed) {
    return memhash(utf8, 0, utf8.length, seed);
  }

  /**
   * {@code f32hash}: +0 and -0 hash alike, a NaN hashes to a random value (so NaN keys spread), any
   * other value hashes as {@code memhash} over its 4 bytes.
   */
  long f32hash(float value, long seed);

  /**
   * {@code f64hash}: +0 and -0 hash alike, a NaN hashes to a random value, any other value hashes as
   * {@code memhash} over its 8 bytes.
   */
  long f64hash(double value, long seed);
}
