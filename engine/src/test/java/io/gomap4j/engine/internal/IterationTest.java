package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.GoMap;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.testing.TestHashes;
import io.gomap4j.engine.testing.TestPlugins;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Iteration under the {@link GoMap} contract: Go's rules for order and for writes meanwhile. */
class IterationTest {

  static long key(long i) {
    return i * 0x9E3779B97F4A7C15L + 777;
  }

  static LongLongGoMap longMap(String layout, long seed) {
    return TestPlugins.builder(layout, seed).buildLongLong();
  }

  static GoMap<Long, Long> boxedMap(String layout, long seed) {
    return TestPlugins.builder(layout, seed).buildLongLong().boxed();
  }

  static GoMap<Long, Long> objectMap(String layout, long seed) {
    return TestPlugins.builder(layout, seed).build();
  }

  /** The keys an entry-set iteration returns, in order. */
  static List<Long> keys(Map<Long, Long> map) {
    List<Long> out = new ArrayList<>();
    for (Map.Entry<Long, Long> e : map.entrySet()) {
      out.add(e.getKey());
    }
    return out;
  }

  static List<Long> forEachKeys(LongLongGoMap map) {
    List<Long> out = new ArrayList<>();
    map.forEach((k, v) -> out.add(k));
    return out;
  }

