package io.gomap4j.layout64;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.tck.vectors.LayoutVector;
import io.gomap4j.tck.vectors.LayoutVectors;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Amd64Layout} against the bucket layouts Go 1.19 recorded on amd64. */
final class Amd64LayoutVectorsTest {

  private static final String GOARCH = "amd64";

  /**
   * The amd64 lines whose key and elem are scalars, strings or pointers: 18 key types times 5 elem
   * types. The other lines use arrays, slices, structs or interfaces, not modelled yet.
   */
  private static final int EXPECTED_MATCHED = 90;

  private final PlatformLayout layout = new Amd64Layout();

  static Stream<LayoutVector> expressibleVectors() {
    return LayoutVectors.of(GOARCH).stream().filter(LayoutVectors::expressible);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressibleVectors")
  @DisplayName("The bucket layout and type sizes match Go 1.19's maptype on amd64, field by field")
  void matchesGo(LayoutVector v) {
    assertThat(LayoutVectors.mismatches(layout, v)).as(v.toString()).isEmpty();
  }

  @Test
  @DisplayName("Every amd64 vector line with scalar, string or pointer types is checked, and only "
      + "lines with a composite key or elem type are left for later")
  void filterKeepsEveryExpressibleLine() {
    List<LayoutVector> all = LayoutVectors.of(GOARCH);
    List<LayoutVector> skipped =
        all.stream().filter(v -> !LayoutVectors.expressible(v)).collect(Collectors.toList());
    assertThat(all.size() - skipped.size()).isGreaterThanOrEqualTo(EXPECTED_MATCHED);
    assertThat(skipped)
        .as("skipped lines must name a type GoType cannot express yet")
        .allSatisfy(v -> Stream.of(v.key(), v.elem())
            .filter(t -> LayoutVectors.goType(t).isEmpty())
            .forEach(t -> assertThat(LayoutVectors.composite(t)).as(t).isTrue()));
  }
}
