package io.gomap4j.engine.testing;

import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.spi.GrowthPolicy;
import java.util.Random;
import java.util.function.IntSupplier;

/** Growth policies that shrink, for the engine's shrink tests. */
public final class ShrinkPolicies {

  private ShrinkPolicies() {}

  /** Delegates everything to Go 1.19's rules; subclasses override the decisions under test. */
  public abstract static class GoBased implements GrowthPolicy {
    final Go119GrowthPolicy go = new Go119GrowthPolicy();

    @Override
    public int spiVersion() {
      return SPI_VERSION;
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
    public int extraEvacuationsPerWrite() {
      return 1;
    }

    @Override
    public boolean countOverflow(int B, IntSupplier random) {
      return go.countOverflow(B, random);
    }

    @Override
    public String toString() {
      return name();
    }
  }

  /**
   * Go's rules plus random decisions from a seeded source: after a delete, HALVE with probability
   * {@code halvePercent}% (when B &gt; 0); before an insert, DOUBLE with probability
   * {@code doublePercent}% (while B &lt; 9). Shrinks and grows then follow each other closely, at
   * any load, which the load-based policies never do.
   */
  public static final class Chaos extends GoBased {
    private final Random r;
    private final int halvePercent;
    private final int doublePercent;
    private final int extra;

    public Chaos(long seed, int halvePercent, int doublePercent, int extra) {
      this.r = new Random(seed);
      this.halvePercent = halvePercent;
      this.doublePercent = doublePercent;
      this.extra = extra;
    }

    @Override
    public String name() {
      return "test-chaos-shrink";
    }

    @Override
    public Grow onInsert(long countAfter, int B, int noverflow) {
      Grow go = super.onInsert(countAfter, B, noverflow);
      if (go == Grow.NONE && B < 9 && r.nextInt(100) < doublePercent) {
        return Grow.DOUBLE;
      }
      return go;
    }

    @Override
    public Grow onDelete(long countAfter, int B, int noverflow) {
      return B > 0 && r.nextInt(100) < halvePercent ? Grow.HALVE : Grow.NONE;
    }

    @Override
    public int extraEvacuationsPerWrite() {
      return extra;
    }
  }

  /**
   * Answers {@code onDelete} with {@link #deleteAnswer} and {@code onInsert} with
   * {@link #insertAnswer} when set (null answers too, when {@code answerNull} is set); Go's rules
   * otherwise.
   */
  public static final class Scripted extends GoBased {
    public volatile Grow deleteAnswer;
    public volatile Grow insertAnswer;
    public volatile boolean answerNull;
    public volatile int extra = 1;

    @Override
    public int extraEvacuationsPerWrite() {
      return extra;
    }

    @Override
    public String name() {
      return "test-scripted";
    }

    @Override
    public Grow onInsert(long countAfter, int B, int noverflow) {
      if (answerNull) {
        return null;
      }
      return insertAnswer != null ? insertAnswer : super.onInsert(countAfter, B, noverflow);
    }

    @Override
    public Grow onDelete(long countAfter, int B, int noverflow) {
      if (answerNull) {
        return null;
      }
      return deleteAnswer != null ? deleteAnswer : Grow.NONE;
    }
  }
}
