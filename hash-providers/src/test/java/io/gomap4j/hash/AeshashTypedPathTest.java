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
 * How aeshash-go119's entry points relate to each other. Unlike the fallback hash, the AES
 * {@code memhash32} and {@code memhash64} are separate 3-round functions (seed and value in one
 * block, no length), so they differ from {@code memhash} over the same bytes; the float hashes,
 * though, call {@code memhash(p, h, 4 or 8)} and must equal it.
 */
@DisplayName("aeshash-go119's entry points relate as in Go's assembly")
class AeshashTypedPathTest {

  static Stream<Platform> platforms() {
    return Stream.of(TestPlatforms.AMD64, TestPlatforms.I386);
  }

  private static Hasher hasher(Platform platform, long keySeed) {
    return new AeshashGo119Provider().create(platform, KeyMaterial.random(new Random(keySeed)));
  }

  /**
   * memhash64 is not memhash(p, h, 8) on the AES path, so an int64 key and a float64 key with the
   * same bits hash differently (spec 5.3); likewise memhash32 and memhash(p, h, 4).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  @DisplayName("memhash32 and memhash64 differ from memhash over the same 4 and 8 bytes")
  void typedHashesDifferFromMemhash(Platform platform) {
    Hasher h = hasher(platform, 3);
    Random rnd = new Random(4);
    int same32 = 0;
    int same64 = 0;
    for (int i = 0; i < 1000; i++) {
      int v32 = rnd.nextInt();
      long v64 = rnd.nextLong();
      long seed = rnd.nextLong();
      if (h.memhash32(v32, seed) == h.memhash(TestPlatforms.bytes(platform, v32), 0, 4, seed)) {
        same32++;
      }
      if (h.memhash64(v64, seed) == h.memhash(TestPlatforms.bytes(platform, v64), 0, 8, seed)) {
        same64++;
      }
    }
    assertThat(same32).as("memhash32 == memhash(4) coincidences").isLessThan(3);
    assertThat(same64).as("memhash64 == memhash(8) coincidences").isLessThan(3);
  }

  /** On 386 Go passes the seed as a 32-bit uintptr; on amd64 all 64 bits take part. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  @DisplayName("Only the low 32 bits of the seed matter on 386, all 64 on amd64")
  void seedWidthFollowsPlatform(Platform platform) {
    Hasher h = hasher(platform, 11);
    Random rnd = new Random(12);
    boolean is32 = platform.bits() == 32;
    for (int i = 0; i < 500; i++) {
      long seed = rnd.nextInt() & 0xffffffffL;
      long wide = seed | ((long) (rnd.nextInt() | 1) << 32);
      byte[] data = new byte[rnd.nextInt(300)];
      rnd.nextBytes(data);
      int v32 = rnd.nextInt();
      long v64 = rnd.nextLong();
      long[] narrow = {
        h.memhash(data, 0, data.length, seed), h.memhash32(v32, seed), h.memhash64(v64, seed),
        h.f32hash(1.5f, seed), h.f64hash(2.5, seed)
      };
      long[] widened = {
        h.memhash(data, 0, data.length, wide), h.memhash32(v32, wide), h.memhash64(v64, wide),
        h.f32hash(1.5f, wide), h.f64hash(2.5, wide)
      };
      for (int j = 0; j < narrow.length; j++) {
        if (is32) {
          assertThat(widened[j]).as("entry point %d, seed %x", j, wide).isEqualTo(narrow[j]);
        } else {
          assertThat(widened[j]).as("entry point %d, seed %x", j, wide).isNotEqualTo(narrow[j]);
        }
      }
    }
  }
}
