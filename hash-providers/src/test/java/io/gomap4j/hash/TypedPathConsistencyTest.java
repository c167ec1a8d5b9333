package io.gomap4j.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed and offset paths agree with plain {@code memhash} over the bytes a value occupies in
 * the platform's memory. In Go 1.19's fallback, {@code memhash32Fallback} and
 * {@code memhash64Fallback} are {@code memhashFallback} with s = 4 and 8 on both word sizes
 * (hash64.go: a = b = r4 or r8 with the same seed mask; hash32.go: the s >= 4 branch reads p and
 * p+s-4, which are the same two words).
 */
@DisplayName("memhash-go119's typed paths agree with memhash over the value's bytes")
class TypedPathConsistencyTest {

  private static final int[] EDGE_INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};
  private static final long[] EDGE_LONGS = {
    0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xffffffffL, 0xffffffff00000000L
  };

  static Stream<Platform> platforms() {
    return TestPlatforms.ALL.stream();
  }

  private static Hasher hasher(Platform platform, long keySeed) {
    return new MemhashGo119Provider().create(platform, KeyMaterial.random(new Random(keySeed)));
  }

  /** memhash32(v) is memhash over v's 4 bytes as the platform stores them. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  @DisplayName("memhash32(v) equals memhash over v's 4 bytes in platform byte order")
  void memhash32EqualsBytes(Platform platform) {
    Hasher h = hasher(platform, 3);
    Random rnd = new Random(4);
    for (int i = 0; i < 2000; i++) {
      int v = i < EDGE_INTS.length ? EDGE_INTS[i] : rnd.nextInt();
      long seed = rnd.nextLong();
      byte[] mem = TestPlatforms.bytes(platform, v);
      assertThat(h.memhash32(v, seed))
          .as("value %08x seed %016x", v, seed)
          .isEqualTo(h.memhash(mem, 0, 4, seed));
    }
  }

  /** memhash64(v) is memhash over v's 8 bytes as the platform stores them. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  @DisplayName("memhash64(v) equals memhash over v's 8 bytes in platform byte order")
  void memhash64EqualsBytes(Platform platform) {
    Hasher h = hasher(platform, 5);
    Random rnd = new Random(6);
    for (int i = 0; i < 2000; i++) {
      long v = i < EDGE_LONGS.length ? EDGE_LONGS[i] : rnd.nextLong();
      long seed = rnd.nextLong();
      byte[] mem = TestPlatforms.bytes(platform, v);
      assertThat(h.memhash64(v, seed))
          .as("value %016x seed %016x", v, seed)
          .isEqualTo(h.memhash(mem, 0, 8, seed));
    }
  }

  static Stream<Platform> platforms32() {
    return Stream.of(TestPlatforms.I386, TestPlatforms.MIPS);
  }

  /** Go passes the seed as a 32-bit uintptr on these platforms, so bits 32..63 are ignored. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms32")
  @DisplayName("On 32-bit platforms only the low 32 bits of the seed matter")
  void seedHighBitsIgnoredOn32Bit(Platform platform) {
    Hasher h = hasher(platform, 11);
    Random rnd = new Random(12);
    for (int i = 0; i < 500; i++) {
      long seed = rnd.nextInt() & 0xffffffffL;
      long wide = seed | ((long) (rnd.nextInt() | 1) << 32);
      byte[] data = new byte[rnd.nextInt(40)];
      rnd.nextBytes(data);
      int v32 = rnd.nextInt();
      long v64 = rnd.nextLong();
      assertThat(h.memhash(data, 0, data.length, wide))
          .isEqualTo(h.memhash(data, 0, data.length, seed));
      assertThat(h.memhash32(v32, wide)).isEqualTo(h.memhash32(v32, seed));
      assertThat(h.memhash64(v64, wide)).isEqualTo(h.memhash64(v64, seed));
      assertThat(h.f32hash(1.5f, wide)).isEqualTo(h.f32hash(1.5f, seed));
      assertThat(h.f64hash(0.0, wide)).isEqualTo(h.f64hash(0.0, seed));
    }
  }
}
