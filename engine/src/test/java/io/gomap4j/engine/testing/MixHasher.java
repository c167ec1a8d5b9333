package io.gomap4j.engine.testing;

import io.gomap4j.spi.Hasher;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sound test hash: murmur3's 64-bit finalizer over the value xor a mix of the seed and
 * {@code hashkey[0]}. For a fixed seed it is a bijection on 64-bit values, so distinct
 * {@code int64} keys never collide fully. On a 32-bit platform it keeps the low 32 bits.
 */
public class MixHasher implements Hasher {

  private static final AtomicLong NAN_COUNTER = new AtomicLong();

  private final int bits;
  private final long key;

  public MixHasher(int bits, long key) {
    if (bits != 32 && bits != 64) {
      throw new IllegalArgumentException("bits must be 32 or 64, got " + bits);
    }
    this.bits = bits;
    this.key = key;
  }

  /** Murmur3's fmix64. */
  public static long mix64(long z) {
    z ^= z >>> 33;
    z *= 0xff51afd7ed558ccdL;
    z ^= z >>> 33;
    z *= 0xc4ceb9fe1a85ec53L;
    z ^= z >>> 33;
    return z;
  }

  /** FNV-1a over bytes, then mixed: a whole-value stand-in for a byte range. */
  static long bytesValue(byte[] data, int offset, int length) {
    long h = 0xcbf29ce484222325L ^ length;
    for (int i = offset; i < offset + length; i++) {
      h = (h ^ (data[i] & 0xFF)) * 0x100000001b3L;
    }
    return mix64(h);
  }

  /** The full 64-bit mix of {@code value} under {@code seed}. */
  protected final long mix(long value, long seed) {
    return mix64(value ^ mix64(seed ^ key));
  }

  /** Cuts a 64-bit result to the platform's width. */
  protected final long finish(long h) {
    return bits == 64 ? h : h & 0xFFFFFFFFL;
  }

  /** The hash of a whole value; subclasses override this to collide on purpose. */
  protected long hashValue(long value, long seed) {
    return finish(mix(value, seed));
  }

  @Override
  public int bits() {
    return bits;
  }

  @Override
  public long memhash(byte[] data, int offset, int length, long seed) {
    return hashValue(bytesValue(data, offset, length), seed);
  }

  @Override
  public long memhash32(int value, long seed) {
    return hashValue(value & 0xFFFFFFFFL, seed);
  }

  @Override
  public long memhash64(long value, long seed) {
    return hashValue(value, seed);
  }

  @Override
  public long f32hash(float value, long seed) {
    if (value == 0) {
      return memhash32(0, seed);
    }
    if (Float.isNaN(value)) {
      return finish(mix(NAN_COUNTER.incrementAndGet(), seed ^ 0x5555));
    }
    return memhash32(Float.floatToRawIntBits(value), seed);
  }

  @Override
  public long f64hash(double value, long seed) {
    if (value == 0) {
      return memhash64(0, seed);
    }
    if (Double.isNaN(value)) {
      return finish(mix(NAN_COUNTER.incrementAndGet(), seed ^ 0xAAAA));
    }
    return memhash64(Double.doubleToRawLongBits(value), seed);
  }
}
