package io.gomap4j.hash;

import static java.util.Objects.requireNonNull;

import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.Platform;
import java.util.Objects;

/**
 * Go 1.19's 64-bit fallback hash ({@code runtime/hash64.go}, inspired by wyhash) and the 64-bit
 * float hashes of {@code runtime/alg.go}.
 *
 * <p>Go 1.19 masks the seed with {@code hashkey[0] ^ m1} and uses the fixed constants m2..m5
 * elsewhere; later releases replaced them with {@code hashkey[1..3]} (go.dev/issue/66841), which is
 * a different hash under a different name.
 */
final class Memhash64Hasher implements Hasher {

  private static final long M1 = 0xa0761d6478bd642fL;
  private static final long M2 = 0xe7037ed1a0b428dbL;
  private static final long M3 = 0x8ebc6af09c88c6e3L;
  private static final long M4 = 0x589965cc75374cc3L;
  private static final long M5 = 0x1d8e4e27c47d124fL;

  private final Platform platform;
  private final boolean bigEndian;

  /** {@code hashkey[0] ^ m1}: what Go XORs into every seed. */
  private final long seedMask;

  Memhash64Hasher(Platform platform, long hashkey0) {
    this.platform = platform;
    this.bigEndian = platform.bigEndian();
    this.seedMask = hashkey0 ^ M1;
  }

  @Override
  public int bits() {
    return 64;
  }

  @Override
  public long memhash(byte[] data, int offset, int length, long seed) {
    requireNonNull(data, "data is null");
    Objects.checkFromIndexSize(offset, length, data.length);
    seed ^= seedMask;
    long a;
    long b;
    if (length == 0) {
      return seed;
    } else if (length < 4) {
      a = Words.r123(data, offset, length);
      b = 0;
    } else if (length == 4) {
      a = r4(data, offset);
      b = a;
    } else if (length < 8) {
      a = r4(data, offset);
      b = r4(data, offset + length - 4);
    } else if (length == 8) {
      a = r8(data, offset);
      b = a;
    } else if (length <= 16) {
      a = r8(data, offset);
      b = r8(data, offset + length - 8);
    } else {
      int p = offset;
      int l = length;
      if (l > 48) {
        long seed1 = seed;
        long seed2 = seed;
        for (; l > 48; l -= 48) {
          seed = mix(r8(data, p) ^ M2, r8(data, p + 8) ^ seed);
          seed1 = mix(r8(data, p + 16) ^ M3, r8(data, p + 24) ^ seed1);
          seed2 = mix(r8(data, p + 32) ^ M4, r8(data, p + 40) ^ seed2);
          p += 48;
        }
        seed ^= seed1 ^ seed2;
      }
      for (; l > 16; l -= 16) {
        seed = mix(r8(data, p) ^ M2, r8(data, p + 8) ^ seed);
        p += 16;
      }
      a = r8(data, p + l - 16);
      b = r8(data, p + l - 8);
    }
    return mix(M5 ^ length, mix(a ^ M2, b ^ seed));
  }

  /**
   * {@code memhash32Fallback}. A 4-byte word read in native order is the value itself, so the byte
   * order does not matter here.
   */
  @Override
  public long memhash32(int value, long seed) {
    long a = value & 0xffffffffL;
    return mix(M5 ^ 4, mix(a ^ M2, a ^ seed ^ seedMask));
  }

  /** {@code memhash64Fallback}; as with {@link #memhash32}, the word is the value. */
  @Override
  public long memhash64(long value, long seed) {
    return mix(M5 ^ 8, mix(value ^ M2, value ^ seed ^ seedMask));
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
      return GoFloatHash.special64(seed, value != value);
    }
    return memhash32(Float.floatToRawIntBits(value), seed);
  }

  /** {@code f64hash}; for other values {@code memhash(p, h, 8)}, which equals memhash64 here. */
  @Override
  public long f64hash(double value, long seed) {
    if (GoFloatHash.special(value)) {
      return GoFloatHash.special64(seed, value != value);
    }
    return memhash64(Double.doubleToRawLongBits(value), seed);
  }

  @Override
  public String toString() {
    return MemhashGo119Provider.NAME + " hasher for " + platform;
  }

  /** Go's {@code mix}: the high and low halves of the unsigned 128-bit product, XORed. */
  static long mix(long a, long b) {
    long lo = a * b;
    // Math.multiplyHigh is signed; adding b when a < 0 and a when b < 0 makes it unsigned.
    long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    return hi ^ lo;
  }

  private long r4(byte[] data, int i) {
    return Words.r4(bigEndian, data, i) & 0xffffffffL;
  }

  private long r8(byte[] data, int i) {
    return Words.r8(bigEndian, data, i);
  }
}