  static void assertExactlyOnce(String what, List<Long> returned, Set<Long> expected) {
    Set<Long> seen = new HashSet<>();
    for (Long k : returned) {
      assertThat(seen.add(k)).as("%s: %s returned twice", what, k).isTrue();
    }
    assertThat(seen).as(what).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestPlugins.AMD64, TestPlugins.I386, TestPlugins.S390X})
  @DisplayName("Iteration returns every entry exactly once, with its value, through every view")
  void everyEntryOnce(String layout) {
    for (int size : new int[] {0, 1, 7, 8, 9, 13, 14, 26, 27, 100, 1000}) {
      LongLongGoMap ll = longMap(layout, size);
      GoMap<Long, Long> om = objectMap(layout, size);
      Set<Long> expected = new HashSet<>();
      for (int n = 0; n < size; n++) {
        ll.put(key(n), n);
        om.put(key(n), (long) n);
        expected.add(key(n));
      }
      String what = size + " entries on " + layout;
      assertExactlyOnce("boxed entrySet, " + what, keys(ll.boxed()), expected);
      assertExactlyOnce("forEach, " + what, forEachKeys(ll), expected);
      assertExactlyOnce("keySet, " + what, new ArrayList<>(ll.boxed().keySet()), expected);
      assertExactlyOnce("object entrySet, " + what, keys(om), expected);
      assertExactlyOnce("object keySet, " + what, new ArrayList<>(om.keySet()), expected);
      ll.forEach((k, v) -> assertThat(ll.get(k)).isEqualTo(v));
      om.forEach((k, v) -> assertThat(om.get(k)).isEqualTo(v));
      List<Long> values = new ArrayList<>(om.values());
      Collections.sort(values);
      List<Long> expectedValues = new ArrayList<>();
      for (long n = 0; n < size; n++) {
        expectedValues.add(n);
      }
      assertThat(values).isEqualTo(expectedValues);
      assertThat(new HashMap<>(ll.boxed())).isEqualTo(new HashMap<>(om));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestPlugins.AMD64, TestPlugins.I386})
  @DisplayName("An iteration that starts while the map is growing returns every entry exactly once")
  void iterationStartingMidGrow(String layout) {
    for (int kind = 0; kind < 2; kind++) {
      GoMap<Long, Long> map = kind == 0 ? boxedMap(layout, 31) : objectMap(layout, 31);
      Set<Long> expected = new HashSet<>();
      int midGrow = 0;
      for (int n = 1; n <= 1700; n++) {
        map.put(key(n), (long) n);
        expected.add(key(n));
        if (map.stats().growing()) {
          midGrow++;
          assertExactlyOnce("iteration after insert " + n, keys(map), expected);
        }
      }
      assertThat(midGrow).as("iterations started mid-grow").isGreaterThan(50);
    }
  }

  @Test
  @DisplayName("An iteration that starts during a same-size grow returns every entry exactly once")
  void iterationStartingMidSameSizeGrow() {
    LongLongGoMap m = TestPlugins.builder(TestHashes.LOW16, TestPlugins.AMD64, 17)
        .expectedSize(64).buildLongLong();
    Set<Long> expected = new HashSet<>();
    for (int b = 0; b < 16; b++) {
      for (int n = 1; n <= 9; n++) {
        m.put(b + ((long) n << 16), n);
      }
      for (int n = 1; n <= 8; n++) {
        m.remove(b + ((long) n << 16));
      }
      expected.add(b + (9L << 16));
    }
    m.put(3 + (77L << 16), 77);
    expected.add(3 + (77L << 16));
    assertThat(m.stats().sameSizeGrow()).isTrue();
    int iterations = 0;
    while (m.stats().growing()) {
      assertExactlyOnce("boxed, mid same-size grow", keys(m.boxed()), expected);
      assertExactlyOnce("forEach, mid same-size grow", forEachKeys(m), expected);
      iterations++;
      m.put(3 + (77L << 16), iterations);
    }
    assertThat(iterations).isGreaterThan(3);
  }

  /**
   * Iterates {@code map}, calling {@code body} after each entry with the keys returned so far, and
   * checks that nothing was returned twice.
   */
  static List<Long> iterate(GoMap<Long, Long> map, Consumer<List<Long>> body) {
    List<Long> returned = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    Iterator<Map.Entry<Long, Long>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, Long> e = it.next();
      assertThat(seen.add(e.getKey())).as("%s returned twice", e.getKey()).isTrue();
      assertThat(map.get(e.getKey())).as("value of %s", e.getKey()).isEqualTo(e.getValue());
      returned.add(e.getKey());
      body.accept(returned);
    }
    return returned;
  }

  @ParameterizedTest(name = "start size {0}")
  @ValueSource(ints = {104, 27, 200})
  @DisplayName("Growth during an iteration neither loses nor repeats an entry that was present"
      + " throughout")
  void growthDuringIteration(int startSize) {
    for (int kind = 0; kind < 2; kind++) {
      GoMap<Long, Long> map = kind == 0 ? boxedMap(TestPlugins.AMD64, startSize)
          : objectMap(TestPlugins.I386, startSize);
      Set<Long> original = new HashSet<>();
      for (int n = 0; n < startSize; n++) {
        map.put(key(n), (long) n);
        original.add(key(n));
      }
      boolean startedGrowing = map.stats().growing();
      int startB = map.stats().B();
      long[] fresh = {100_000};
      Set<Long> added = new HashSet<>();
      List<Long> returned = iterate(map, soFar -> {
        for (int j = 0; j < 8; j++) {
          long k = key(fresh[0]++);
          map.put(k, k);
          added.add(k);
        }
        MapInternals.checkInvariants(map);
      });
      assertThat(map.stats().B()).as("B grew during the iteration").isGreaterThan(startB + 1);
      assertThat(returned).containsAll(original);
      Set<Long> allowed = new HashSet<>(original);
      allowed.addAll(added);
      assertThat(allowed).containsAll(returned);
      if (startSize == 27) {
        assertThat(startedGrowing).as("27 entries: the iteration starts mid-grow").isTrue();
      }
    }
  }

  @Test
  @DisplayName("An entry removed before the iteration reaches it is not returned; the others are")
  void removedBeforeReachedIsNotReturned() {
    for (int kind = 0; kind < 3; kind++) {
      GoMap<Long, Long> map = kind == 0 ? boxedMap(TestPlugins.AMD64, 3)
          : kind == 1 ? objectMap(TestPlugins.S390X, 3)
          : TestPlugins.builder(TestHashes.BUCKET0, TestPlugins.AMD64, 3).build();
      for (int n = 0; n < 200; n++) {
        map.put(key(n), (long) n);
      }
      Set<Long> removed = new HashSet<>();
      Set<Long> kept = new HashSet<>();
      List<Long> returned = iterate(map, soFar -> {
        if (soFar.size() == 1) {
          for (int n = 0; n < 200; n++) {
            long k = key(n);
            if (soFar.contains(k)) {
              continue;
            }
            if (n % 2 == 0) {
              map.remove(k);
              removed.add(k);
            } else {
              kept.add(k);
            }
          }
        }
      });
      assertThat(removed).isNotEmpty();
      assertThat(returned).doesNotContainAnyElementsOf(removed).containsAll(kept);
      assertThat(returned).hasSize(kept.size() + 1);
    }
  }

  @Test
  @DisplayName("Removal and re-insertion around a grow during iteration: entries removed before"
      + " they are reached stay unreturned even when the removal evacuates their bucket")
  void removalDuringGrowDuringIteration() {
    GoMap<Long, Long> map = boxedMap(TestPlugins.I386, 41);
    for (int n = 0; n < 104; n++) {
      map.put(key(n), (long) n);
    }
    Set<Long> removed = new HashSet<>();
    List<Long> returned = iterate(map, soFar -> {
      if (soFar.size() == 1) {
        map.put(key(5000), 1L); // the 105th entry: a grow begins
        assertThat(map.stats().growing()).isTrue();
        for (int n = 0; n < 104; n += 3) {
          if (!soFar.contains(key(n))) {
            map.remove(key(n));
            removed.add(key(n));
          }
        }
      }
    });
    assertThat(returned).doesNotContainAnyElementsOf(removed);
    for (int n = 0; n < 104; n++) {
      if (!removed.contains(key(n))) {
        assertThat(returned).contains(key(n));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestHashes.MIX, TestHashes.BUCKET0})
  @DisplayName("Iterator.remove removes the entry just returned, from every view")
  void iteratorRemove(String hash) {
    LongLongGoMap ll = TestPlugins.builder(hash, TestPlugins.AMD64, 5).buildLongLong();
    GoMap<Long, Long> om = TestPlugins.builder(hash, TestPlugins.I386, 5).build();
    for (GoMap<Long, Long> map : List.of(ll.boxed(), om)) {
      for (int n = 0; n < 300; n++) {
        map.put(key(n), (long) n);
      }
      Iterator<Map.Entry<Long, Long>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        if (it.next().getValue() % 2 == 0) {
          it.remove();
        }
      }
      assertThat(map).hasSize(150);
      assertThat(map.values()).allMatch(v -> v % 2 == 1);
      MapInternals.checkInvariants(map);

      Iterator<Long> keys = map.keySet().iterator();
      while (keys.hasNext()) {
        if (keys.next() % 3 == 0) {
          keys.remove();
        }
      }
      assertThat(map.keySet()).noneMatch(k -> k % 3 == 0);
      Iterator<Long> values = map.values().iterator();
      while (values.hasNext()) {
        values.next();
        values.remove();
      }
      assertThat(map).isEmpty();
      assertThat(map.stats().count()).isZero();
      MapInternals.checkInvariants(map);
    }
  }

  @Test
  @DisplayName("Iterator.remove without a preceding next, or twice, throws IllegalStateException")
  void iteratorRemoveMisuse() {
    GoMap<Long, Long> map = objectMap(TestPlugins.AMD64, 1);
    map.put(1L, 1L);
    map.put(2L, 2L);
    Iterator<Long> it = map.keySet().iterator();
    assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
    it.next();
    it.remove();
    assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
    assertThat(map).hasSize(1);
    it.next();
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  @DisplayName("Same seed and same key material give the same iteration order, every time")
  void sameSeedSameOrder() {
    for (String layout : new String[] {TestPlugins.AMD64, TestPlugins.I386}) {
      LongLongGoMap a = longMap(layout, 99);
      LongLongGoMap b = longMap(layout, 99);
      GoMap<Long, Long> oa = objectMap(layout, 99);
      GoMap<Long, Long> ob = objectMap(layout, 99);
      for (int n = 0; n < 500; n++) {
        a.put(key(n), n);
        b.put(key(n), n);
        oa.put(key(n), (long) n);
        ob.put(key(n), (long) n);
        if (n % 7 == 0) {
          a.remove(key(n / 2));
          b.remove(key(n / 2));
          oa.remove(key(n / 2));
          ob.remove(key(n / 2));
        }
      }
      for (int round = 0; round < 5; round++) {
        assertThat(forEachKeys(a)).isEqualTo(forEachKeys(b));
        assertThat(keys(a.boxed())).isEqualTo(keys(b.boxed()));
        assertThat(keys(oa)).isEqualTo(keys(ob));
      }
      assertThat(MapInternals.state(a)).isEqualTo(MapInternals.state(b));
    }
  }

  @Test
  @DisplayName("Different seeds give different iteration orders, and so do repeated iterations of"
      + " one map")
  void differentSeedsDifferentOrders() {
    Set<List<Long>> orders = new HashSet<>();
    Set<List<Long>> objectOrders = new HashSet<>();
    for (long seed = 1; seed <= 6; seed++) {
      LongLongGoMap m = longMap(TestPlugins.AMD64, seed);
      GoMap<Long, Long> o = objectMap(TestPlugins.AMD64, seed);
      for (int n = 0; n < 100; n++) {
        m.put(key(n), n);
        o.put(key(n), (long) n);
      }
      orders.add(forEachKeys(m));
      objectOrders.add(keys(o));
    }
    assertThat(orders).as("distinct orders over 6 seeds").hasSizeGreaterThan(1);
    assertThat(objectOrders).as("distinct object-map orders over 6 seeds").hasSizeGreaterThan(1);

    LongLongGoMap m = longMap(TestPlugins.AMD64, 1);
    for (int n = 0; n < 100; n++) {
      m.put(key(n), n);
    }
    Set<List<Long>> repeated = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      repeated.add(forEachKeys(m));
    }
    assertThat(repeated).as("distinct orders over 10 iterations of one map").hasSizeGreaterThan(1);

    LongLongGoMap other = TestPlugins.builder(TestPlugins.AMD64, 1)
        .keyMaterial(TestPlugins.OTHER_KEY_MATERIAL).buildLongLong();
    LongLongGoMap same = longMap(TestPlugins.AMD64, 1);
    for (int n = 0; n < 100; n++) {
      other.put(key(n), n);
      same.put(key(n), n);
    }
    assertThat(forEachKeys(other)).as("other key material").isNotEqualTo(forEachKeys(same));
  }

  @Test
  @DisplayName("The order of a one-bucket map is a rotation of its slots, as Go starts at a random"
      + " slot offset")
  void orderIsARotation() {
    LongLongGoMap m = longMap(TestPlugins.AMD64, 12);
    for (int n = 0; n < 8; n++) {
      m.put(key(n), n);
    }
    assertThat(m.stats().B()).isZero();
    List<Long> first = forEachKeys(m);
    Set<List<Long>> seen = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      List<Long> order = forEachKeys(m);
      seen.add(order);
      int at = order.indexOf(first.get(0));
      List<Long> rotated = new ArrayList<>(order.subList(at, 8));
      rotated.addAll(order.subList(0, at));
      assertThat(rotated).as("order %s is a rotation of %s", order, first).isEqualTo(first);
    }
    assertThat(seen).hasSizeGreaterThan(2);
  }

  @Test
  @DisplayName("Entries deleted by clear() during an iteration are not returned afterwards; entries"
      + " added after the clear may be, once")
  void clearDuringIteration() {
    for (int startSize : new int[] {8, 27, 300}) {
      for (int kind = 0; kind < 2; kind++) {
        GoMap<Long, Long> map = kind == 0 ? boxedMap(TestPlugins.AMD64, startSize)
            : objectMap(TestPlugins.I386, startSize);
        Set<Long> original = new HashSet<>();
        for (int n = 0; n < startSize; n++) {
          map.put(key(n), (long) n);
          original.add(key(n));
        }
        List<Long> afterClear = new ArrayList<>();
        boolean[] cleared = {false};
        Set<Long> added = new HashSet<>();
        iterate(map, soFar -> {
          if (cleared[0]) {
            afterClear.add(soFar.get(soFar.size() - 1));
          }
          if (soFar.size() == 2) {
            map.clear();
            cleared[0] = true;
            for (int j = 0; j < 20; j++) {
              map.put(key(10_000 + j), (long) j);
              added.add(key(10_000 + j));
            }
          }
        });
        assertThat(afterClear).as("returned after clear, start size %s", startSize)
            .doesNotContainAnyElementsOf(original);
        assertThat(added).containsAll(afterClear);
        assertThat(map).hasSize(20);
        MapInternals.checkInvariants(map);
      }
    }
  }

  @Test
  @DisplayName("An iteration whose map is cleared returns nothing more")
  void clearEndsIteration() {
    LongLongGoMap m = longMap(TestPlugins.AMD64, 2);
    for (int n = 0; n < 27; n++) {
      m.put(key(n), n);
    }
    assertThat(m.stats().growing()).isTrue();
    List<Long> seen = new ArrayList<>();
    m.forEach((k, v) -> {
      seen.add(k);
      m.clear();
    });
    assertThat(seen).hasSize(1);
    Iterator<Long> it = m.boxed().keySet().iterator();
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  @DisplayName("Writes from a forEach action are allowed, as in a Go range loop")
  void writesFromForEach() {
    LongLongGoMap m = longMap(TestPlugins.S390X, 6);
    for (int n = 0; n < 50; n++) {
      m.put(key(n), n);
    }
    m.forEach((k, v) -> m.put(k, v * 2));
    for (int n = 0; n < 50; n++) {
      assertThat(m.get(key(n))).isEqualTo(2L * n);
    }
    GoMap<Long, Long> o = objectMap(TestPlugins.AMD64, 6);
    o.put(1L, 1L);
    o.forEach((k, v) -> o.put(k + 1000, v));
    assertThat(o).containsKeys(1L, 1001L);
    MapInternals.checkInvariants(m);
    MapInternals.checkInvariants(o);
  }

  @Test
  @DisplayName("Map.Entry.setValue writes through to the map")
  void setValueWritesThrough() {
    for (GoMap<Long, Long> map : List.of(boxedMap(TestPlugins.AMD64, 1),
        objectMap(TestPlugins.AMD64, 1))) {
      for (int n = 0; n < 40; n++) {
        map.put(key(n), (long) n);
      }
      for (Map.Entry<Long, Long> e : map.entrySet()) {
        assertThat(e.setValue(e.getValue() + 1000)).isEqualTo(e.getValue() - 1000);
      }
      for (int n = 0; n < 40; n++) {
        assertThat(map.get(key(n))).isEqualTo(n + 1000L);
      }
    }
  }

  @Test
  @DisplayName("No entry is returned twice when the map is cleared and refilled during an"
      + " iteration that stands in an overflow bucket")
  void clearAndRefillDuringIteration() {
    for (long seed = 1; seed <= 10; seed++) {
      for (int kind = 0; kind < 2; kind++) {
        // Bucket 0 holds 9 keys, the 9th in an overflow bucket; after the clear, bucket 1 gets
        // 12 keys, 4 of them in an overflow bucket, which may reuse the storage of the old one.
        GoMap<Long, Long> map = kind == 0
            ? TestPlugins.builder(TestHashes.LOW16, TestPlugins.AMD64, seed).expectedSize(10)
                .buildLongLong().boxed()
            : TestPlugins.builder(TestHashes.LOW16, TestPlugins.AMD64, seed).expectedSize(10)
                .build();
        for (int n = 1; n <= 9; n++) {
          map.put((long) n << 16, (long) n);
        }
        Set<Long> added = new HashSet<>();
        List<Long> returned = iterate(map, soFar -> {
          if (soFar.get(soFar.size() - 1) == 9L << 16) {
            map.clear();
            for (int n = 1; n <= 12; n++) {
              map.put(1 + ((long) n << 16), (long) n);
              added.add(1 + ((long) n << 16));
            }
          }
        });
        assertThat(map).hasSize(12);
        assertThat(returned).as("seed %s", seed).doesNotHaveDuplicates();
      }
    }
  }

  /** Gives each of the 16 buckets of a LOW16 map one more overflow bucket, keeping one new key. */
  private static void overflowEveryBucket(GoMap<Long, Long> m, int round) {
    for (int b = 0; b < 16; b++) {
      int before = m.stats().noverflow();
      List<Long> added = new ArrayList<>();
      for (int n = 0; m.stats().noverflow() == before; n++) {
        long k = b + ((long) (1000 * round + n) << 16);
        m.put(k, (long) round);
        added.add(k);
      }
      for (int i = 0; i < added.size() - 1; i++) {
        m.remove(added.get(i));
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  @DisplayName("An iteration that outlives two same-size grows still returns every entry present"
      + " throughout, even when writes evacuate the bucket it stands in")
  void twoSameSizeGrowsDuringOneIteration(long seed) {
    for (int kind = 0; kind < 2; kind++) {
      GoMap<Long, Long> m = kind == 0
          ? TestPlugins.builder(TestHashes.LOW16, TestPlugins.AMD64, seed).expectedSize(64).build()
          : TestPlugins.builder(TestHashes.LOW16, TestPlugins.I386, seed).expectedSize(64)
              .buildLongLong().boxed();
      for (int b = 0; b < 16; b++) {
        for (int n = 1; n <= 3; n++) {
          m.put(b + ((long) n << 16), 0L);
        }
      }
      overflowEveryBucket(m, 1);
      assertThat(m.stats().noverflow()).isEqualTo(16);
      Set<Long> present = new HashSet<>(m.keySet());
      // The iterator under test; no other iterator is made until it ends.
      Iterator<Long> it = m.keySet().iterator();
      List<Long> returned = new ArrayList<>();
      returned.add(it.next());
      m.put(5000L << 16, 1L);
      assertThat(m.stats().sameSizeGrow()).as("first same-size grow").isTrue();
      while (m.stats().growing()) {
        m.put(5000L << 16, 2L);
      }
      overflowEveryBucket(m, 2);
      m.put(1 + (6000L << 16), 1L);
      assertThat(m.stats().sameSizeGrow()).as("second same-size grow").isTrue();
      while (it.hasNext()) {
        long k = it.next();
        returned.add(k);
        if (m.stats().growing()) {
          m.put(k, 3L); // evacuates the bucket the iterator stands in
        }
      }
      assertThat(returned).doesNotHaveDuplicates().containsAll(present);
      MapInternals.checkInvariants(m);
    }
  }
}
