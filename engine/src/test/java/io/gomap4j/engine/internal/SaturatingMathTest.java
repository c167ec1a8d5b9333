package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sums and products of non-negative longs stop at Long.MAX_VALUE instead of wrapping. */
class SaturatingMathTest {

  @Test
  @DisplayName("add is exact up to Long.MAX_VALUE and stays there beyond")
  void add() {
    assertThat(SaturatingMath.add(0, 0)).isZero();
    assertThat(SaturatingMath.add(3, 4)).isEqualTo(7);
    assertThat(SaturatingMath.add(Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(SaturatingMath.add(Long.MAX_VALUE - 1, 2)).isEqualTo(Long.MAX_VALUE);
    assertThat(SaturatingMath.add(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  @DisplayName("multiply is exact up to Long.MAX_VALUE, stays there beyond, and is 0 with a 0")
  void multiply() {
    assertThat(SaturatingMath.multiply(3, 4)).isEqualTo(12);
    assertThat(SaturatingMath.multiply(Long.MAX_VALUE, 0)).isZero();
    assertThat(SaturatingMath.multiply(0, Long.MAX_VALUE)).isZero();
    assertThat(SaturatingMath.multiply(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(SaturatingMath.multiply(1L << 31, 1L << 31)).isEqualTo(1L << 62);
    assertThat(SaturatingMath.multiply(1L << 32, 1L << 31)).isEqualTo(Long.MAX_VALUE);
    assertThat(SaturatingMath.multiply(3, Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE);
  }
}
