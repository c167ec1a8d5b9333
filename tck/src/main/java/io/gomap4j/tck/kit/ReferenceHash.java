package io.gomap4j.tck.kit;

import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A sound hash that is not Go's: a multiply-xorshift mix over 8-byte words, on every platform. The
 * growth kit drives maps with it, so that a growth policy is judged apart from any hash plugin; the
 * kit's own tests use it as the sound base of their broken hashes.
 */
final class ReferenceHash implements HashProvider {

  static final ReferenceHash INSTANCE = new ReferenceHash();

  @Override
  public String name() {
    return "tck-reference";
  }

  @Override
  public int spiVersion() {
    return SPI_VERSION;
  }

  @Override
  public Hasher create(Platform platform, KeyMaterial keyMaterial) {
    return new RefHasher(platform, keyMaterial.hashkey(0), keyMaterial.hashkey(1));
  }

  static long mix(long x) {
    x = (x ^ (x >>> 32)) * 0xd6e8feb86659fd93L;
    x = (x ^ (x >>> 32)) * 0xd6e8feb86659fd93L;
    return x ^ (x >>> 32);
  }

  private static final class RefHasher implements Hasher {
    private final Platform platform;
    private final long k0;
    private final long k1;
    private final long mask;

    RefHasher(Platform platform, long k0, long k1) {
      this.platform = platform;
      this.k0 = k0;
      this.k1 = k1;
      this.mask = platform.bits() == 64 ? -1L : 0xFFFFFFFFL;
    }

    @Override
    public int bits() {
      return platform.bits();
    }

    @Override
    public long memhash(byte[] data, int offset, int length, long seed) {
      long h = mix(seed ^ k0) ^ (length * 0x9E3779B97F4A7C15L);
      int i = 0;
      for (; i + 8 <= length; i += 8) {
        long w = 0;
        for (int j = 7; j >= 0; j--) {
          w = (w << 8) | (data[offset + i + j] & 0xFF);
        }
        h = mix(h ^ w ^ k1) + i;
      }
      long w = 0;
      for (int j = length - 1; j >= i; j--) {
        w = (w << 8) | (data[offset + j] & 0xFF);
      }
      h = mix(h ^ w ^ k1 ^ (length - i));
      return platform.bits() == 64 ? h : (h ^ (h >>> 32)) & mask;
    }

    private byte[] bytes(long value, int n) {
      byte[] b = new byte[n];
      for (int i = 0; i < n; i++) {
        int shift = platform.bigEndian() ? 8 * (n - 1 - i) : 8 * i;
        b[i] = (byte) (value >>> shift);
      }
      return b;
    }

    @Override
    public long memhash32(int value, long seed) {
      return memhash(bytes(value, 4), 0, 4, seed);
    }

    @Override
    public long memhash64(long value, long seed) {
      return memhash(bytes(value, 8), 0, 8, seed);
    }

    @Override
    public long f32hash(float value, long seed) {
      if (value == 0) {
        return memhash32(0, seed);
      }
      if (Float.isNaN(value)) {
        return mix(seed ^ ThreadLocalRandom.current().nextLong()) & mask;
      }
      return memhash32(Float.floatToRawIntBits(value), seed);
    }

    @Override
    public long f64hash(double value, long seed) {
      if (value == 0) {
        return memhash64(0, seed);
      }
      if (Double.isNaN(value)) {
        return mix(seed ^ ThreadLocalRandom.current().nextLong()) & mask;
      }
      return memhash64(Double.doubleToRawLongBits(value), seed);
    }
  }
}
