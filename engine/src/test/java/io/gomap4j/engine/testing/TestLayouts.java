package io.gomap4j.engine.testing;

import io.gomap4j.api.GoType;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteOrder;
import java.util.function.UnaryOperator;

/** Platform layouts for the engine's tests, with the gc compiler's rules of the real targets. */
public final class TestLayouts {

  public static final Platform AMD64 = new Platform("amd64", 8, 8, ByteOrder.LITTLE_ENDIAN);
  public static final Platform I386 = new Platform("386", 4, 4, ByteOrder.LITTLE_ENDIAN);
  public static final Platform S390X = new Platform("s390x", 8, 8, ByteOrder.BIG_ENDIAN);
  public static final Platform MIPS = new Platform("mips", 4, 4, ByteOrder.BIG_ENDIAN);

  private TestLayouts() {}

  /**
   * The gc compiler's amd64 layout, named {@code name}, with the bucket layouts it gives changed by
   * {@code change}: a plugin that breaks its contract, for the checks that refuse one.
   */
  public static PlatformLayout broken(String name, UnaryOperator<BucketLayout> change) {
    return new Named(name, AMD64) {
      @Override
      public BucketLayout bucketLayout(GoType key, GoType elem) {
        return change.apply(super.bucketLayout(key, elem));
      }
    };
  }

  /** A layout on {@code platform}, named {@code name}, whose maxAlloc is {@code maxAlloc}. */
  public static PlatformLayout withMaxAlloc(String name, Platform platform, long maxAlloc) {
    return new Named(name, platform) {
      @Override
      public long maxAlloc() {
        return maxAlloc;
      }
    };
  }

  /** The gc compiler's layout on {@code platform} under the name {@code name}. */
  private static class Named extends GcPlatformLayout {
    private final String name;

    Named(String name, Platform platform) {
      super(platform);
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }
  }

  /** amd64: 64-bit, little-endian. */
  public static final class Amd64 extends GcPlatformLayout {
    public Amd64() {
      super(AMD64);
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }
  }

  /** 386: 32-bit, little-endian, 8-byte scalars aligned to 4. */
  public static final class I386 extends GcPlatformLayout {
    public I386() {
      super(I386);
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }
  }

  /** s390x: 64-bit, big-endian. */
  public static final class S390x extends GcPlatformLayout {
    public S390x() {
      super(S390X);
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }
  }

  /** mips: 32-bit, big-endian, and multi-byte loads must be aligned. */
  public static final class Mips extends GcPlatformLayout {
    public Mips() {
      super(MIPS);
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }
  }
}
