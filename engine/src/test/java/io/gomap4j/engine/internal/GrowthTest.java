package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.GoMap;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.api.MapStats;
import io.gomap4j.engine.testing.TestHashes;
import io.gomap4j.engine.testing.TestPlugins;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Go 1.19's growth behaviour (go-map-spec 4.2, 4.4, 4.6-4.9) under the go119 policy. */
class GrowthTest {

  /** Inserting distinct keys from empty, Go 1.19 grows at these counts (go-map-spec 4.4). */
  private static final List<Integer> GROWTH_POINTS =
      List.of(9, 14, 27, 53, 105, 209, 417, 833, 1665);

  static LongLongGoMap longMap(String layout, long seed) {
    return TestPlugins.builder(layout, seed).buildLongLong();
  }

  static long key(long i) {
    return i * 0x9E3779B97F4A7C15L + 12345;
  }

  /** The number of old buckets already evacuated, or -1 when the map is not growing. */
  static int evacuatedOldBuckets(Object map) {
    MapCore m = MapInternals.core(map);
    if (m.oldbuckets == null) {
      return -1;
    }
    int n = 0;
    for (int b = 0; b < m.noldbuckets(); b++) {
      if (m.oldbuckets.evacuated(b)) {
        n++;
      }
    }
    return n;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestPlugins.AMD64, TestPlugins.I386, TestPlugins.S390X})
  @DisplayName("make(map, hint) starts at Go's B for the hint and allocates buckets only when"
      + " B > 0")
  void hintSetsInitialB(String layout) {
    long[][] table = {{0, 0}, {8, 0}, {9, 1}, {13, 1}, {14, 2}, {26, 2}, {27, 3}, {52, 3},
        {53, 4}, {104, 4}, {105, 5}, {208, 5}, {209, 6}};
    for (long[] row : table) {
      LongLongGoMap m = TestPlugins.builder(layout, 1).expectedSize(row[0]).buildLongLong();
      assertThat(MapInternals.state(m).B()).as("B for hint %s", row[0]).isEqualTo((int) row[1]);
      assertThat(m.stats().javaHeapBytes() > 0).as("buckets allocated for hint %s", row[0])
          .isEqualTo(row[1] > 0);
      GoMap<Long, Long> o = TestPlugins.builder(layout, 1).expectedSize(row[0]).build();
      assertThat(o.stats().B()).as("object map B for hint %s", row[0]).isEqualTo((int) row[1]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestPlugins.AMD64, TestPlugins.I386})
  @DisplayName("Inserting distinct keys from empty grows B by one exactly at the 9th, 14th, 27th,"
      + " 53rd, 105th, 209th, 417th, 833rd and 1665th key")
  void growthPoints(String layout) {
    assertGrowthPoints("LongLongGoMap on " + layout, longMap(layout, 7), k -> {
    });
    GoMap<Long, String> objects = TestPlugins.builder(layout, 7).build();
    assertGrowthPoints("GoMap on " + layout, objects, k -> objects.put(k, "v"));
  }

  private static void assertGrowthPoints(String what, Object map, LongConsumer objectPut) {
    List<Integer> grewAt = new ArrayList<>();
    for (int n = 1; n <= 1700; n++) {
      int before = MapInternals.state(map).B();
      if (map instanceof LongLongGoMap) {
        ((LongLongGoMap) map).put(key(n), n);
      } else {
        objectPut.accept(key(n));
      }
      int after = MapInternals.state(map).B();
      assertThat(after - before).as("%s: B change at insert %s", what, n).isBetween(0, 1);
      if (after != before) {
        grewAt.add(n);
      }
    }
    assertThat(grewAt).as(what).isEqualTo(GROWTH_POINTS);
    MapInternals.checkInvariants(map);
  }

  @Test
  @DisplayName("Growth is incremental: after the 27th insert the map is still growing, and the"
      + " grows at the 9th and 14th finish within their own insert")
  void growthIsIncremental() {
    LongLongGoMap m = longMap(TestPlugins.AMD64, 3);
    for (int n = 1; n <= 27; n++) {
      m.put(key(n), n);
      MapState s = MapInternals.state(m);
      if (n == 9 || n == 14) {
        assertThat(s.growing()).as("growing after insert %s", n).isFalse();
      }
      if (n == 26) {
        assertThat(s.growing()).as("growing after insert 26").isFalse();
      }
    }
    MapState s = MapInternals.state(m);
    assertThat(s.B()).isEqualTo(3);
    assertThat(s.growing()).as("growing after the 27th insert").isTrue();
    assertThat(s.sameSize()).isFalse();
    assertThat(evacuatedOldBuckets(m)).as("old buckets evacuated by the 27th insert").isEqualTo(2);
    assertThat(m.stats().growing()).isTrue();
    MapInternals.checkInvariants(m);
    for (int n = 1; n <= 27; n++) {
      assertThat(m.get(key(n))).as("value of key %s mid-grow", n).isEqualTo(n);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestPlugins.AMD64, TestPlugins.I386})
  @DisplayName("Each write evacuates at most 2 old buckets and at least 1 while growing; reads and"
      + " iteration evacuate nothing; a grow finishes within as many writes as it has old buckets")
  void boundedEvacuationPerWrite(String layout) {
    LongLongGoMap m = longMap(layout, 11);
    int writesInGrow = 0;
    int grows = 0;
    for (int n = 1; n <= 3000; n++) {
      int before = evacuatedOldBuckets(m);
      int nold = before < 0 ? 0 : MapInternals.core(m).noldbuckets();
      // Inserts, updates and removes are all writes.
      switch (n % 4) {
        case 2:
          m.remove(key(n - 2));
          break;
        case 3:
          m.put(key(n / 2), -n);
          break;
        default:
          m.put(key(n), n);
      }
      int after = evacuatedOldBuckets(m);
      if (before >= 0) {
        writesInGrow++;
        assertThat(writesInGrow).as("%s: writes spent in one grow of %s old buckets", layout, nold)
            .isLessThanOrEqualTo(nold);
        if (after >= 0) {
          assertThat(after - before).as("%s: old buckets evacuated by write %s", layout, n)
              .isBetween(1, 2);
        } else {
          assertThat(nold - before).as("%s: old buckets left before the finishing write %s",
              layout, n).isBetween(1, 2);
        }
      } else if (after >= 0) {
        grows++;
        writesInGrow = 1;
        assertThat(after).as("%s: old buckets evacuated by write %s, which began a grow", layout,
            n).isBetween(1, 2);
      }
      if (after >= 0) {
        // Reads and iteration never evacuate.
        int nevacuate = MapInternals.state(m).nevacuate();
        m.get(key(1));
        m.containsKey(key(n));
        m.forEach((k, v) -> {
        });
        m.boxed().entrySet().iterator().hasNext();
        assertThat(evacuatedOldBuckets(m)).as("evacuated after reads").isEqualTo(after);
        assertThat(MapInternals.state(m).nevacuate()).isEqualTo(nevacuate);
      }
    }
    assertThat(grows).as("grows that lasted past their first write").isGreaterThanOrEqualTo(5);
    MapInternals.checkInvariants(m);
  }

  @Test
  @DisplayName("A map never shrinks: after every key is removed B is unchanged, and refilling to"
      + " the same size does not grow it")
  void neverShrinks() {
    LongLongGoMap m = longMap(TestPlugins.AMD64, 5);
    for (int n = 0; n < 1000; n++) {
      m.put(key(n), n);
    }
    MapStats full = m.stats();
    assertThat(full.B()).isEqualTo(8);
    for (int n = 0; n < 1000; n++) {
      m.remove(key(n));
      assertThat(m.stats().B()).isEqualTo(8);
    }
    assertThat(m.size()).isZero();
    assertThat(m.stats().B()).isEqualTo(8);
    MapInternals.checkInvariants(m);
    for (int n = 0; n < 1000; n++) {
      m.put(key(n + 5000), n);
    }
    assertThat(m.stats().B()).isEqualTo(8);
    assertThat(m.stats().growing()).isFalse();
  }

  /** Fills bucket {@code b} of a LOW16 map with 9 keys: one overflow bucket. */
  private static void overflowBucket(LongLongGoMap m, int b, int keep) {
    for (int n = 1; n <= 9; n++) {
      m.put(b + ((long) n << 16), n);
    }
    for (int n = 1; n <= 9 - keep; n++) {
      m.remove(b + ((long) n << 16));
    }
  }

  @Test
  @DisplayName("clear keeps B and the bucket array, resets count, noverflow and any grow, and"
      + " draws a new hash0; the map then works as new")
  void clearKeepsB() {
    LongLongGoMap m = TestPlugins.builder(TestHashes.LOW16, TestPlugins.AMD64, 9)
        .expectedSize(64).buildLongLong();
    for (int b = 0; b < 8; b++) {
      overflowBucket(m, b, 9);
    }
    MapState before = MapInternals.state(m);
    assertThat(before.B()).isEqualTo(4);
    assertThat(before.noverflow()).isEqualTo(8);
    assertThat(m.stats().overflowBuckets()).isEqualTo(8);
    m.clear();
    MapState after = MapInternals.state(m);
    assertThat(after.B()).isEqualTo(4);
    assertThat(after.count()).isZero();
    assertThat(after.noverflow()).isZero();
    assertThat(m.stats().overflowBuckets()).isZero();
    assertThat(after.hash0()).isNotEqualTo(before.hash0());
    assertThat(m.containsKey(1L << 16)).isFalse();
    MapInternals.checkInvariants(m);
    overflowBucket(m, 3, 9);
    assertThat(m.size()).isEqualTo(9);
    assertThat(m.get(3 + (9L << 16))).isEqualTo(9);
    MapInternals.checkInvariants(m);

    // Clearing mid-grow ends the grow.
    LongLongGoMap g = longMap(TestPlugins.I386, 2);
    for (int n = 1; n <= 27; n++) {
      g.put(key(n), n);
    }
    assertThat(g.stats().growing()).isTrue();
    g.clear();
    assertThat(g.stats()).extracting(MapStats::growing, MapStats::B, MapStats::count,
        MapStats::sameSizeGrow, MapStats::nevacuate).containsExactly(false, 3, 0L, false, 0L);
    MapInternals.checkInvariants(g);
    g.put(1, 1);
    assertThat(g.get(1)).isEqualTo(1);
  }

  @Test
  @DisplayName("clear of an empty map changes nothing, as Go's mapclear returns at once")
  void clearOfEmptyMap() {
    LongLongGoMap m = longMap(TestPlugins.AMD64, 4);
    m.put(1, 1);
    m.remove(1);
    MapState before = MapInternals.state(m);
    m.clear();
    assertThat(MapInternals.state(m)).isEqualTo(before);
  }

  @Test
  @DisplayName("A map whose count drops to 0 through remove draws a new hash0; other removes keep"
      + " it")
  void emptiedMapIsReseeded() {
    for (LongFunction<Object> factory : List.<LongFunction<Object>>of(
        seed -> longMap(TestPlugins.AMD64, seed),
        seed -> TestPlugins.builder(TestPlugins.I386, seed).<Long, Long>build())) {
      Object map = factory.apply(21);
      LongLongGoMap ll = map instanceof LongLongGoMap ? (LongLongGoMap) map : null;
      @SuppressWarnings("unchecked")
      GoMap<Long, Long> gm = ll == null ? (GoMap<Long, Long>) map : null;
      LongConsumer put = k -> {
        if (ll != null) {
          ll.put(k, k);
        } else {
          gm.put(k, k);
        }
      };
      LongConsumer remove = k -> {
        if (ll != null) {
          ll.remove(k);
        } else {
          gm.remove(k);
        }
      };
      for (int n = 0; n < 10; n++) {
        put.accept(key(n));
      }
      int hash0 = MapInternals.state(map).hash0();
      remove.accept(key(99));
      for (int n = 0; n < 9; n++) {
        remove.accept(key(n));
        assertThat(MapInternals.state(map).hash0()).as("hash0 while entries remain")
            .isEqualTo(hash0);
      }
      remove.accept(key(9));
      int fresh = MapInternals.state(map).hash0();
      assertThat(fresh).as("hash0 after the last remove").isNotEqualTo(hash0);
      remove.accept(key(9));
      assertThat(MapInternals.state(map).hash0()).as("remove on an empty map").isEqualTo(fresh);
      MapInternals.checkInvariants(map);
    }
  }

  @Test
  @DisplayName("When noverflow reaches 2^B the next new key starts a same-size grow, which keeps B"
      + " and drops the sparse overflow chains")
  void sameSizeGrowth() {
    LongLongGoMap m = TestPlugins.builder(TestHashes.LOW16, TestPlugins.AMD64, 17)
        .expectedSize(64).buildLongLong();
    assertThat(m.stats().B()).isEqualTo(4);
    for (int b = 0; b < 16; b++) {
      overflowBucket(m, b, 1);
      assertThat(m.stats().noverflow()).isEqualTo(b + 1);
      assertThat(m.stats().growing()).isFalse();
    }
    assertThat(m.size()).isEqualTo(16);
    assertThat(m.stats().overflowBuckets()).isEqualTo(16);
    MapInternals.checkInvariants(m);

    m.put(5 + (100L << 16), 100);
    MapStats s = m.stats();
    assertThat(s.B()).as("B after the same-size grow began").isEqualTo(4);
    assertThat(s.growing()).isTrue();
    assertThat(s.sameSizeGrow()).isTrue();
    assertThat(s.noverflow()).isZero();
    MapInternals.checkInvariants(m);
    int writes = 0;
    while (m.stats().growing()) {
      m.put(5 + (100L << 16), ++writes);
      MapInternals.checkInvariants(m);
    }
    assertThat(writes).isLessThanOrEqualTo(16);
    s = m.stats();
    assertThat(s.B()).isEqualTo(4);
    assertThat(s.sameSizeGrow()).isFalse();
    assertThat(s.overflowBuckets()).as("overflow buckets after compaction").isZero();
    assertThat(s.noverflow()).isZero();
    assertThat(m.size()).isEqualTo(17);
    for (int b = 0; b < 16; b++) {
      assertThat(m.get(b + (9L << 16))).as("kept key of bucket %s", b).isEqualTo(9);
    }
  }

  @Test
  @DisplayName("A map made with a hint holds 6.5 entries per bucket before its first grow")
  void hintDelaysGrowth() {
    LongLongGoMap m = TestPlugins.builder(TestPlugins.I386, 8).expectedSize(100).buildLongLong();
    assertThat(m.stats().B()).isEqualTo(4);
    for (int n = 1; n <= 104; n++) {
      m.put(key(n), n);
    }
    assertThat(m.stats().B()).isEqualTo(4);
    assertThat(m.stats().loadFactor()).isEqualTo(6.5);
    m.put(key(105), 105);
    assertThat(m.stats().B()).isEqualTo(5);
  }
}
