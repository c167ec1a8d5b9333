package io.gomap4j.engine.internal;

/**
 * Sums and products of non-negative {@code long}s that stop at {@link Long#MAX_VALUE} instead of
 * wrapping: byte counts of Go memory and counts of distinct key values can pass 2^63-1, and are
 * then reported as {@code Long.MAX_VALUE}.
 */
public final class SaturatingMath {

  private SaturatingMath() {}

  /** {@code a + b} for {@code a, b >= 0}, or {@link Long#MAX_VALUE} if that is larger. */
  public static long add(long a, long b) {
    return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
  }

  /** {@code a * b} for {@code a, b >= 0}, or {@link Long#MAX_VALUE} if that is larger. */
  public static long multiply(long a, long b) {
    return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }
}
