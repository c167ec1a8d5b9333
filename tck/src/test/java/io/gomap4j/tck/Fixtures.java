package io.gomap4j.tck;

import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteOrder;
import java.util.concurrent.ThreadLocalRandom;

/** Small plugins for the kit's own tests: a sound hash, a broken one, two layouts. */
final class Fixtures {

  private Fixtures() {}

  static PlatformLayout layout(String name, int ptr) {
    return new GcPlatformLayout(new Platform(name, ptr, ptr, ByteOrder.LITTLE_ENDIAN)) {
      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }
    };
  }

  static final PlatformLayout WIDE = layout("wide", 8);
  static final PlatformLayout NARROW = layout("narrow", 4);
  static final Go119GrowthPolicy GO119 = new Go119GrowthPolicy();

  /** A splitmix-style hash over whole values: good enough for a map, not Go's. */
  static class MixHash implements HashProvider {
    private final String name;
    private final boolean only64;

    MixHash(String name, boolean only64) {
      this.name = name;
      this.only64 = only64;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }

    @Override
    public boolean supports(Platform platform) {
      return !only64 || platform.bits() == 64;
    }

    long mix(long x) {
      x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
      x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
      return x ^ (x >>> 31);
    }

    @Override
    public Hasher create(Platform platform, KeyMaterial keyMaterial) {
      long mask = platform.bits() == 64 ? -1L : 0xFFFFFFFFL;
      long k = keyMaterial.hashkey(0);
      return new Hasher() {
        @Override
        public int bits() {
          return platform.bits();
        }

        @Override
        public long memhash(byte[] data, int offset, int length, long seed) {
          long h = seed ^ k ^ length;
          for (int i = 0; i < length; i++) {
            h = mix(h + data[offset + i]);
          }
          return out(mix(h)) & mask;
        }

        @Override
        public long memhash32(int value, long seed) {
          return out(mix(value ^ seed ^ k ^ 4)) & mask;
        }

        @Override
        public long memhash64(long value, long seed) {
          return out(mix(value ^ seed ^ k ^ 8)) & mask;
        }

        @Override
        public long f32hash(float value, long seed) {
          return memhash32(value == 0 ? 0 : Float.floatToIntBits(value), seed);
        }

        @Override
        public long f64hash(double value, long seed) {
          return memhash64(value == 0 ? 0 : Double.doubleToLongBits(value), seed);
        }
      };
    }

    long out(long h) {
      return h;
    }
  }

  /** Breaks the one rule a map cannot live without: the same key must hash the same way. */
  static final class UnstableHash extends MixHash {
    UnstableHash() {
      super("unstable", false);
    }

    @Override
    long out(long h) {
      return h ^ (ThreadLocalRandom.current().nextInt(4) == 0 ? 0x55L : 0);
    }
  }
}
