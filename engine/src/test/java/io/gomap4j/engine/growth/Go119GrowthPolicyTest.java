package io.gomap4j.engine.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.GrowthPolicy.Grow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Go 1.19's growth rules as the {@code go119} policy states them (go-map-spec 4.2, 4.4, 4.6). */
class Go119GrowthPolicyTest {

  private final Go119GrowthPolicy policy = new Go119GrowthPolicy();

  /** The smallest hint of each B, from go-map-spec 4.2 (tested on Go 1.19). */
  private static final long[][] HINT_TO_B = {
    {0, 0}, {8, 0}, {9, 1}, {13, 1}, {14, 2}, {26, 2}, {27, 3}, {52, 3}, {53, 4}, {104, 4},
    {105, 5}, {208, 5}, {209, 6}, {416, 6}, {417, 7}
  };

  @Test
  @DisplayName("make's hint maps to B as in Go 1.19: 0-8 to 0, 9-13 to 1, 14-26 to 2, 27-52 to 3,"
      + " 53-104 to 4, 105-208 to 5, 209-416 to 6")
  void hintToB() {
    for (long[] row : HINT_TO_B) {
      assertThat(policy.initialB(row[0])).as("initialB(%s)", row[0]).isEqualTo((int) row[1]);
    }
    for (long hint = 0; hint <= 416; hint++) {
      int expected = hint <= 8 ? 0 : hint <= 13 ? 1 : hint <= 26 ? 2 : hint <= 52 ? 3
          : hint <= 104 ? 4 : hint <= 208 ? 5 : 6;
      assertThat(policy.initialB(hint)).as("initialB(%s)", hint).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("initialB ends for every hint a long can hold: at most B=61, the first that holds"
      + " Long.MAX_VALUE entries")
  @Timeout(30)
  void initialBEndsForHugeHints() {
    assertThat(policy.initialB(13L << 29)).isEqualTo(30);
    assertThat(policy.initialB((13L << 29) + 1)).isEqualTo(31);
    assertThat(policy.initialB(13L << 59)).isEqualTo(60);
    assertThat(policy.initialB((13L << 59) + 1)).isEqualTo(61);
    assertThat(policy.initialB(Long.MAX_VALUE)).isEqualTo(61);
  }

  @Test
  @DisplayName("A map with B >= 1 holds 13 * 2^(B-1) entries before the load factor is exceeded")
  void loadFactorIsSixAndAHalf() {
    assertThat(Go119GrowthPolicy.overLoadFactor(8, 0)).isFalse();
    assertThat(Go119GrowthPolicy.overLoadFactor(9, 0)).isTrue();
    for (int b = 1; b <= 30; b++) {
      long max = 13L << (b - 1);
      assertThat(Go119GrowthPolicy.overLoadFactor(max, b)).as("%s entries at B=%s", max, b)
          .isFalse();
      assertThat(Go119GrowthPolicy.overLoadFactor(max + 1, b)).as("%s entries at B=%s", max + 1, b)
          .isTrue();
      assertThat(policy.initialB(max)).isEqualTo(b);
      assertThat(policy.initialB(max + 1)).isEqualTo(b + 1);
    }
  }

  @Test
  @DisplayName("An insert doubles when over the load factor, else grows at the same size once"
      + " noverflow reaches 2^min(B, 15)")
  void onInsertDecisions() {
    assertThat(policy.onInsert(9, 0, 0)).isEqualTo(Grow.DOUBLE);
    assertThat(policy.onInsert(8, 0, 0)).isEqualTo(Grow.NONE);
    assertThat(policy.onInsert(8, 0, 1)).isEqualTo(Grow.SAME_SIZE);
    assertThat(policy.onInsert(9, 0, 1)).as("load factor first").isEqualTo(Grow.DOUBLE);
    assertThat(policy.onInsert(104, 4, 15)).isEqualTo(Grow.NONE);
    assertThat(policy.onInsert(104, 4, 16)).isEqualTo(Grow.SAME_SIZE);
    assertThat(policy.onInsert(105, 4, 0)).isEqualTo(Grow.DOUBLE);
    assertThat(policy.onInsert(1, 20, (1 << 15) - 1)).isEqualTo(Grow.NONE);
    assertThat(policy.onInsert(1, 20, 1 << 15)).as("the threshold stops at 2^15")
        .isEqualTo(Grow.SAME_SIZE);
    assertThat(Go119GrowthPolicy.tooManyOverflowBuckets(0, 0)).isFalse();
    assertThat(Go119GrowthPolicy.tooManyOverflowBuckets(1, 0)).isTrue();
  }

  @Test
  @DisplayName("incrnoverflow counts every overflow bucket below B=16 without drawing a random"
      + " number, and one in 2^(B-15) above")
  void countOverflow() {
    for (int b = 0; b < 16; b++) {
      assertThat(policy.countOverflow(b, () -> {
        throw new AssertionError("drew a random number below B=16; Go does not");
      })).isTrue();
    }
    assertThat(policy.countOverflow(16, () -> 2)).isTrue();
    assertThat(policy.countOverflow(16, () -> 1)).isFalse();
    assertThat(policy.countOverflow(17, () -> 4)).isTrue();
    assertThat(policy.countOverflow(17, () -> 2)).isFalse();
    int counted = 0;
    for (int r = 0; r < 1024; r++) {
      int bits = r;
      if (policy.countOverflow(18, () -> bits)) {
        counted++;
      }
    }
    assertThat(counted).as("one in 8 at B=18").isEqualTo(128);
  }

  @Test
  @DisplayName("Each write evacuates one old bucket in order besides its own, and the policy is"
      + " named go119 with the current SPI version")
  void identity() {
    assertThat(policy.extraEvacuationsPerWrite()).isEqualTo(1);
    assertThat(policy.name()).isEqualTo("go119").isEqualTo(Go119GrowthPolicy.NAME);
    assertThat(policy.spiVersion()).isEqualTo(GrowthPolicy.SPI_VERSION);
  }

  @Test
  @DisplayName("A negative hint is refused with a message naming it")
  void negativeHint() {
    assertThatThrownBy(() -> policy.initialB(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1")
        .hasMessageContaining(">= 0");
  }
}
