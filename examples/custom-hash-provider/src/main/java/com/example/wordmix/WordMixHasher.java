package com.example.wordmix;

import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code wordmix-v1} hasher of one platform and key material. Immutable, so thread-safe; it
 * allocates nothing per call.
 *
 * <p>{@code memhash} reads its input as little-endian 8-byte words, the last one zero-padded, and
 * folds each into the state with a multiply-xorshift round; the length and the key enter the
 * initial state, and a final avalanche spreads the state over the output. The typed functions hash
 * a value as {@code memhash} would hash its bytes as they lie in the platform's memory, so
 * {@code memhash64(v)} on a big-endian platform equals {@code memhash} over {@code v}'s big-endian
 * bytes.
 */
final class WordMixHasher implements Hasher {

  private static final long M1 = 0x9e3779b97f4a7c15L;
  private static final long M2 = 0xbf58476d1ce4e5b9L;
  private static final long M3 = 0x94d049bb133111ebL;

  private final int bits;
  private final boolean bigEndian;
  private final long key;
  private final long mask;

  WordMixHasher(Platform platform, KeyMaterial keyMaterial) {
    this.bits = platform.bits();
    this.bigEndian = platform.bigEndian();
    // On a 32-bit platform only the low halves of the key words are used, as Go does.
    long k0 = keyMaterial.hashkey(0);
    long k1 = keyMaterial.hashkey(1);
    this.key = bits == 32 ? (k0 & 0xffffffffL) | (k1 << 32) : k0 ^ Long.rotateLeft(k1, 32);
    this.mask = bits == 32 ? 0xffffffffL : -1L;
  }

  @Override
  public int bits() {
    return bits;
  }

  @Override
  public long memhash(byte[] data, int offset, int length, long seed) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IndexOutOfBoundsException(
          "range [" + offset + ", " + offset + " + " + length + ") of " + data.length + " bytes");
    }
    long h = start(seed, length);
    int i = 0;
    for (; length - i >= 8; i += 8) {
      h = round(h, littleEndianWord(data, offset + i));
    }
    if (i < length) {
      long tail = 0;
      for (int j = 0; i + j < length; j++) {
        tail |= (data[offset + i + j] & 0xffL) << (8 * j);
      }
      h = round(h, tail);
    }
    return finish(h);
  }

  @Override
  public long memhash32(int value, long seed) {
    // memhash over the 4 bytes as they lie in memory, read back as a little-endian tail word.
    int memory = bigEndian ? Integer.reverseBytes(value) : value;
    return finish(round(start(seed, 4), memory & 0xffffffffL));
  }

  @Override
  public long memhash64(long value, long seed) {
    long memory = bigEndian ? Long.reverseBytes(value) : value;
    return finish(round(start(seed, 8), memory));
  }

  @Override
  public long f32hash(float value, long seed) {
    if (value == 0) {
      return memhash32(0, seed); // +0 and -0
    }
    if (value != value) {
      return random(seed); // NaN: a new value each time, so NaN keys spread out
    }
    return memhash32(Float.floatToRawIntBits(value), seed);
  }

  @Override
  public long f64hash(double value, long seed) {
    if (value == 0) {
      return memhash64(0, seed);
    }
    if (value != value) {
      return random(seed);
    }
    return memhash64(Double.doubleToRawLongBits(value), seed);
  }

  private long start(long seed, int length) {
    return (seed & mask) ^ key ^ (length * M1);
  }

  private static long round(long h, long word) {
    long x = (h ^ word) * M2;
    return x ^ (x >>> 31);
  }

  private long finish(long h) {
    h = (h ^ (h >>> 30)) * M2;
    h = (h ^ (h >>> 27)) * M3;
    h ^= h >>> 31;
    return bits == 32 ? (h ^ (h >>> 32)) & 0xffffffffL : h;
  }

  private long random(long seed) {
    return finish(start(seed, 0) ^ ThreadLocalRandom.current().nextLong());
  }

  private static long littleEndianWord(byte[] b, int i) {
    return (b[i] & 0xffL)
        | (b[i + 1] & 0xffL) << 8
        | (b[i + 2] & 0xffL) << 16
        | (b[i + 3] & 0xffL) << 24
        | (b[i + 4] & 0xffL) << 32
        | (b[i + 5] & 0xffL) << 40
        | (b[i + 6] & 0xffL) << 48
        | (b[i + 7] & 0xffL) << 56;
  }
}
