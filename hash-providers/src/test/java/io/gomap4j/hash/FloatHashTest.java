package io.gomap4j.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The special cases of alg.go's f32hash and f64hash, and the 32-bit result range, for both
 * providers on every platform each supports.
 */
@DisplayName("memhash-go119's and aeshash-go119's float hashes follow alg.go")
class FloatHashTest {

  private static final double[] NANS = {
    Double.NaN,
    Double.longBitsToDouble(0x7ff0000000000001L),
    Double.longBitsToDouble(0xfff8000000000000L),
    Double.longBitsToDouble(0x7fffffffffffffffL)
  };

  /** memhash-go119 on all four platforms, aeshash-go119 on amd64 and 386. */
  static Stream<Hasher> hashers() {
    return TestPlatforms.hashers(KeyMaterial.random(new Random(21)));
  }

  /** +0 and -0 compare equal in Go, so they must hash alike, for every seed. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hashers")
  @DisplayName("+0.0 and -0.0 hash alike in f32hash and f64hash")
  void zerosHashAlike(Hasher h) {
    Random rnd = new Random(22);
    for (int i = 0; i < 200; i++) {
      long seed = rnd.nextLong();
      assertThat(h.f64hash(-0.0, seed)).isEqualTo(h.f64hash(0.0, seed));
      assertThat(h.f32hash(-0.0f, seed)).isEqualTo(h.f32hash(0.0f, seed));
    }
  }

  /** Each NaN gets a fresh random hash (Go's fastrand), so repeated calls do not all agree. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hashers")
  @DisplayName("NaN hashes vary from call to call, for every NaN bit pattern")
  void nanHashesVary(Hasher h) {
    for (double nan : NANS) {
      Set<Long> f64 = new HashSet<>();
      Set<Long> f32 = new HashSet<>();
      for (int i = 0; i < 64; i++) {
        f64.add(h.f64hash(nan, 7));
        f32.add(h.f32hash((float) nan, 7));
      }
      assertThat(f64).as("f64hash of %016x", Double.doubleToRawLongBits(nan)).hasSizeGreaterThan(1);
      assertThat(f32).as("f32hash of %s", (float) nan).hasSizeGreaterThan(1);
    }
  }

  static Stream<Hasher> hashers32() {
    return hashers().filter(h -> h.bits() == 32);
  }

  /** A 32-bit uintptr cannot exceed 2^32 - 1, whatever the input, seed or special case. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hashers32")
  @DisplayName("On 32-bit platforms every hash lies in [0, 2^32)")
  void results32BitInRange(Hasher h) {
    Random rnd = new Random(23);
    for (int i = 0; i < 2000; i++) {
      long seed = rnd.nextLong();
      byte[] data = new byte[rnd.nextInt(300)];
      rnd.nextBytes(data);
      double d = Double.longBitsToDouble(rnd.nextLong());
      float f = Float.intBitsToFloat(rnd.nextInt());
      long[] hashes = {
        h.memhash(data, 0, data.length, seed),
        h.strhash(data, seed),
        h.memhash32(rnd.nextInt(), seed),
        h.memhash64(rnd.nextLong(), seed),
        h.f32hash(f, seed),
        h.f64hash(d, seed),
        h.f32hash(0.0f, seed),
        h.f64hash(-0.0, seed),
        h.f32hash(Float.NaN, seed),
        h.f64hash(Double.NaN, seed)
      };
      for (long hash : hashes) {
        assertThat(hash).as("seed %016x", seed).isBetween(0L, 0xffffffffL);
      }
    }
  }
}
