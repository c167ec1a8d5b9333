package io.gomap4j.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What holds for every Go hash, fallback and AES alike: an offset into a larger array hashes as a
 * copy, an ordinary float hashes as {@code memhash} over its bytes ({@code alg.go}), and
 * {@code strhash} is {@code memhash} over the string's bytes.
 */
@DisplayName("Every bundled hash's entry points relate as in Go's runtime")
class HashEntryPointsTest {

  /** Each provider on each platform it supports. */
  static Stream<Arguments> hashers() {
    return Stream.<HashProvider>of(new MemhashGo119Provider(), new AeshashGo119Provider())
        .flatMap(p -> TestPlatforms.ALL.stream().filter(p::supports)
            .map(pl -> Arguments.of(Named.of(p.name() + " on " + pl.goarch(), p), pl)));
  }

  private static Hasher hasher(HashProvider provider, Platform platform, long keySeed) {
    return provider.create(platform, KeyMaterial.random(new Random(keySeed)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hashers")
  @DisplayName("memhash at an unaligned offset equals memhash over a copied array")
  void offsetEqualsCopy(HashProvider provider, Platform platform) {
    Hasher h = hasher(provider, platform, 1);
    Random rnd = new Random(2);
    for (int length = 0; length <= 420; length++) {
      for (int offset = 1; offset <= 9; offset += 2) {
        byte[] big = new byte[offset + length + 11];
        rnd.nextBytes(big);
        byte[] copy = Arrays.copyOfRange(big, offset, offset + length);
        long seed = rnd.nextLong();
        assertThat(h.memhash(big, offset, length, seed))
            .as("length %d at offset %d", length, offset)
            .isEqualTo(h.memhash(copy, 0, length, seed));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hashers")
  @DisplayName("f32hash and f64hash of ordinary values equal memhash over the value's bytes")
  void floatsEqualBytes(HashProvider provider, Platform platform) {
    Hasher h = hasher(provider, platform, 7);
    Random rnd = new Random(8);
    for (int i = 0; i < 2000; i++) {
      float f = Float.intBitsToFloat(rnd.nextInt());
      double d = Double.longBitsToDouble(rnd.nextLong());
      long seed = rnd.nextLong();
      if (f != 0 && !Float.isNaN(f)) {
        byte[] mem = TestPlatforms.bytes(platform, Float.floatToRawIntBits(f));
        assertThat(h.f32hash(f, seed)).as("float %s", f).isEqualTo(h.memhash(mem, 0, 4, seed));
      }
      if (d != 0 && !Double.isNaN(d)) {
        byte[] mem = TestPlatforms.bytes(platform, Double.doubleToRawLongBits(d));
        assertThat(h.f64hash(d, seed)).as("double %s", d).isEqualTo(h.memhash(mem, 0, 8, seed));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hashers")
  @DisplayName("strhash equals memhash over the same bytes")
  void strhashEqualsMemhash(HashProvider provider, Platform platform) {
    Hasher h = hasher(provider, platform, 9);
    for (String s : new String[] {"", "a", "go", "gomap4j", "grüße, 世界", "x".repeat(200)}) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      assertThat(h.strhash(utf8, 42)).as(s).isEqualTo(h.memhash(utf8, 0, utf8.length, 42));
    }
  }
}
