package io.gomap4j.engine.testing;

import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;

/** Hash providers for the engine's tests: one sound, three that collide on purpose. */
public final class TestHashes {

  /** {@link Mix}: a sound 64/32-bit hash. */
  public static final String MIX = "test-mix";

  /** {@link Constant}: every key hashes to the same value, tophash included. */
  public static final String CONSTANT = "test-collide-const";

  /** {@link Bucket0}: every key's home bucket is 0 (for B up to 16); tophash bytes vary. */
  public static final String BUCKET0 = "test-collide-bucket0";

  /**
   * {@link Low16}: the low 16 bits of the hash are the key's own low 16 bits, so key
   * {@code b + (n << 16)} lives in bucket {@code b} at every B up to 16; tophash bytes vary.
   */
  public static final String LOW16 = "test-collide-low16";

  private TestHashes() {}

  private abstract static class Base implements HashProvider {
    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }

    @Override
    public String toString() {
      return name();
    }
  }

  /** The sound hash. */
  public static class Mix extends Base {
    @Override
    public String name() {
      return MIX;
    }

    @Override
    public Hasher create(Platform platform, KeyMaterial keyMaterial) {
      return new MixHasher(platform.bits(), keyMaterial.hashkey(0));
    }
  }

  /** All keys, one hash: 0xA5 in the top byte, zero in the low bits. */
  public static final class Constant extends Base {
    @Override
    public String name() {
      return CONSTANT;
    }

    @Override
    public Hasher create(Platform platform, KeyMaterial keyMaterial) {
      return new MixHasher(platform.bits(), keyMaterial.hashkey(0)) {
        @Override
        protected long hashValue(long value, long seed) {
          return finish(0xA5000000_A5000000L);
        }
      };
    }
  }

  /** Home bucket 0 for every key while B &lt;= 16. */
  public static final class Bucket0 extends Base {
    @Override
    public String name() {
      return BUCKET0;
    }

    @Override
    public Hasher create(Platform platform, KeyMaterial keyMaterial) {
      return new MixHasher(platform.bits(), keyMaterial.hashkey(0)) {
        @Override
        protected long hashValue(long value, long seed) {
          return finish(mix(value, seed) & ~0xFFFFL);
        }
      };
    }
  }

  /** Home bucket = the key's low bits (while B &lt;= 16). */
  public static final class Low16 extends Base {
    @Override
    public String name() {
      return LOW16;
    }

    @Override
    public Hasher create(Platform platform, KeyMaterial keyMaterial) {
      return new MixHasher(platform.bits(), keyMaterial.hashkey(0)) {
        @Override
        protected long hashValue(long value, long seed) {
          return finish((mix(value, seed) & ~0xFFFFL) | (value & 0xFFFFL));
        }
      };
    }
  }
}
