package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gomap4j.engine.testing.ShrinkPolicies;
import io.gomap4j.spi.GrowthPolicy;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The largest size hint a growth policy gives a B the engine takes, up to Long.MAX_VALUE. */
class LargestHintTest {

  /** Go's policy, but B=0 for a hint up to {@code limit} and a B past the engine's above it. */
  private static GrowthPolicy upTo(long limit) {
    return new ShrinkPolicies.GoBased() {
      @Override
      public String name() {
        return "up-to-" + limit;
      }

      @Override
      public int initialB(long hint) {
        return hint <= limit ? 0 : MapInternals.MAX_B + 1;
      }
    };
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(longs = {0, 1, 6_979_321_856L, 1L << 62, (1L << 62) + 12_345, Long.MAX_VALUE - 2,
      Long.MAX_VALUE - 1})
  @DisplayName("The bisection finds the largest hint exactly, also where lo + hi passes"
      + " Long.MAX_VALUE")
  void largestHintIsExact(long limit) {
    // The bisection takes at most 64 steps; one whose midpoint wraps can loop for ever.
    long found = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> MapInternals.largestHint(upTo(limit)));
    assertThat(found).isEqualTo(limit);
  }
}
