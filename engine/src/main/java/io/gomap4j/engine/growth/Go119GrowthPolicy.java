package io.gomap4j.engine.growth;

import io.gomap4j.spi.GrowthPolicy;
import java.util.function.IntSupplier;

/**
 * Go 1.19's growth rules ({@code runtime/map.go}), exactly.
 *
 * <ul>
 *   <li>{@code overLoadFactor(count, B) = count > 8 && count > 13 * (2^B / 2)}: a map with B=0
 *       holds 8 entries, a larger one 6.5 per bucket;</li>
 *   <li>the initial B is the smallest one not over the load factor for the hint;</li>
 *   <li>an insert of a new key into a map that is not growing doubles it when the count after the
 *       insert is over the load factor, else grows it at the same size when
 *       {@code noverflow >= 2^min(B, 15)} ({@code tooManyOverflowBuckets});</li>
 *   <li>each write evacuates the bucket it touches and one more in order ({@code growWork});</li>
 *   <li>{@code incrnoverflow} counts every overflow bucket below B=16 and one in 2^(B-15)
 *       above.</li>
 * </ul>
 */
public final class Go119GrowthPolicy implements GrowthPolicy {

  /** The name, {@code go119}. */
  public static final String NAME = "go119";

  /** Load factor numerator and denominator: 13/2 = 6.5 entries per bucket. */
  private static final long LOAD_FACTOR_NUM = 13;

  private static final long LOAD_FACTOR_DEN = 2;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int spiVersion() {
    return SPI_VERSION;
  }

  /** {@code overLoadFactor}: whether {@code count} entries in {@code 2^B} buckets are too many. */
  public static boolean overLoadFactor(long count, int B) {
    return count > 8 && count > LOAD_FACTOR_NUM * ((1L << B) / LOAD_FACTOR_DEN);
  }

  /** {@code tooManyOverflowBuckets}: roughly as many overflow buckets as buckets. */
  public static boolean tooManyOverflowBuckets(int noverflow, int B) {
    return noverflow >= 1 << Math.min(B, 15);
  }

  @Override
  public int initialB(long hint) {
    if (hint < 0) {
      throw new IllegalArgumentException("size hint must be >= 0, got " + hint);
    }
    // B = 61 holds every hint a long can give (13 * 2^60 > Long.MAX_VALUE); the bound keeps the
    // shift from wrapping for the hints above 13 * 2^59, whose B the engine refuses anyway.
    int b = 0;
    while (b < 61 && overLoadFactor(hint, b)) {
      b++;
    }
    return b;
  }

  @Override
  public Grow onInsert(long countAfter, int B, int noverflow) {
    if (overLoadFactor(countAfter, B)) {
      return Grow.DOUBLE;
    }
    return tooManyOverflowBuckets(noverflow, B) ? Grow.SAME_SIZE : Grow.NONE;
  }

  @Override
  public int extraEvacuationsPerWrite() {
    return 1;
  }

  @Override
  public boolean countOverflow(int B, IntSupplier random) {
    return B < 16 || (random.getAsInt() & ((1 << (B - 15)) - 1)) == 0;
  }

  @Override
  public String toString() {
    return "GrowthPolicy[" + NAME + "]";
  }
}
