package io.gomap4j.hash;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;

import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;

/**
 * The four platforms Go's hash vectors were recorded on, the hashers of both providers on them, and
 * value-to-memory helpers.
 */
final class TestPlatforms {

  static final Platform AMD64 = new Platform("amd64", 8, 8, LITTLE_ENDIAN);
  static final Platform I386 = new Platform("386", 4, 4, LITTLE_ENDIAN);
  static final Platform S390X = new Platform("s390x", 8, 8, BIG_ENDIAN);
  static final Platform MIPS = new Platform("mips", 4, 4, BIG_ENDIAN);

  static final List<Platform> ALL = List.of(AMD64, I386, S390X, MIPS);

  private TestPlatforms() {}

  /** The platform of a GOARCH with hash vectors. */
  static Platform of(String goarch) {
    return ALL.stream()
        .filter(p -> p.goarch().equals(goarch))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no test platform for " + goarch));
  }

  /** Both providers' hashers: memhash-go119 on all four platforms, aeshash-go119 on x86. */
  static Stream<Hasher> hashers(KeyMaterial keyMaterial) {
    List<HashProvider> providers = List.of(new MemhashGo119Provider(), new AeshashGo119Provider());
    return providers.stream()
        .flatMap(p -> ALL.stream().filter(p::supports).map(pl -> p.create(pl, keyMaterial)));
  }

  /** {@code value} as it sits in memory on {@code platform}. */
  static byte[] bytes(Platform platform, int value) {
    return ByteBuffer.allocate(4).order(platform.byteOrder()).putInt(value).array();
  }

  /** {@code value} as it sits in memory on {@code platform}. */
  static byte[] bytes(Platform platform, long value) {
    return ByteBuffer.allocate(8).order(platform.byteOrder()).putLong(value).array();
  }
}
