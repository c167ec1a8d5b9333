package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.GoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.api.MapStats;
import io.gomap4j.engine.GoMaps;
import io.gomap4j.engine.growth.Go119ShrinkGrowthPolicy;
import io.gomap4j.engine.testing.KeyBag;
import io.gomap4j.engine.testing.ShrinkPolicies;
import io.gomap4j.engine.testing.TestHashes;
import io.gomap4j.engine.testing.TestPlugins;
import io.gomap4j.spi.GrowthPolicy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random puts, removes, gets, clears and iterations on maps whose growth policy shrinks, mirrored
 * into a {@link HashMap}: results agree with the model and the invariants hold after every
 * operation. Iterations are interleaved with the other operations one entry at a time, so that
 * they run across shrinks: started before one, during one, or continuing after one finished, and
 * across a shrink followed by a grow. Every entry present for a whole iteration is returned
 * exactly once, nothing twice, nothing absent, every value current.
 */
class ShrinkModelTest {

  /** The map under test through one interface, whatever its API. */
  interface Subject {
    Long put(long k, long v);

    Long get(long k);

    boolean containsKey(long k);

    Long remove(long k);

    int size();

    void clear();

    MapStats stats();

    Object map();

    Walk walk();
  }

  /** A live iteration, advanced one entry at a time. */
  interface Walk {
    boolean next();

    long key();

    long value();
  }

  static Subject longLong(LongLongGoMap map) {
    LongLongMap m = (LongLongMap) map;
    return new Subject() {
      @Override
      public Long put(long k, long v) {
        long prev = m.put(k, v);
        return m.lastWriteFound() ? prev : null;
      }

      @Override
      public Long get(long k) {
        return m.containsKey(k) ? m.get(k) : null;
      }

      @Override
      public boolean containsKey(long k) {
        return m.containsKey(k);
      }

      @Override
      public Long remove(long k) {
        long prev = m.remove(k);
        return m.lastWriteFound() ? prev : null;
      }

      @Override
      public int size() {
        return m.size();
      }

      @Override
      public void clear() {
        m.clear();
      }

      @Override
      public MapStats stats() {
        return m.stats();
      }

      @Override
      public Object map() {
        return m;
      }

      @Override
      public Walk walk() {
        LongLongMap.EntryCursor c = m.cursor();
        return new Walk() {
          @Override
          public boolean next() {
            return c.next();
          }

          @Override
          public long key() {
            return c.key();
          }

          @Override
          public long value() {
            return c.value();
          }
        };
      }
    };
  }

  static Subject objects(GoMap<Long, Long> map) {
    ObjectMap<Long, Long> m = (ObjectMap<Long, Long>) map;
    return new Subject() {
      @Override
      public Long put(long k, long v) {
        return m.put(k, v);
      }

      @Override
      public Long get(long k) {
        return m.get(k);
      }

      @Override
      public boolean containsKey(long k) {
        return m.containsKey(k);
      }

      @Override
      public Long remove(long k) {
        return m.remove(k);
      }

      @Override
      public int size() {
        return m.size();
      }

      @Override
      public void clear() {
        m.clear();
      }

      @Override
      public MapStats stats() {
        return m.stats();
      }

      @Override
      public Object map() {
        return m;
      }

      @Override
      public Walk walk() {
        AbstractGoMap.EntryCursor<Long, Long> c = m.cursor();
        return new Walk() {
          @Override
          public boolean next() {
            return c.next();
          }

          @Override
          public long key() {
            return c.key();
          }

          @Override
          public long value() {
            return c.value();
          }
        };
      }
    };
  }

  /** What a run saw, to assert that the interesting paths were taken. */
  static final class Observed {
    int shrinks;
    int growsAfterShrink;
    int iterations;
    int startedBeforeShrink;
    int startedDuringShrink;
    int continuedAfterShrink;
    int minB = Integer.MAX_VALUE;
    int maxB;
  }

  /** One live iteration and what it must return. */
  static final class Iteration {
    final Walk walk;
    final Set<Long> start;
    final Set<Long> removedDuring = new HashSet<>();
    final Set<Long> returned = new HashSet<>();
    final boolean startedShrinking;
    boolean sawShrink;
    boolean sawShrinkEnd;

    Iteration(Walk walk, Set<Long> start, boolean startedShrinking) {
      this.walk = walk;
      this.start = start;
      this.startedShrinking = startedShrinking;
    }
  }

