package io.gomap4j.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.spi.Hasher;
import io.gomap4j.tck.vectors.GoVectors;
import io.gomap4j.tck.vectors.HashVector;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** memhash-go119 against the outputs of Go 1.19's own fallback hash. */
@DisplayName("memhash-go119 reproduces Go 1.19's fallback hash vectors")
class GoVectorTest {

  private static final MemhashGo119Provider PROVIDER = new MemhashGo119Provider();

  /** The fallback-hash lines of one GOARCH's vector file. */
  private static List<HashVector> memhashVectors(String goarch) {
    return GoVectors.hashVectors(goarch).stream()
        .filter(v -> v.alg().equals("memhash"))
        .collect(Collectors.toList());
  }

  static Stream<Arguments> vectors() {
    return GoVectors.HASH_GOARCHES.stream()
        .flatMap(goarch -> memhashVectors(goarch).stream())
        .map(v -> Arguments.of(Named.of(v.describe(), v)));
  }

  static Stream<String> goarches() {
    return GoVectors.HASH_GOARCHES.stream();
  }

  /** Each recorded call, repeated in Java with the same key material and seed, gives Go's hash. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @DisplayName("Every memhash vector line gives Go's hash")
  void matchesGo(HashVector v) {
    Hasher hasher = PROVIDER.create(TestPlatforms.of(v.goarch()), v.keyMaterial());
    assertThat(hasher.bits()).as("bits").isEqualTo(v.bits());
    long actual;
    switch (v.fn()) {
      case "memhash":
        actual = hasher.memhash(v.data(), 0, v.data().length, v.seed());
        break;
      case "memhash32":
        actual = hasher.memhash32(v.int32Value(), v.seed());
        break;
      case "memhash64":
        actual = hasher.memhash64(v.int64Value(), v.seed());
        break;
      case "f32hash":
        actual = hasher.f32hash(Float.intBitsToFloat(v.int32Value()), v.seed());
        break;
      case "f64hash":
        actual = hasher.f64hash(Double.longBitsToDouble(v.int64Value()), v.seed());
        break;
      default:
        throw new AssertionError("unknown fn '" + v.fn() + "' in " + v.describe());
    }
    assertThat(Long.toHexString(actual)).as(v.describe()).isEqualTo(Long.toHexString(v.hash()));
  }

  /** The vector test above cannot pass vacuously: every GOARCH has memhash lines of every fn. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("goarches")
  @DisplayName("Every GOARCH has fallback-hash vectors for all five functions")
  void vectorsArePresent(String goarch) {
    List<HashVector> lines = memhashVectors(goarch);
    assertThat(lines).as("memhash lines for " + goarch).hasSizeGreaterThan(0);
    Set<String> fns = lines.stream().map(HashVector::fn).collect(Collectors.toSet());
    assertThat(fns)
        .as("functions covered on " + goarch)
        .containsExactlyInAnyOrder("memhash", "memhash32", "memhash64", "f32hash", "f64hash");
  }
}
