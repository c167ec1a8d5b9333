package io.gomap4j.layout32;

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

/** {@link I386Layout} against the bucket layouts Go 1.19 recorded on 386. */
final class I386LayoutVectorsTest {

  private static final String GOARCH = "386";

  /**
   * Every 386 line: 36 key types (scalars, strings, pointers, arrays, structs, {@code any}) times
   * 8 elem types (scalars, strings, arrays, slices, {@code struct{}}).
   */
  private static final int EXPECTED_LINES = 288;

  private final PlatformLayout layout = new I386Layout();

  static Stream<LayoutVector> vectors() {
    return LayoutVectors.of(GOARCH).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @DisplayName("The bucket layout and type sizes match Go 1.19's maptype on 386, field by field")
  void matchesGo(LayoutVector v) {
    assertThat(LayoutVectors.mismatches(layout, v)).as(v.toString()).isEmpty();
  }

  @Test
  @DisplayName("All 288 386 vector lines are checked: every key and elem type parses, none is "
      + "skipped")
  void everyLineIsExpressible() {
    List<LayoutVector> all = LayoutVectors.of(GOARCH);
    assertThat(all).hasSize(EXPECTED_LINES);
    List<LayoutVector> skipped =
        all.stream().filter(v -> !LayoutVectors.expressible(v)).collect(Collectors.toList());
    assertThat(skipped).as("lines whose key or elem GoType.parse refuses").isEmpty();
  }
}
