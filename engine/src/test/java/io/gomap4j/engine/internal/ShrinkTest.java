package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.BytesGoMap;
import io.gomap4j.api.GoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.api.MapStats;
import io.gomap4j.engine.growth.Go119ShrinkGrowthPolicy;
import io.gomap4j.engine.testing.ShrinkPolicies;
import io.gomap4j.engine.testing.TestHashes;
import io.gomap4j.engine.testing.TestPlugins;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.GrowthPolicy.Grow;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shrinking (the growth SPI's HALVE) in targeted scenarios; see also {@link ShrinkModelTest}. */
class ShrinkTest {

  static long key(long i) {
    return i * 0x9E3779B97F4A7C15L + 12345;
  }

  static LongLongMap longMap(String hash, GrowthPolicy policy, long seed) {
    return (LongLongMap) TestPlugins.builder(hash, TestPlugins.AMD64, seed).growth(policy)
        .buildLongLong();
  }

  static MapCore core(Object map) {
    return MapInternals.core(map);
  }

  /** Fills keys 0..n-1 (value = 3 * key) and returns the model. */
  static Map<Long, Long> fill(LongLongGoMap m, int n) {
    Map<Long, Long> model = new HashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(key(i), 3 * key(i));
      model.put(key(i), 3 * key(i));
    }
    return model;
  }

  static void assertHolds(LongLongGoMap m, Map<Long, Long> model) {
    MapInternals.checkInvariants(m);
    assertThat(m.size()).isEqualTo(model.size());
    for (Map.Entry<Long, Long> e : model.entrySet()) {
      assertThat(m.containsKey(e.getKey())).as("contains %s", e.getKey()).isTrue();
      assertThat(m.get(e.getKey())).as("get %s", e.getKey()).isEqualTo(e.getValue());
    }
    Map<Long, Long> seen = new HashMap<>();
    m.forEach((k, v) -> assertThat(seen.put(k, v)).as("forEach returned %s twice", k).isNull());
    assertThat(seen).isEqualTo(model);
  }

  /** Starts a shrink with one scripted delete; returns after checking the shrink started. */
  static void startShrink(LongLongMap m, ShrinkPolicies.Scripted p, Map<Long, Long> model,
      long victim) {
    int b = m.stats().B();
    p.deleteAnswer = Grow.HALVE;
    assertThat(m.remove(victim)).isEqualTo(model.remove(victim));
    p.deleteAnswer = null;
    MapStats s = m.stats();
    assertThat(s.shrinking()).as("shrinking after HALVE").isTrue();
    assertThat(s.B()).isEqualTo(b - 1);
  }

  @ParameterizedTest(name = "hash {0}")
  @ValueSource(strings = {TestHashes.MIX, TestHashes.BUCKET0, TestHashes.CONSTANT})
  @DisplayName("go119-shrink halves a drained map step by step down to what its count needs; the"
      + " entries stay findable throughout; stats report the shrink beside growing")
  void drainShrinksStepByStep(String hash) {
    LongLongMap m = longMap(hash, new Go119ShrinkGrowthPolicy(), 7);
    int n = hash.equals(TestHashes.MIX) ? 1000 : 150;
    Map<Long, Long> model = fill(m, n);
    int maxB = m.stats().B();
    int shrinks = 0;
    int lastB = maxB;
    boolean wasShrinking = false;
    for (int i = 0; i < n - 3; i++) {
      assertThat(m.remove(key(i))).isEqualTo(model.remove(key(i)));
      MapStats s = m.stats();
      if (s.shrinking()) {
        assertThat(s.growing()).isFalse();
        assertThat(s.sameSizeGrow()).isFalse();
        assertThat(s.evacuating()).isTrue();
        assertThat(MapInternals.state(m).traceLine()).endsWith(" shrinking=true");
        assertThat(s.B()).as("one halving at a time").isBetween(lastB - 1, lastB);
        if (s.B() < lastB) {
          // A shrink may start on the delete whose merge work finished the previous one.
          shrinks++;
          // The threshold: below a quarter of what B+1 holds at 6.5 per bucket.
          assertThat(8L * s.count()).isLessThan(13L << (s.B() + 1));
        }
      }
      wasShrinking = s.shrinking();
      lastB = s.B();
      MapInternals.checkInvariants(m);
      if (i % 37 == 0) {
        assertHolds(m, model);
      }
    }
    assertHolds(m, model);
    // The last halvings need more writes than the drain has left.
    assertThat(shrinks).isGreaterThanOrEqualTo(Math.min(2, maxB));
    assertThat(m.stats().B()).isLessThanOrEqualTo(maxB - Math.min(2, maxB));
    // Writes go on merging whatever shrink is in progress; nothing is lost.
    for (int i = 0; i < 4; i++) {
      m.put(key(i), 1);
      model.put(key(i), 1L);
    }
    assertHolds(m, model);
  }

  @ParameterizedTest(name = "extraEvacuationsPerWrite {0}")
  @ValueSource(ints = {1, 3})
  @DisplayName("each write merges at most the two feeders of its bucket plus"
      + " extraEvacuationsPerWrite() more; reads merge nothing; the shrink finishes")
  void boundedWorkPerWrite(int extra) {
    ShrinkPolicies.Scripted p = new ShrinkPolicies.Scripted();
    p.extra = extra;
    LongLongMap m2 = longMap(TestHashes.MIX, p, 3);
    Map<Long, Long> model = fill(m2, 3000);
    for (int i = 1000; i < 3000; i++) {
      m2.remove(key(i));
      model.remove(key(i));
    }
    // 1000 entries fit B-1 at load 6.5: the insert that finishes the shrink does not grow.
    int b = m2.stats().B();
    startShrink(m2, p, model, key(0));
    int nold = 1 << b;
    Random r = new Random(5);
    int writes = 0;
    long next = 1L << 40;
    while (m2.stats().shrinking()) {
      int before = GrowthTest.evacuatedOldBuckets(m2);
      m2.get(key(r.nextInt(3000)));
      m2.containsKey(key(r.nextInt(3000)));
      assertThat(GrowthTest.evacuatedOldBuckets(m2)).as("reads merge nothing").isEqualTo(before);
      switch (writes % 3) {
        case 0 -> {
          long k = key(1 + r.nextInt(999));
          m2.put(k, 5);
          model.put(k, 5L);
        }
        case 1 -> {
          m2.put(next, 1);
          model.put(next++, 1L);
        }
        default -> {
          // Removes do not shrink further while a shrink is in progress.
          long k = key(1 + r.nextInt(999));
          m2.remove(k);
          model.remove(k);
        }
      }
      writes++;
      int after = GrowthTest.evacuatedOldBuckets(m2);
      int moved = (after < 0 ? nold : after) - before;
      assertThat(moved).as("old buckets merged by write %s", writes).isBetween(0, 2 + extra);
      MapInternals.checkInvariants(m2);
    }
    assertThat(writes).isGreaterThanOrEqualTo(nold / (2 + extra));
    assertThat(writes).isLessThanOrEqualTo(nold);
    assertHolds(m2, model);
  }

  // ---- policy errors --------------------------------------------------------------------------

  enum Fault { INSERT_HALVE, INSERT_NULL, DELETE_DOUBLE, DELETE_SAME_SIZE, DELETE_NULL,
    DELETE_HALVE_AT_B0 }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"INSERT_HALVE", "INSERT_NULL", "DELETE_DOUBLE", "DELETE_SAME_SIZE",
      "DELETE_NULL", "DELETE_HALVE_AT_B0"})
  @DisplayName("a policy answer the engine cannot carry out throws IllegalStateException naming"
      + " the policy and its answer, before the map changes; the map stays usable")
  void policyErrorsLeaveTheMapIntact(String faultName) {
    Fault fault = Fault.valueOf(faultName);
    for (String kind : new String[] {"longlong", "object"}) {
      ShrinkPolicies.Scripted p = new ShrinkPolicies.Scripted();
      var builder = TestPlugins.builder(TestPlugins.AMD64, 11).growth(p);
      int n = fault == Fault.DELETE_HALVE_AT_B0 ? 6 : 200;
      Map<Long, Long> model = new HashMap<>();
      LongLongGoMap ll = null;
      GoMap<Long, Long> om = null;
      if (kind.equals("longlong")) {
        ll = builder.buildLongLong();
      } else {
        om = builder.build();
      }
      for (int i = 0; i < n; i++) {
        if (ll != null) {
          ll.put(key(i), i);
        } else {
          om.put(key(i), (long) i);
        }
        model.put(key(i), (long) i);
      }
      Object map = ll != null ? ll : om;
      MapState before = MapInternals.state(map);
      String answer;
      switch (fault) {
        case INSERT_HALVE -> { p.insertAnswer = Grow.HALVE; answer = "HALVE"; }
        case INSERT_NULL, DELETE_NULL -> { p.answerNull = true; answer = "null"; }
        case DELETE_DOUBLE -> { p.deleteAnswer = Grow.DOUBLE; answer = "DOUBLE"; }
        case DELETE_SAME_SIZE -> { p.deleteAnswer = Grow.SAME_SIZE; answer = "SAME_SIZE"; }
        default -> { p.deleteAnswer = Grow.HALVE; answer = "HALVE"; }
      }
      boolean insert = fault == Fault.INSERT_HALVE || fault == Fault.INSERT_NULL;
      long k = insert ? key(n + 1) : key(3);
      LongLongGoMap fll = ll;
      GoMap<Long, Long> fom = om;
      Runnable op = insert
          ? (fll != null ? () -> fll.put(k, 1) : () -> fom.put(k, 1L))
          : (fll != null ? () -> fll.remove(k) : () -> fom.remove(k));
      assertThatThrownBy(op::run).as("%s on %s", fault, kind)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'test-scripted'")
          .hasMessageContaining("answered " + answer + " from " + (insert ? "onInsert" : "onDelete"))
          .hasMessageContaining(fault == Fault.DELETE_HALVE_AT_B0 ? "B=0" : "B=");
      // Nothing changed: the entries, the structure, the state.
      MapInternals.checkInvariants(map);
      assertThat(MapInternals.state(map)).isEqualTo(before);
      for (Map.Entry<Long, Long> e : model.entrySet()) {
        Long got = ll != null ? (Long) ll.get(e.getKey()) : om.get(e.getKey());
        assertThat(got).as("%s after the failed %s", e.getKey(), fault).isEqualTo(e.getValue());
      }
      assertThat(ll != null ? ll.containsKey(key(n + 1)) : om.containsKey(key(n + 1))).isFalse();
      // Usable once the policy behaves.
      p.insertAnswer = null;
      p.deleteAnswer = null;
      p.answerNull = false;
      op.run();
      if (insert) {
        model.put(k, 1L);
      } else {
        model.remove(k);
      }
      MapInternals.checkInvariants(map);
      assertThat(ll != null ? ll.size() : om.size()).isEqualTo(model.size());
    }
  }

  // ---- iteration across a shrink -----------------------------------------------------------------

  /**
   * Iterates {@code m}, doing {@code write} after every returned entry, and checks that every entry
   * of {@code model} present throughout is returned exactly once and nothing else twice. Returns
   * the states seen after each step.
   */
  static final class Walk {
    final LongLongMap m;
    final Map<Long, Long> model;
    final Set<Long> start;
    final Set<Long> removed = new HashSet<>();
    final Set<Long> returned = new HashSet<>();
    final LongLongMap.EntryCursor c;
    long fresh = 1L << 44;
    boolean sawShrinking;
    boolean sawShrinkEnd;
    boolean sawGrow;

    Walk(LongLongMap m, Map<Long, Long> model) {
      this.m = m;
      this.model = model;
      this.start = new HashSet<>(model.keySet());
      this.c = m.cursor();
    }

    boolean step() {
      if (!c.next()) {
        for (long k : start) {
          if (!removed.contains(k)) {
            assertThat(returned).as("present throughout").contains(k);
          }
        }
        return false;
      }
      assertThat(returned.add(c.key())).as("returned %s twice", c.key()).isTrue();
      assertThat(model.get(c.key())).as("value of %s", c.key()).isEqualTo(c.value());
      return true;
    }

    void remove(long k) {
      assertThat(m.remove(k)).isEqualTo(model.getOrDefault(k, 0L));
      if (model.remove(k) != null) {
        removed.add(k);
      }
      observe();
    }

    void putFresh() {
      m.put(fresh, 9);
      model.put(fresh++, 9L);
      observe();
    }

    void observe() {
      MapStats s = m.stats();
      sawShrinkEnd |= sawShrinking && !s.shrinking();
      sawShrinking |= s.shrinking();
      sawGrow |= s.growing();
      MapInternals.checkInvariants(m);
    }

    void finish(Runnable write) {
      while (step()) {
        write.run();
      }
    }
  }

  @ParameterizedTest(name = "hash {0}")
  @ValueSource(strings = {TestHashes.MIX, TestHashes.BUCKET0})
  @DisplayName("an iteration started before a shrink returns every entry present throughout"
      + " exactly once, with deletes and inserts during it, as the shrink runs and finishes")
  void iterationStartedBeforeShrink(String hash) {
    ShrinkPolicies.Scripted p = new ShrinkPolicies.Scripted();
    LongLongMap m = longMap(hash, p, 21);
    Map<Long, Long> model = fill(m, hash.equals(TestHashes.MIX) ? 400 : 120);
    Walk w = new Walk(m, model);
    for (int i = 0; i < 10; i++) {
      assertThat(w.step()).isTrue();
    }
    assertThat(m.stats().shrinking()).isFalse();
    startShrink(m, p, model, key(5));
    w.removed.add(key(5));
    w.observe();
    Random r = new Random(1);
    w.finish(() -> {
      if (r.nextBoolean()) {
        w.remove(key(r.nextInt(400)));
      } else {
        w.putFresh();
      }
    });
    assertThat(w.sawShrinking).isTrue();
    assertThat(w.sawShrinkEnd).as("the shrink finished during the iteration").isTrue();
  }

  @ParameterizedTest(name = "hash {0}")
  @ValueSource(strings = {TestHashes.MIX, TestHashes.BUCKET0, TestHashes.CONSTANT})
  @DisplayName("an iteration started during a shrink, in any mix of merged and unmerged feeders,"
      + " returns every entry present throughout exactly once while writes merge the rest")
  void iterationStartedDuringShrink(String hash) {
    for (int partial = 0; partial < 40; partial += 3) {
      ShrinkPolicies.Scripted p = new ShrinkPolicies.Scripted();
      LongLongMap m = longMap(hash, p, 100 + partial);
      int n = hash.equals(TestHashes.MIX) ? 500 : 100;
      Map<Long, Long> model = fill(m, n);
      startShrink(m, p, model, key(0));
      Random r = new Random(partial);
      // Some writes first, so that the iteration meets buckets with one feeder merged; each merges
      // at most 3 old buckets, so fewer than a third of them leave the shrink unfinished.
      int writes = partial % ((1 << (m.stats().B() + 1)) / 4 + 1);
      for (int i = 0; i < writes; i++) {
        long k = key(1 + r.nextInt(n - 1));
        m.put(k, 7);
        model.put(k, 7L);
      }
      assertThat(m.stats().shrinking()).isTrue();
      Walk w = new Walk(m, model);
      w.finish(() -> {
        int d = r.nextInt(4);
        if (d == 0) {
          w.remove(key(r.nextInt(n)));
        } else if (d == 1) {
          w.putFresh();
        } else {
          // Updates of present keys: the iteration must return the current value.
          long k = key(r.nextInt(n));
          if (model.containsKey(k)) {
            m.put(k, d);
            model.put(k, (long) d);
            w.observe();
          }
        }
      });
      assertThat(w.sawShrinkEnd).as("the shrink finished during the iteration").isTrue();
    }
  }

  @Test
  @DisplayName("an iteration started during a shrink continues correctly after it finished and"
      + " across the grow that follows")
  void iterationAcrossShrinkThenGrow() {
    ShrinkPolicies.Scripted p = new ShrinkPolicies.Scripted();
    LongLongMap m = longMap(TestHashes.MIX, p, 5);
    Map<Long, Long> model = fill(m, 120);
    int b = m.stats().B();
    startShrink(m, p, model, key(1));
    Walk w = new Walk(m, model);
    w.finish(w::putFresh);
    assertThat(w.sawShrinkEnd).isTrue();
    assertThat(w.sawGrow).as("a grow followed the shrink during the iteration").isTrue();
    assertThat(m.stats().B()).isGreaterThanOrEqualTo(b);
    MapInternals.checkInvariants(m);
  }

  @Test
  @DisplayName("back to back: a shrink, then a grow right after it, then a shrink again, with"
      + " invariants after every write and all entries kept")
  void shrinkThenGrowThenShrink() {
    ShrinkPolicies.Scripted p = new ShrinkPolicies.Scripted();
    LongLongMap m = longMap(TestHashes.MIX, p, 9);
    Map<Long, Long> model = fill(m, 100);
    int b = m.stats().B();
    startShrink(m, p, model, key(0));
    // No grow decision while shrinking, whatever the policy would say: the policy is asked again
    // by the insert whose merge work finishes the shrink, and grows back at once.
    p.insertAnswer = Grow.DOUBLE;
    int i = 1000;
    while (m.stats().shrinking()) {
      m.put(key(i), i);
      model.put(key(i), (long) i++);
      MapInternals.checkInvariants(m);
      MapStats s = m.stats();
      if (s.shrinking()) {
        assertThat(s.growing()).as("no grow decision while shrinking").isFalse();
        assertThat(s.B()).isEqualTo(b - 1);
      }
    }
    p.insertAnswer = null;
    assertThat(m.stats().growing()).as("grew right after the shrink").isTrue();
    assertThat(m.stats().B()).isEqualTo(b);
    // No shrink while growing, whatever the policy says; the first delete after the grow shrinks.
    p.deleteAnswer = Grow.HALVE;
    int j = 1;
    while (m.stats().growing()) {
      m.remove(key(j));
      model.remove(key(j++));
      MapInternals.checkInvariants(m);
      MapStats s = m.stats();
      // The delete whose merge work finishes the grow is asked, and shrinks.
      assertThat(s.shrinking() && s.growing()).as("no shrink while growing").isFalse();
    }
    if (!m.stats().shrinking()) {
      m.remove(key(j));
      model.remove(key(j));
    }
    p.deleteAnswer = null;
    assertThat(m.stats().shrinking()).isTrue();
    assertThat(m.stats().B()).isEqualTo(b - 1);
    assertHolds(m, model);
  }

  @Test
  @DisplayName("while shrinking, GoMemory counts the old array too, and releases it at the end")
  void memoryCountsTheOldArray() {
    ShrinkPolicies.Scripted p = new ShrinkPolicies.Scripted();
    LongLongMap m = longMap(TestHashes.MIX, p, 13);
    Map<Long, Long> model = fill(m, 400);
    long full = m.stats().goBytes();
    startShrink(m, p, model, key(0));
    MapCore c = core(m);
    long during = m.stats().goBytes();
    assertThat(during).isEqualTo(
        GoMemory.bytes(c.geometry, c.count, c.buckets, c.oldbuckets, c.goExtra));
    assertThat(during).isGreaterThan(
        GoMemory.bytes(c.geometry, c.count, c.buckets, null, c.goExtra));
    assertThat(during).isGreaterThan(full);
    int i = 0;
    while (m.stats().shrinking()) {
      m.put(key(i), 1);
      i++;
    }
    assertThat(m.stats().goBytes()).isLessThan(during);
    assertThat(c.oldbuckets).isNull();
  }

  @Test
  @DisplayName("Invariants reports a broken shrink state")
  void invariantsCatchBrokenShrink() {
    ShrinkPolicies.Scripted p = new ShrinkPolicies.Scripted();
    LongLongMap m = longMap(TestHashes.MIX, p, 17);
    Map<Long, Long> model = fill(m, 200);
    startShrink(m, p, model, key(0));
    MapCore c = core(m);
    // A key in a new bucket whose feeder is unmerged: the merged feeder's slot turned into a hole.
    m.put(key(1), 1);
    int n = c.buckets.base;
    int j = (int) (c.rehash(c.buckets, 0, 0) & (n - 1));
    for (j = 0; j < n; j++) {
      if (c.oldbuckets.evacuated(j) != c.oldbuckets.evacuated(j + n)
          && c.buckets.tophash(j, 0) >= MapCore.MIN_TOP_HASH) {
        break;
      }
    }
    assertThat(j).as("a half-merged bucket").isLessThan(n);
    c.buckets.setTophash(j, 0, MapCore.EMPTY_ONE);
    c.count--;
    assertThatThrownBy(() -> MapInternals.checkInvariants(m))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("hole");
    c.buckets.setTophash(j, 0, (int) c.tophash(c.rehash(c.buckets, j, 0)));
    c.count++;
    MapInternals.checkInvariants(m);
    c.shrinking = false;
    c.oldbuckets = null;
    c.shrinking = true;
    assertThatThrownBy(() -> MapInternals.checkInvariants(m))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no old array");
  }

  @Test
  @DisplayName("a BytesGoMap shrinks too, keeping every entry")
  void bytesMapShrinks() {
    BytesGoMap m = TestPlugins.builder(TestPlugins.I386, 3).growth(new Go119ShrinkGrowthPolicy())
        .keyType(GoType.INT64).elemType(GoType.INT64).buildBytes();
    Map<Long, Long> model = new HashMap<>();
    for (long i = 0; i < 600; i++) {
      m.put(bytes(key(i)), bytes(i));
      model.put(key(i), i);
    }
    int maxB = m.stats().B();
    boolean shrank = false;
    for (long i = 0; i < 590; i++) {
      assertThat(m.remove(bytes(key(i)))).isEqualTo(bytes(i));
      model.remove(key(i));
      shrank |= m.stats().shrinking();
      MapInternals.checkInvariants(m);
    }
    assertThat(shrank).isTrue();
    assertThat(m.stats().B()).isLessThan(maxB);
    Map<Long, Long> seen = new HashMap<>();
    m.forEach((k, v) -> seen.put(ByteBuffer.wrap(k).getLong(), ByteBuffer.wrap(v).getLong()));
    assertThat(seen).isEqualTo(model);
  }

  static byte[] bytes(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }
}
