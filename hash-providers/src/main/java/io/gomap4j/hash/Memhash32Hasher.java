package io.gomap4j.hash;

import static java.util.Objects.requireNonNull;

import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.Platform;
import java.util.Objects;

/**
 * Go 1.19's 32-bit fallback hash ({@code runtime/hash32.go}, built on {@code mix32}) and the 32-bit
 * float hashes of {@code runtime/alg.go}.
 *
 * <p>Go's {@code uintptr} is 32 bits wide here: only the low 32 bits of the seed and of each
 * {@code hashkey} word take part, all arithmetic wraps at 32 bits, and every result lies in
 * {@code [0, 2^32)}.
 */
final class Memhash32Hasher implements Hasher {

  private static final long MASK = 0xffffffffL;

  private final Platform platform;
  private final boolean bigEndian;
  private final int hashkey0;
  private final long hashkey1;
  private final long hashkey2;

  Memhash32Hasher(Platform platform, long hashkey0, long hashkey1, long hashkey2) {
    this.platform = platform;
    this.bigEndian = platform.bigEndian();
    this.hashkey0 = (int) hashkey0;
    this.hashkey1 = hashkey1 & MASK;
    this.hashkey2 = hashkey2 & MASK;
  }

  @Override
  public int bits() {
    return 32;
  }

  @Override
  public long memhash(byte[] data, int offset, int length, long seed) {
    requireNonNull(data, "data is null");
    Objects.checkFromIndexSize(offset, length, data.length);
    int s = length;
    long c = mix32((int) seed, s ^ hashkey0);
    int a = (int) c;
    int b = (int) (c >>> 32);
    if (s == 0) {
      return (a ^ b) & MASK;
    }
    int p = offset;
    for (; s > 8; s -= 8) {
      a ^= r4(data, p);
      b ^= r4(data, p + 4);
      c = mix32(a, b);
      a = (int) c;
      b = (int) (c >>> 32);
      p += 8;
    }
    if (s >= 4) {
      a ^= r4(data, p);
      b ^= r4(data, p + s - 4);
    } else {
      b ^= Words.r123(data, p, s);
    }
    return finish(a, b);
  }

  /** {@code memhash32Fallback}: the word read in native order is the value itself. */
  @Override
  public long memhash32(int value, long seed) {
    long c = mix32((int) seed, 4 ^ hashkey0);
    return finish((int) c ^ value, (int) (c >>> 32) ^ value);
  }

  /**
   * {@code memhash64Fallback}: two 4-byte words at p and p+4. In big-endian memory the first holds
   * the value's high half, in little-endian memory its low half.
   */
  @Override
  public long memhash64(long value, long seed) {
    int first = bigEndian ? (int) (value >>> 32) : (int) value;
    int second = bigEndian ? (int) value : (int) (value >>> 32);
    long c = mix32((int) seed, 8 ^ hashkey0);
    return finish((int) c ^ first, (int) (c >>> 32) ^ second);
  }

  @Override
  public long strhash(byte[] utf8, long seed) {
    requireNonNull(utf8, "utf8 is null");
    return memhash(utf8, 0, utf8.length, seed);
  }

  /** {@code f32hash}; for other values {@code memhash(p, h, 4)}, which equals memhash32 here. */
  @Override
  public long f32hash(float value, long seed) {
    if (GoFloatHash.special(value)) {
      return GoFloatHash.special32(seed, value != value);
    }
    return memhash32(Float.floatToRawIntBits(value), seed);
  }

  /** {@code f64hash}; for other values {@code memhash(p, h, 8)}, which equals memhash64 here. */
  @Override
  public long f64hash(double value, long seed) {
    if (GoFloatHash.special(value)) {
      return GoFloatHash.special32(seed, value != value);
    }
    return memhash64(Double.doubleToRawLongBits(value), seed);
  }

  @Override
  public String toString() {
    return MemhashGo119Provider.NAME + " hasher for " + platform;
  }

  /**
   * Go's {@code mix32(a, b)}: the 64-bit product of {@code a ^ hashkey[1]} and
   * {@code b ^ hashkey[2]}, unsigned. Go's result pair is (low half, high half) of the returned
   * value, so nothing is allocated.
   */
  private long mix32(int a, int b) {
    return ((a & MASK) ^ hashkey1) * ((b & MASK) ^ hashkey2);
  }

  /** The common tail: {@code mix32} twice, then {@code a ^ b}. */
  private long finish(int a, int b) {
    long c = mix32(a, b);
    c = mix32((int) c, (int) (c >>> 32));
    return ((int) c ^ (int) (c >>> 32)) & MASK;
  }

  private int r4(byte[] data, int i) {
    return Words.r4(bigEndian, data, i);
  }
}
