package io.gomap4j.hash;

import static io.gomap4j.hash.AesRound.col;
import static io.gomap4j.hash.AesRound.r0;
import static io.gomap4j.hash.AesRound.r1;
import static io.gomap4j.hash.AesRound.r2;
import static io.gomap4j.hash.AesRound.r3;

/**
 * The seed round of Go's AES hash for inputs of 1 to 16 bytes: X0 = S(I ^ Ks[0]), where I is the
 * seed in bytes 0-7 and the 16-bit length four times in bytes 8-15. It depends only on the seed and
 * the length, so a hasher keeps the last one per length and skips that round while the seed stays
 * the same, as a map's seed does between reseeds. A seed is cached when it comes twice in a row (one
 * small allocation per length); a seed that changes on every call is computed in full and
 * allocates nothing.
 *
 * <p>Immutable: a hasher may publish it through a plain field and read it from any thread, because
 * the final fields of an object are seen fully initialised wherever its reference is seen.
 */
final class SeedBlock {

  /** {@code PSHUFHW $0}: the 16-bit length in each of the four 16-bit slots of the high half. */
  private static final long LENGTH_SPREAD = 0x0001000100010001L;

  final long seed;
  final int x0;
  final int x1;
  final int x2;
  final int x3;

  /**
   * The first round's look-ups of X0's bytes 8-15 (columns 2 and 3) for each output column, with
   * those columns' own XOR in columns 2 and 3: what an input of at most 8 bytes, whose bytes 8-15
   * are zero, adds to the first round of the scramble.
   */
  final int q0;

  final int q1;
  final int q2;
  final int q3;

  /**
   * @param seed bytes 0-7 of I (a 32-bit platform's seed zero-extended)
   * @param iHi bytes 8-15 of I, the spread length
   * @param kLo bytes 0-7 of Ks[0]
   * @param kHi bytes 8-15 of Ks[0]
   */
  SeedBlock(long seed, long iHi, long kLo, long kHi) {
    this.seed = seed;
    long lo = seed ^ kLo;
    long hi = iHi ^ kHi;
    int a0 = (int) lo;
    int a1 = (int) (lo >>> 32);
    int a2 = (int) hi;
    int a3 = (int) (hi >>> 32);
    x0 = col(a0, a1, a2, a3) ^ a0;
    x1 = col(a1, a2, a3, a0) ^ a1;
    x2 = col(a2, a3, a0, a1) ^ a2;
    x3 = col(a3, a0, a1, a2) ^ a3;
    q0 = r2(x2) ^ r3(x3);
    q1 = r1(x2) ^ r2(x3);
    q2 = r0(x2) ^ r1(x3) ^ x2;
    q3 = r0(x3) ^ r3(x2) ^ x3;
  }

  /**
   * Bytes 0-7 of S³(D ^ X0) for an input of at most 8 bytes, {@code dLo} (bytes 8-15 of D are
   * zero). Bytes 8-15 of D ^ X0 are X0's alone, so half of the first round's look-ups are this
   * block's ({@link #q0} to {@link #q3}): 32 look-ups in all instead of 40.
   */
  long scrambleUpTo8(long dLo) {
    return upTo8(dLo, false);
  }

  /** Bytes 0-3 of S³(D ^ X0), as {@link #scrambleUpTo8}; 28 look-ups, for a 32-bit hash. */
  int scrambleUpTo8Lo32(long dLo) {
    return (int) upTo8(dLo, true);
  }

  /** The two above: the block's first round, then the last two in full or for one column. */
  private long upTo8(long dLo, boolean oneColumn) {
    int a0 = (int) dLo ^ x0;
    int a1 = (int) (dLo >>> 32) ^ x1;
    int y0 = r0(a0) ^ r1(a1) ^ a0 ^ q0;
    int y1 = r0(a1) ^ r3(a0) ^ a1 ^ q1;
    int y2 = r2(a0) ^ r3(a1) ^ q2;
    int y3 = r1(a0) ^ r2(a1) ^ q3;
    return oneColumn
        ? AesRound.scramble2Lo32(y0, y1, y2, y3)
        : AesRound.scramble2(y0, y1, y2, y3);
  }

  /** Bytes 8-15 of the seed block I: the low 16 bits of {@code length}, four times. */
  static long spread(int length) {
    return (length & 0xffff) * LENGTH_SPREAD;
  }
}
