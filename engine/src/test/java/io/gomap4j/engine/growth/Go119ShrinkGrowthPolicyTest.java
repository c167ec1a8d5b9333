package io.gomap4j.engine.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.GrowthPolicy.Grow;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bundled {@code go119-shrink} policy: Go's rules, plus HALVE below a quarter load. */
class Go119ShrinkGrowthPolicyTest {

  private final GrowthPolicy policy = new Go119ShrinkGrowthPolicy();
  private final GrowthPolicy go = new Go119GrowthPolicy();

  @Test
  @DisplayName("everything but onDelete is go119's answer")
  void goRulesOtherwise() {
    assertThat(policy.name()).isEqualTo("go119-shrink");
    assertThat(policy.spiVersion()).isEqualTo(GrowthPolicy.SPI_VERSION);
    assertThat(policy.extraEvacuationsPerWrite()).isEqualTo(go.extraEvacuationsPerWrite());
    for (long hint = 0; hint < 5000; hint += 7) {
      assertThat(policy.initialB(hint)).isEqualTo(go.initialB(hint));
    }
    for (int b = 0; b < 20; b++) {
      for (long c = 0; c < 200; c++) {
        for (int novf : new int[] {0, 1 << Math.min(b, 15)}) {
          long count = c * (1L << b) / 16;
          assertThat(policy.onInsert(count, b, novf)).isEqualTo(go.onInsert(count, b, novf));
        }
      }
      AtomicInteger draws = new AtomicInteger();
      policy.countOverflow(b, () -> draws.incrementAndGet());
      assertThat(draws.get()).as("draws at B=%s", b).isEqualTo(b < 16 ? 0 : 1);
    }
  }

  @Test
  @DisplayName("onDelete halves when the count falls below 6.5 * 2^B / 4, never at B=0")
  void threshold() {
    assertThat(policy.onDelete(0, 0, 0)).isEqualTo(Grow.NONE);
    // B=1 holds 13: below 3.25 halves.
    assertThat(policy.onDelete(3, 1, 0)).isEqualTo(Grow.HALVE);
    assertThat(policy.onDelete(4, 1, 0)).isEqualTo(Grow.NONE);
    // B=4 holds 104: below 26.
    assertThat(policy.onDelete(25, 4, 0)).isEqualTo(Grow.HALVE);
    assertThat(policy.onDelete(26, 4, 0)).isEqualTo(Grow.NONE);
    assertThat(policy.onDelete(0, 30, 99)).isEqualTo(Grow.HALVE);
  }

  @Test
  @DisplayName("hysteresis: after a halving the count must more than double to grow again, after a"
      + " doubling it must more than halve to shrink again")
  void noThrashing() {
    for (int b = 1; b <= 30; b++) {
      // The largest count that halves B: 8c < 13 * 2^B.
      long lastHalving = ((13L << b) - 1) / 8;
      assertThat(policy.onDelete(lastHalving, b, 0)).isEqualTo(Grow.HALVE);
      assertThat(policy.onDelete(lastHalving + 1, b, 0)).isEqualTo(Grow.NONE);
      // overLoadFactor grows with the count: the largest count after doubling is enough.
      for (long y = 2 * lastHalving; y >= lastHalving && y > 2 * lastHalving - 64; y--) {
        assertThat(policy.onInsert(y, b - 1, 0)).as("insert to %s at B=%s", y, b - 1)
            .isNotEqualTo(Grow.DOUBLE);
      }
    }
    for (int b = 0; b < 30; b++) {
      // The smallest count that doubles B: over 8 and over 13 * 2^(B-1).
      long firstDouble = Math.max(9, b == 0 ? 9 : (13L << (b - 1)) + 1);
      assertThat(policy.onInsert(firstDouble, b, 0)).isEqualTo(Grow.DOUBLE);
      assertThat(policy.onInsert(firstDouble - 1, b, 0)).isNotEqualTo(Grow.DOUBLE);
      // underQuarterLoad falls with the count: the smallest count after halving is enough.
      for (long y = (firstDouble + 1) / 2; y < (firstDouble + 1) / 2 + 64 && y <= firstDouble;
          y++) {
        assertThat(policy.onDelete(y, b + 1, 0)).as("delete to %s at B=%s", y, b + 1)
            .isEqualTo(Grow.NONE);
      }
    }
  }

  @Test
  @DisplayName("ServiceLoader finds go119-shrink beside go119")
  void discovered() {
    assertThat(Plugins.discovered().names(PluginKind.GROWTH)).contains("go119", "go119-shrink");
  }
}
