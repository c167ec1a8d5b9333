package io.gomap4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The clock benchmark runs the dependent chain its javadoc describes, and all of it. */
class ClockBenchmarkTest {

  private static final long K = 0x9E3779B97F4A7C15L;

  @Test
  @DisplayName("each step is x * K + i, in order")
  void chainIsTheDocumentedRecurrence() {
    long x = 1;
    for (int i = 0; i < 3; i++) {
      x = x * K + i;
    }
    assertThat(ClockBenchmark.chain(1, 3)).isEqualTo(x);
    assertThat(ClockBenchmark.chain(42, 0)).isEqualTo(42);
  }

  @Test
  @DisplayName("step runs STEPS steps from the start value")
  void stepRunsTheWholeChain() {
    long x = 1;
    for (int i = 0; i < ClockBenchmark.STEPS; i++) {
      x = x * K + i;
    }
    assertThat(new ClockBenchmark().step()).isEqualTo(x);
  }
}
