package io.gomap4j.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.spi.HashProvider;
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

/**
 * Both providers against the outputs of Go 1.19's own hashes: memhash-go119 for the lines Go
 * computed with its fallback hash ({@code "alg":"memhash"}), aeshash-go119 for the lines it
 * computed with the AES hash ({@code "alg":"aeshash"}, recorded on amd64 and 386).
 */
@DisplayName("memhash-go119 and aeshash-go119 reproduce Go 1.19's hash vectors")
class GoVectorTest {

  private static final MemhashGo119Provider MEMHASH = new MemhashGo119Provider();
  private static final AeshashGo119Provider AESHASH = new AeshashGo119Provider();

  /** The GOARCHes whose vector files have AES-hash lines: Go's x86 AES hash. */
  private static final List<String> AES_GOARCHES = List.of("amd64", "386");

  /** The lines of one GOARCH's vector file that Go computed with {@code alg}. */
  private static List<HashVector> vectors(String goarch, String alg) {
    return GoVectors.hashVectors(goarch).stream()
        .filter(v -> v.alg().equals(alg))
        .collect(Collectors.toList());
  }

  static Stream<Arguments> memhashVectors() {
    return GoVectors.HASH_GOARCHES.stream()
        .flatMap(goarch -> vectors(goarch, "memhash").stream())
        .map(v -> Arguments.of(Named.of(v.describe(), v)));
  }

  static Stream<Arguments> aeshashVectors() {
    return AES_GOARCHES.stream()
        .flatMap(goarch -> vectors(goarch, "aeshash").stream())
        .map(v -> Arguments.of(Named.of(v.describe(), v)));
  }

  static Stream<String> goarches() {
    return GoVectors.HASH_GOARCHES.stream();
  }

  static Stream<String> aesGoarches() {
    return AES_GOARCHES.stream();
  }

  /** Each recorded call, repeated in Java with the same key material and seed, gives Go's hash. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("memhashVectors")
  @DisplayName("Every memhash vector line gives Go's hash with memhash-go119")
  void memhashMatchesGo(HashVector v) {
    assertMatches(MEMHASH, v);
  }

  /** The same for the lines Go computed with AESENC, replayed by the software AES round. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("aeshashVectors")
  @DisplayName("Every aeshash vector line gives Go's hash with aeshash-go119")
  void aeshashMatchesGo(HashVector v) {
    assertMatches(AESHASH, v);
  }

  private static void assertMatches(HashProvider provider, HashVector v) {
    Hasher hasher = provider.create(TestPlatforms.of(v.goarch()), v.keyMaterial());
    assertThat(hasher.bits()).as("bits").isEqualTo(v.bits());
    long actual = v.computeWith(hasher);
    assertThat(Long.toHexString(actual)).as(v.describe()).isEqualTo(Long.toHexString(v.hash()));
  }

  /** The memhash vector test cannot pass vacuously: every GOARCH has memhash lines of every fn. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("goarches")
  @DisplayName("Every GOARCH has fallback-hash vectors for all five functions")
  void vectorsArePresent(String goarch) {
    List<HashVector> lines = vectors(goarch, "memhash");
    assertThat(lines).as("memhash lines for " + goarch).hasSizeGreaterThan(0);
    Set<String> fns = lines.stream().map(HashVector::fn).collect(Collectors.toSet());
    assertThat(fns)
        .as("functions covered on " + goarch)
        .containsExactlyInAnyOrder("memhash", "memhash32", "memhash64", "f32hash", "f64hash");
  }

  /**
   * The AES vector test cannot pass vacuously either: amd64 and 386 have AES lines of every fn,
   * including inputs long enough for the block loops (129+ bytes on amd64, 65+ on 386).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("aesGoarches")
  @DisplayName("amd64 and 386 have AES-hash vectors for all five functions and every length class")
  void aesVectorsArePresent(String goarch) {
    List<HashVector> lines = vectors(goarch, "aeshash");
    assertThat(lines).as("aeshash lines for " + goarch).hasSizeGreaterThan(0);
    Set<String> fns = lines.stream().map(HashVector::fn).collect(Collectors.toSet());
    assertThat(fns)
        .as("functions covered on " + goarch)
        .containsExactlyInAnyOrder("memhash", "memhash32", "memhash64", "f32hash", "f64hash");
    Set<Integer> lengths =
        lines.stream()
            .filter(v -> v.fn().equals("memhash"))
            .map(v -> v.data().length)
            .collect(Collectors.toSet());
    int[][] classes = {{0, 0}, {1, 15}, {16, 16}, {17, 32}, {33, 64}, {65, 128}, {129, 1 << 20}};
    for (int[] c : classes) {
      assertThat(lengths)
          .as("memhash lengths in [%d, %d] on %s", c[0], c[1], goarch)
          .anyMatch(n -> n >= c[0] && n <= c[1]);
    }
    assertThat(lengths).as("more than one 128-byte block on " + goarch).anyMatch(n -> n > 256);
  }
}
