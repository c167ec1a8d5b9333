package io.gomap4j.hash;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The part of {@code alg.go}'s {@code f32hash} and {@code f64hash} that does not go through
 * {@code memhash}: +0 and -0 hash alike to {@code c1 * (c0 ^ h)}, and a NaN to
 * {@code c1 * (c0 ^ h ^ fastrand())}, a fresh random value every time, so NaN keys spread out.
 */
final class GoFloatHash {

  /** {@code c0} and {@code c1} for {@code PtrSize == 8}. */
  private static final long C0_64 = 33054211828000289L;

  private static final long C1_64 = 23344194077549503L;

  /** {@code c0} and {@code c1} for {@code PtrSize == 4}. */
  private static final int C0_32 = (int) 2860486313L;

  private static final int C1_32 = (int) 3267000013L;

  private GoFloatHash() {}

  /** Whether Go decides this float's hash without {@code memhash}: a zero or a NaN. */
  static boolean special(double value) {
    return value == 0 || value != value;
  }

  /** The 64-bit hash of a zero ({@code nan} false) or a NaN ({@code nan} true). */
  static long special64(long seed, boolean nan) {
    long random = nan ? ThreadLocalRandom.current().nextInt() & 0xffffffffL : 0;
    return C1_64 * (C0_64 ^ seed ^ random);
  }

  /** The 32-bit hash of a zero or a NaN, in {@code [0, 2^32)}. */
  static long special32(long seed, boolean nan) {
    int random = nan ? ThreadLocalRandom.current().nextInt() : 0;
    return (C1_32 * (C0_32 ^ (int) seed ^ random)) & 0xffffffffL;
  }
}