  static final class Run {
    final Subject s;
    final Random r;
    final int space;
    final Map<Long, Long> model = new HashMap<>();
    final KeyBag<Long> present = new KeyBag<>();
    final Deque<String> recent = new ArrayDeque<>();
    final Observed observed = new Observed();
    final Set<Long> everInserted = new HashSet<>();
    Iteration it;
    long fresh = 1L << 40;
    int op;
    boolean wasShrinking;
    boolean shrinkFinished;

    Run(Subject s, long seed, int space) {
      this.s = s;
      this.r = new Random(seed);
      this.space = space;
    }

    void log(String what) {
      if (recent.size() == 16) {
        recent.removeFirst();
      }
      recent.addLast("#" + op + " " + what);
    }

    Observed run(int ops) {
      try {
        for (op = 0; op < ops; op++) {
          boolean fill = op / 300 % 2 == 0;
          if (it != null && r.nextInt(3) != 0) {
            stepIteration();
          } else if (it == null && r.nextInt(40) == 0) {
            startIteration();
          } else {
            step(fill);
          }
          check();
        }
        while (it != null) {
          stepIteration();
          check();
        }
        return observed;
      } catch (Throwable t) {
        throw new AssertionError("shrink model run failed at op " + op + "\n  recent: "
            + String.join("\n    ", recent) + "\n  state: " + MapInternals.state(s.map())
            + "\n  cause: " + t, t);
      }
    }

    long key() {
      int i = r.nextInt(space);
      return i * 0x9E3779B97F4A7C15L;
    }

    void step(boolean fill) {
      int dice = r.nextInt(1000);
      int putW = fill ? 550 : 150;
      int removeW = fill ? 150 : 600;
      if (dice < putW) {
        // While an iteration is live, only fresh keys are added: a key removed and added back
        // during an iteration may legitimately be returned twice, in Go too.
        long k = it != null && !model.containsKey(key()) ? fresh++ : key();
        if (it != null && !model.containsKey(k) && everInserted.contains(k)) {
          k = fresh++;
        }
        long v = r.nextLong();
        log("put(" + k + ")");
        assertThat(s.put(k, v)).as("put(%s) returns the previous value", k)
            .isEqualTo(model.get(k));
        model.put(k, v);
        present.add(k);
        everInserted.add(k);
      } else if (dice < putW + removeW) {
        long k = present.isEmpty() || r.nextInt(5) == 0 ? key() : present.random(r);
        log("remove(" + k + ")");
        assertThat(s.remove(k)).as("remove(%s) returns the removed value", k)
            .isEqualTo(model.get(k));
        if (model.remove(k) != null && it != null) {
          it.removedDuring.add(k);
        }
        present.remove(k);
      } else if (dice < 998) {
        long k = present.isEmpty() || r.nextBoolean() ? key() : present.random(r);
        log("get(" + k + ")");
        assertThat(s.get(k)).as("get(%s)", k).isEqualTo(model.get(k));
        assertThat(s.containsKey(k)).as("containsKey(%s)", k).isEqualTo(model.containsKey(k));
      } else if (it == null) {
        log("clear()");
        boolean wasEmpty = model.isEmpty();
        s.clear();
        model.clear();
        present.clear();
        if (!wasEmpty) {
          // Like Go's mapclear, clearing an empty map changes nothing, a shrink included.
          assertThat(s.stats().shrinking()).as("clear ends a shrink").isFalse();
        }
      }
    }

    void startIteration() {
      MapStats st = s.stats();
      log("start iteration over " + model.size() + (st.shrinking() ? " (mid-shrink)" : ""));
      observed.iterations++;
      everInserted.clear();
      everInserted.addAll(model.keySet());
      it = new Iteration(s.walk(), new HashSet<>(model.keySet()), st.shrinking());
      if (st.shrinking()) {
        observed.startedDuringShrink++;
      }
    }

    void stepIteration() {
      Iteration i = it;
      if (!i.walk.next()) {
        log("iteration ends: returned " + i.returned.size());
        for (long k : i.start) {
          if (!i.removedDuring.contains(k) && !i.returned.contains(k)) {
            throw new AssertionError("iteration missed " + k + ", present throughout");
          }
        }
        if (i.sawShrink && !i.startedShrinking) {
          observed.startedBeforeShrink++;
        }
        if (i.startedShrinking && i.sawShrinkEnd) {
          observed.continuedAfterShrink++;
        }
        it = null;
        return;
      }
      long k = i.walk.key();
      log("iteration returns " + k);
      assertThat(i.returned.add(k)).as("iteration returned %s twice", k).isTrue();
      assertThat(model.containsKey(k)).as("iteration returned %s, which is absent", k).isTrue();
      assertThat(i.walk.value()).as("value of %s returned by iteration", k)
          .isEqualTo(model.get(k));
      if (r.nextInt(10) == 0) {
        log("remove current " + k);
        assertThat(s.remove(k)).isEqualTo(model.remove(k));
        present.remove(k);
        i.removedDuring.add(k);
      }
    }

