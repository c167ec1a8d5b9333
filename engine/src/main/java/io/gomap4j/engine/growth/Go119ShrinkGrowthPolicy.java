package io.gomap4j.engine.growth;

import io.gomap4j.spi.GrowthPolicy;
import java.util.function.IntSupplier;

/**
 * Go 1.19's growth rules plus shrinking, named {@code go119-shrink}: everything {@code go119}
 * decides is decided alike ({@link Go119GrowthPolicy}), and after a delete from a map that is not
 * growing or shrinking, the map halves its buckets ({@link Grow#HALVE}) when B &gt; 0 and the
 * count after the delete is below a quarter of what B holds at load factor 6.5:
 * {@code count < 6.5 * 2^B / 4}, computed exactly as {@code 8 * count < 13 * 2^B}.
 *
 * <p><b>Hysteresis.</b> The shrink threshold is a quarter of the load-factor capacity, the grow
 * threshold the full capacity, so neither can undo the other soon:
 *
 * <ul>
 *   <li>after a shrink from B to B-1 the map holds fewer than {@code 6.5 * 2^B / 4}, which is half
 *       of what B-1 holds; it grows again only after its count has more than doubled;</li>
 *   <li>after a doubling grow from B to B+1 the map holds more than {@code 6.5 * 2^B} (or 8 at
 *       B=0), twice the shrink threshold of B+1 ({@code 6.5 * 2^(B+1) / 4}); it shrinks again
 *       only after its count has more than halved;</li>
 *   <li>a same-size grow (too many overflow buckets) keeps B, and a shrink needs a delete, so the
 *       two cannot alternate on their own; the engine asks neither question while a grow or shrink
 *       is in progress.</li>
 * </ul>
 *
 * <p>A map made with a size hint does not remember it: with few entries it shrinks on its first
 * deletes, one halving per completed shrink, down to what its count needs.
 */
public final class Go119ShrinkGrowthPolicy implements GrowthPolicy {

  /** The name, {@code go119-shrink}. */
  public static final String NAME = "go119-shrink";

  private final Go119GrowthPolicy go = new Go119GrowthPolicy();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int spiVersion() {
    return SPI_VERSION;
  }

  /** Whether {@code count} entries are below a quarter of what {@code 2^B} buckets hold at 6.5. */
  public static boolean underQuarterLoad(long count, int B) {
    return B > 0 && 8 * count < 13L << B;
  }

  @Override
  public int initialB(long hint) {
    return go.initialB(hint);
  }

  @Override
  public Grow onInsert(long countAfter, int B, int noverflow) {
    return go.onInsert(countAfter, B, noverflow);
  }

  @Override
  public Grow onDelete(long countAfter, int B, int noverflow) {
    return underQuarterLoad(countAfter, B) ? Grow.HALVE : Grow.NONE;
  }

  @Override
  public int extraEvacuationsPerWrite() {
    return go.extraEvacuationsPerWrite();
  }

  @Override
  public boolean countOverflow(int B, IntSupplier random) {
    return go.countOverflow(B, random);
  }

  @Override
  public String toString() {
    return "GrowthPolicy[" + NAME + "]";
  }
}