    void check() {
      MapInternals.checkInvariants(s.map());
      assertThat(s.size()).as("size").isEqualTo(model.size());
      MapStats st = s.stats();
      assertThat(st.count()).isEqualTo(model.size());
      assertThat(st.growing() && st.shrinking()).as("growing and shrinking at once").isFalse();
      if (st.shrinking() && !wasShrinking) {
        observed.shrinks++;
        if (it != null) {
          it.sawShrink = true;
        }
      }
      if (!st.shrinking() && wasShrinking) {
        shrinkFinished = true;
        if (it != null) {
          it.sawShrinkEnd = true;
        }
      }
      if (st.growing() && shrinkFinished) {
        observed.growsAfterShrink++;
        shrinkFinished = false;
      }
      if (st.shrinking()) {
        shrinkFinished = false;
      }
      wasShrinking = st.shrinking();
      observed.minB = Math.min(observed.minB, st.B());
      observed.maxB = Math.max(observed.maxB, st.B());
    }
  }

  static GoMaps.Builder builder(String hash, String layout, long seed, GrowthPolicy policy) {
    return TestPlugins.builder(hash, layout, seed).growth(policy);
  }

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> out = Stream.builder();
    for (String kind : new String[] {"longlong", "object"}) {
      for (String hash : new String[] {TestHashes.MIX, TestHashes.BUCKET0, TestHashes.CONSTANT}) {
        for (String policy : new String[] {"go119-shrink", "chaos"}) {
          for (long seed : new long[] {1, 0x5eed, 3}) {
            out.add(Arguments.of(kind, hash, policy, seed));
          }
        }
      }
    }
    return out.build();
  }

  @DisplayName("Maps that shrink agree with a HashMap, keep their invariants, and iterate every"
      + " entry present throughout exactly once across shrinks and grows")
  @ParameterizedTest(name = "{0} map, {1}, {2}, seed {3}")
  @MethodSource("cases")
  void shrinkingMapMatchesModel(String kind, String hash, String policy, long seed) {
    GrowthPolicy growth = policy.equals("chaos")
        ? new ShrinkPolicies.Chaos(seed, 12, 3, 1 + (int) (seed & 1))
        : new Go119ShrinkGrowthPolicy();
    String layout =
        seed == 1 ? TestPlugins.AMD64 : seed == 3 ? TestPlugins.S390X : TestPlugins.I386;
    GoMaps.Builder b = builder(hash, layout, seed, growth)
        .keyType(GoType.INT64).elemType(GoType.INT64);
    Subject s = kind.equals("longlong") ? longLong(b.buildLongLong()) : objects(b.build());
    boolean skewed = !hash.equals(TestHashes.MIX);
    Observed o = new Run(s, seed, skewed ? 150 : 600).run(skewed ? 2400 : 4000);
    assertThat(o.shrinks).as("shrinks started").isGreaterThan(2);
    assertThat(o.iterations).as("iterations").isGreaterThan(10);
    assertThat(o.minB).as("B went down after growing").isLessThan(o.maxB);
    if (policy.equals("chaos")) {
      assertThat(o.growsAfterShrink).as("grows right after a shrink").isGreaterThan(0);
    }
    AGGREGATE.merge(o);
  }

  /** Across all runs, each way an iteration can meet a shrink was taken. */
  static final Observed TOTAL = new Observed();

  static final Object AGGREGATE_LOCK = new Object();

  static final class Aggregate {
    void merge(Observed o) {
      synchronized (AGGREGATE_LOCK) {
        TOTAL.startedBeforeShrink += o.startedBeforeShrink;
        TOTAL.startedDuringShrink += o.startedDuringShrink;
        TOTAL.continuedAfterShrink += o.continuedAfterShrink;
      }
    }
  }

  static final Aggregate AGGREGATE = new Aggregate();

  @org.junit.jupiter.api.AfterAll
  static void everyWayWasTaken() {
    assertThat(TOTAL.startedBeforeShrink).as("iterations started before a shrink").isPositive();
    assertThat(TOTAL.startedDuringShrink).as("iterations started during a shrink").isPositive();
    assertThat(TOTAL.continuedAfterShrink).as("iterations continuing after a shrink")
        .isPositive();
  }
}
