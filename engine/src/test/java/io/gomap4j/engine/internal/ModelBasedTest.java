package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.GoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.api.MapStats;
import io.gomap4j.engine.GoMaps;
import io.gomap4j.engine.testing.KeyBag;
import io.gomap4j.engine.testing.TestHashes;
import io.gomap4j.engine.testing.TestPlugins;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random operations on gomap4j maps, mirrored into a {@link HashMap}: after every operation the
 * results agree with the model and the map's structural invariants hold.
 */
class ModelBasedTest {

  private static final long[] SEEDS = {1L, 0x5eedL, -7L};

  // ---- subjects ---------------------------------------------------------------------------------

  /** Called for every entry an iteration returns; {@code removeCurrent} removes that entry. */
  interface Visitor<K, V> {
    void visit(K key, V value, Runnable removeCurrent);
  }

  /** A map under test, seen through one interface whatever its API. */
  abstract static class Subject<K, V> {
    final String description;

    Subject(String description) {
      this.description = description;
    }

    abstract V put(K key, V value);

    abstract V get(K key);

    abstract boolean containsKey(K key);

    abstract V remove(K key);

    abstract int size();

    abstract void clear();

    /** What put, get and remove return for an absent key: null, or 0 for a primitive map. */
    abstract V absent();

    /** The engine map, for {@link MapInternals}. */
    abstract Object map();

    abstract MapStats stats();

    /** Iterates in Go's order through an API flavour picked with {@code r}. */
    abstract String iterate(Random r, Visitor<K, V> visitor);

    @Override
    public String toString() {
      return description;
    }
  }

  static final class LongLongSubject extends Subject<Long, Long> {
    final LongLongGoMap map;

    LongLongSubject(String description, LongLongGoMap map) {
      super(description);
      this.map = map;
    }

    @Override
    Long put(Long key, Long value) {
      return map.put(key, value);
    }

    @Override
    Long get(Long key) {
      long v = map.get(key);
      long d = map.getOrDefault(key, 0x7EADBEEFL);
      assertThat(d).as("getOrDefault(%s) after get gave %s", key, v)
          .isEqualTo(map.containsKey(key) ? v : 0x7EADBEEFL);
      return v;
    }

    @Override
    boolean containsKey(Long key) {
      return map.containsKey(key);
    }

    @Override
    Long remove(Long key) {
      return map.remove(key);
    }

    @Override
    int size() {
      return map.size();
    }

    @Override
    void clear() {
      map.clear();
    }

    @Override
    Long absent() {
      return 0L;
    }

    @Override
    Object map() {
      return map;
    }

    @Override
    MapStats stats() {
      return map.stats();
    }

    @Override
    String iterate(Random r, Visitor<Long, Long> visitor) {
      switch (r.nextInt(4)) {
        case 0: {
          Iterator<Map.Entry<Long, Long>> it = map.boxed().entrySet().iterator();
          while (it.hasNext()) {
            Map.Entry<Long, Long> e = it.next();
            visitor.visit(e.getKey(), e.getValue(), it::remove);
          }
          return "boxed().entrySet().iterator()";
        }
        case 1: {
          Iterator<Long> it = map.boxed().keySet().iterator();
          while (it.hasNext()) {
            long k = it.next();
            visitor.visit(k, map.get(k), it::remove);
          }
          return "boxed().keySet().iterator()";
        }
        case 2:
          map.forEach((k, v) -> visitor.visit(k, v, () -> map.remove(k)));
          return "forEach";
        default: {
          LongLongMap.EntryCursor c = ((LongLongMap) map).cursor();
          while (c.next()) {
            long k = c.key();
            visitor.visit(k, c.value(), () -> map.remove(k));
          }
          return "cursor()";
        }
      }
    }
  }

  static final class GoMapSubject<K, V> extends Subject<K, V> {
    final GoMap<K, V> map;

    GoMapSubject(String description, GoMap<K, V> map) {
      super(description);
      this.map = map;
    }

    @Override
    V put(K key, V value) {
      return map.put(key, value);
    }

    @Override
    V get(K key) {
      return map.get(key);
    }

    @Override
    boolean containsKey(K key) {
      return map.containsKey(key);
    }

    @Override
    V remove(K key) {
      return map.remove(key);
    }

    @Override
    int size() {
      return map.size();
    }

    @Override
    void clear() {
      map.clear();
    }

    @Override
    V absent() {
      return null;
    }

    @Override
    Object map() {
      return map;
    }

    @Override
    MapStats stats() {
      return map.stats();
    }

    @Override
    String iterate(Random r, Visitor<K, V> visitor) {
      switch (r.nextInt(3)) {
        case 0: {
          Iterator<Map.Entry<K, V>> it = map.entrySet().iterator();
          while (it.hasNext()) {
            Map.Entry<K, V> e = it.next();
            visitor.visit(e.getKey(), e.getValue(), it::remove);
          }
          return "entrySet().iterator()";
        }
        case 1: {
          Iterator<K> it = map.keySet().iterator();
          while (it.hasNext()) {
            K k = it.next();
            visitor.visit(k, map.get(k), it::remove);
          }
          return "keySet().iterator()";
        }
        default: {
          // values() walks the same cursor; pair each value with the key through entrySet order.
          Iterator<Map.Entry<K, V>> it = map.entrySet().iterator();
          while (it.hasNext()) {
            Map.Entry<K, V> e = it.next();
            K k = e.getKey();
            visitor.visit(k, e.getValue(), () -> map.remove(k));
          }
          return "entrySet() with map.remove";
        }
      }
    }
  }

  // ---- key and value sources --------------------------------------------------------------------

  /**
   * How a run draws keys and values. A run alternates 500 operations that mostly put with 500 that
   * mostly remove; a {@code steady} run puts and removes alike throughout.
   */
  record Workload<K, V>(
      String name,
      int ops,
      KeyGen<K> keys,
      Function<Long, K> fresh,
      Function<Random, V> values,
      boolean steady) {

    Workload(String name, int ops, KeyGen<K> keys, Function<Long, K> fresh,
        Function<Random, V> values) {
      this(name, ops, keys, fresh, values, false);
    }
  }

  interface KeyGen<K> {
    K next(Random r, int op);
  }

  static KeyGen<Long> int64Keys(int space) {
    return (r, op) -> {
      int i = r.nextInt(space);
      switch (i) {
        case 0:
          return Long.MIN_VALUE;
        case 1:
          return Long.MAX_VALUE;
        case 2:
          return -1L;
        case 3:
          return 0L;
        default:
          return i * 0x9E3779B97F4A7C15L;
      }
    };
  }

  static KeyGen<Long> int32Keys(int space) {
    return (r, op) -> {
      int i = r.nextInt(space);
      switch (i) {
        case 0:
          return (long) Integer.MIN_VALUE;
        case 1:
          return (long) Integer.MAX_VALUE;
        default:
          return (long) (i - space / 2);
      }
    };
  }

  static KeyGen<Long> uint32Keys(int space) {
    return (r, op) -> {
      int i = r.nextInt(space);
      return i == 0 ? 0xFFFFFFFFL : (i * 2654435761L) & 0xFFFFFFFFL;
    };
  }

  /**
   * Keys that pile into one hot bucket (under {@link TestHashes#LOW16}) which moves every 100
   * operations: the load stays low while overflow buckets accumulate in the buckets left behind.
   */
  static KeyGen<Long> hotBucketKeys() {
    return (r, op) -> {
      long bucket = (op / 100 * 7L) & 63;
      return bucket + ((long) r.nextInt(80) << 16);
    };
  }

  static Workload<Long, Long> longLong(int space, int ops) {
    return new Workload<>("int64 keys", ops, int64Keys(space), n -> (1L << 40) + n,
        Random::nextLong);
  }

  // ---- the driver -------------------------------------------------------------------------

  /** What a run saw, for asserting that the interesting paths were taken. */
  static final class Observed {
    boolean sameSizeGrow;
    boolean iterationStartedMidGrow;
    boolean growthDuringIteration;
    int iterations;
    int maxB;
  }

  static final class Run<K, V> {
    final Subject<K, V> subject;
    final Workload<K, V> workload;
    final long seed;
    final Random r;
    final Map<K, V> model = new HashMap<>();
    final KeyBag<K> present = new KeyBag<>();
    final Deque<String> recent = new ArrayDeque<>();
    final Observed observed = new Observed();
    long freshCounter;
    int op;
    boolean wasGrowing;
    int lastNoverflow;
    int lastB;

    Run(Subject<K, V> subject, Workload<K, V> workload, long seed) {
      this.subject = subject;
      this.workload = workload;
      this.seed = seed;
      this.r = new Random(seed);
    }

    void log(String what) {
      if (recent.size() == 12) {
        recent.removeFirst();
      }
      recent.addLast("#" + op + " " + what);
    }

    Observed run() {
      try {
        for (op = 0; op < workload.ops(); op++) {
          step(op / 500 % 2 == 0);
          check();
        }
        iterate(false);
        return observed;
      } catch (Throwable t) {
        throw new AssertionError(
            "model run failed: " + subject + " / " + workload.name() + " seed=" + seed + " at op "
                + op + "\n  recent operations: " + String.join("\n    ", recent)
                + "\n  state: " + MapInternals.state(subject.map()) + "\n  cause: " + t,
            t);
      }
    }

    void step(boolean fill) {
      if (wasGrowing && r.nextInt(4) == 0) {
        // Iterations that start mid-grow take Go's checkBucket path: make them common.
        iterate(r.nextBoolean());
        return;
      }
      int dice = r.nextInt(1000);
      int putW = workload.steady() ? 400 : fill ? 450 : 150;
      int removeW = workload.steady() ? 400 : fill ? 150 : 450;
      if (dice < putW) {
        K k = workload.keys().next(r, op);
        V v = workload.values().apply(r);
        log("put(" + k + ", " + v + ")");
        V expected = model.containsKey(k) ? model.get(k) : subject.absent();
        assertThat(subject.put(k, v)).as("put(%s) returns the previous value", k)
            .isEqualTo(expected);
        model.put(k, v);
        present.add(k);
      } else if (dice < putW + removeW) {
        K k = present.isEmpty() || r.nextInt(4) == 0
            ? workload.keys().next(r, op) : present.random(r);
        log("remove(" + k + ")");
        V expected = model.containsKey(k) ? model.get(k) : subject.absent();
        assertThat(subject.remove(k)).as("remove(%s) returns the removed value", k)
            .isEqualTo(expected);
        model.remove(k);
        present.remove(k);
      } else if (dice < putW + removeW + 200) {
        K k = present.isEmpty() || r.nextBoolean() ? workload.keys().next(r, op)
            : present.random(r);
        log("get/containsKey(" + k + ")");
        V expected = model.containsKey(k) ? model.get(k) : subject.absent();
        assertThat(subject.get(k)).as("get(%s)", k).isEqualTo(expected);
        assertThat(subject.containsKey(k)).as("containsKey(%s)", k)
            .isEqualTo(model.containsKey(k));
      } else if (dice < 990) {
        K k = workload.fresh().apply(1L << 20 | r.nextInt(1000));
        log("get/containsKey of never-inserted " + k);
        assertThat(subject.containsKey(k)).as("containsKey(%s)", k)
            .isEqualTo(model.containsKey(k));
      } else if (dice < 994) {
        iterate(false);
      } else if (dice < 999) {
        iterate(true);
      } else {
        log("clear()");
        int b = subject.stats().B();
        boolean wasEmpty = model.isEmpty();
        subject.clear();
        model.clear();
        present.clear();
        lastNoverflow = subject.stats().noverflow();
        assertThat(subject.stats().B()).as("clear keeps B").isEqualTo(b);
        if (!wasEmpty) {
          // Go's mapclear returns at once for an empty map; otherwise it resets noverflow.
          assertThat(subject.stats().noverflow()).as("clear resets noverflow").isZero();
        }
      }
    }

    void check() {
      MapInternals.checkInvariants(subject.map());
      assertThat(subject.size()).as("size").isEqualTo(model.size());
      MapStats s = subject.stats();
      assertThat(s.count()).as("stats().count()").isEqualTo(model.size());
      assertThat(s.B()).as("B never shrinks").isGreaterThanOrEqualTo(lastB);
      observed.maxB = Math.max(observed.maxB, s.B());
      // noverflow only drops at a grow or a clear: with B unchanged, that grow was same-size.
      if (s.sameSizeGrow() || (s.B() == lastB && s.noverflow() < lastNoverflow)) {
        observed.sameSizeGrow = true;
      }
      lastB = s.B();
      lastNoverflow = s.noverflow();
      wasGrowing = s.growing();
    }

    /**
     * Iterates the map; with {@code mutate}, removes, adds and updates entries from the loop body.
     * Checks Go's rules: nothing twice, nothing removed before it was reached, every value current,
     * and every entry present throughout returned.
     */
    void iterate(boolean mutate) {
      observed.iterations++;
      Set<K> start = new HashSet<>(model.keySet());
      Set<K> removedDuring = new HashSet<>();
      Set<K> added = new HashSet<>();
      Set<K> returned = new HashSet<>();
      MapStats before = subject.stats();
      if (before.growing()) {
        observed.iterationStartedMidGrow = true;
      }
      int[] grewDuring = {0};
      String flavour = subject.iterate(r, (k, v, removeCurrent) -> {
        assertThat(returned.add(k)).as("iteration returned %s twice", k).isTrue();
        assertThat(model.containsKey(k))
            .as("iteration returned %s, which is absent (removed before it was reached?)", k)
            .isTrue();
        assertThat(start.contains(k) || added.contains(k))
            .as("iteration returned %s, which was never in the map", k).isTrue();
        assertThat(v).as("value of %s returned by iteration", k).isEqualTo(model.get(k));
        if (!mutate) {
          return;
        }
        boolean wasGrowing = subject.stats().growing();
        int b = subject.stats().B();
        int dice = r.nextInt(100);
        if (dice < 8) {
          log("iteration: remove current " + k);
          removeCurrent.run();
          model.remove(k);
          present.remove(k);
          removedDuring.add(k);
        } else if (dice < 25 && !present.isEmpty()) {
          K victim = present.random(r);
          log("iteration: remove " + victim);
          assertThat(subject.remove(victim)).isEqualTo(model.remove(victim));
          present.remove(victim);
          removedDuring.add(victim);
        } else if (dice < 50 && added.size() < 48) {
          int n = 1 + r.nextInt(3);
          for (int j = 0; j < n; j++) {
            K f = workload.fresh().apply(freshCounter++);
            V val = workload.values().apply(r);
            log("iteration: put fresh " + f);
            assertThat(subject.put(f, val)).as("put of fresh key %s", f)
                .isEqualTo(subject.absent());
            model.put(f, val);
            present.add(f);
            added.add(f);
          }
        } else if (dice < 60 && !present.isEmpty()) {
          K u = present.random(r);
          V val = workload.values().apply(r);
          log("iteration: update " + u);
          assertThat(subject.put(u, val)).isEqualTo(model.get(u));
          model.put(u, val);
        } else if (dice < 70) {
          K g = workload.keys().next(r, op);
          assertThat(subject.get(g)).isEqualTo(
              model.containsKey(g) ? model.get(g) : subject.absent());
        }
        MapStats after = subject.stats();
        if (after.B() != b || (after.growing() && !wasGrowing)) {
          grewDuring[0]++;
        }
        MapInternals.checkInvariants(subject.map());
      });
      log((mutate ? "mutating " : "") + "iteration via " + flavour + " over " + start.size()
          + " entries");
      if (grewDuring[0] > 0) {
        observed.growthDuringIteration = true;
      }
      for (K k : start) {
        if (!removedDuring.contains(k)) {
          if (!returned.contains(k)) {
            throw new AssertionError("iteration via " + flavour + " missed " + k);
          }
        }
      }
    }
  }

  // ---- combinations -----------------------------------------------------------------------------

  static LongLongGoMap longLongMap(String hash, String layout, GoType key, GoType elem,
      long seed) {
    return TestPlugins.builder(hash, layout, seed).keyType(key).elemType(elem).buildLongLong();
  }

  static Stream<Arguments> longLongCases() {
    Stream.Builder<Arguments> out = Stream.builder();
    for (long seed : SEEDS) {
      for (String layout : new String[] {TestPlugins.AMD64, TestPlugins.I386, TestPlugins.S390X}) {
        out.add(Arguments.of(layout, "int64", seed));
        out.add(Arguments.of(layout, "int32", seed));
      }
      out.add(Arguments.of(TestPlugins.I386, "uint32", seed));
    }
    return out.build();
  }

  @DisplayName("A LongLongGoMap agrees with a HashMap under random puts, gets, removes, clears and"
      + " iterations with mutation, and keeps its invariants after every operation")
  @ParameterizedTest(name = "{1} keys on {0}, seed {2}")
  @MethodSource("longLongCases")
  void longLongMatchesModel(String layout, String keys, long seed) {
    Subject<Long, Long> subject;
    Workload<Long, Long> workload;
    switch (keys) {
      case "int64":
        subject = new LongLongSubject("map[int64]int64 on " + layout,
            longLongMap(TestHashes.MIX, layout, GoType.INT64, GoType.INT64, seed));
        workload = longLong(700, 4000);
        break;
      case "int32":
        subject = new LongLongSubject("map[int32]int32 on " + layout,
            longLongMap(TestHashes.MIX, layout, GoType.INT32, GoType.INT32, seed));
        workload = new Workload<>("int32 keys", 4000, int32Keys(700), n -> -1_000_000L - n,
            r -> (long) r.nextInt());
        break;
      default:
        subject = new LongLongSubject("map[uint32]uint64 on " + layout,
            longLongMap(TestHashes.MIX, layout, GoType.UINT32, GoType.UINT64, seed));
        workload = new Workload<>("uint32 keys", 4000, uint32Keys(700), n -> 0x8000_0000L + n,
            Random::nextLong);
        break;
    }
    Observed o = new Run<>(subject, workload, seed).run();
    assertThat(o.maxB).as("largest B").isGreaterThanOrEqualTo(5);
    assertThat(o.iterations).as("iterations").isGreaterThan(10);
    assertThat(o.iterationStartedMidGrow).as("an iteration started mid-grow").isTrue();
  }

  static Stream<Arguments> objectCases() {
    Stream.Builder<Arguments> out = Stream.builder();
    for (long seed : SEEDS) {
      out.add(Arguments.of(TestPlugins.AMD64, "Long->String", seed));
      out.add(Arguments.of(TestPlugins.I386, "Long->String", seed));
      out.add(Arguments.of(TestPlugins.AMD64, "String->Integer", seed));
      out.add(Arguments.of(TestPlugins.S390X, "String->Integer", seed));
    }
    return out.build();
  }

  @DisplayName("A GoMap of objects agrees with a HashMap under random operations, including null"
      + " keys and values, and keeps its invariants after every operation")
  @ParameterizedTest(name = "{1} on {0}, seed {2}")
  @MethodSource("objectCases")
  void objectMapMatchesModel(String layout, String types, long seed) {
    Observed o;
    if (types.equals("Long->String")) {
      GoMap<Long, String> map = TestPlugins.builder(layout, seed).build();
      o = new Run<>(new GoMapSubject<>("GoMap<Long,String> on " + layout, map),
          new Workload<Long, String>("Long keys", 4000, int64Keys(700), n -> (1L << 40) + n,
              r -> r.nextInt(20) == 0 ? null : "v" + r.nextInt(1000)),
          seed).run();
    } else {
      GoMap<String, Integer> map = TestPlugins.builder(layout, seed).build();
      KeyGen<String> keys = (r, op) -> {
        int i = r.nextInt(700);
        return i == 0 ? null : i == 1 ? "" : "key-" + i;
      };
      o = new Run<>(new GoMapSubject<>("GoMap<String,Integer> on " + layout, map),
          new Workload<String, Integer>("String keys", 4000, keys, n -> "fresh-" + n,
              r -> r.nextInt(20) == 0 ? null : r.nextInt()),
          seed).run();
    }
    assertThat(o.maxB).as("largest B").isGreaterThanOrEqualTo(5);
  }

  static Stream<Arguments> collidingCases() {
    Stream.Builder<Arguments> out = Stream.builder();
    for (long seed : SEEDS) {
      out.add(Arguments.of(TestPlugins.AMD64, seed));
      out.add(Arguments.of(TestPlugins.I386, seed));
    }
    return out.build();
  }

  @DisplayName("Under a hash that piles keys into a few moving hot buckets, a LongLongGoMap stays"
      + " correct through long overflow chains and grows at the same size when overflow buckets"
      + " reach 2^B")
  @ParameterizedTest(name = "hot buckets on {0}, seed {1}")
  @MethodSource("collidingCases")
  void hotBucketsForceSameSizeGrowth(String layout, long seed) {
    LongLongGoMap map = longLongMap(TestHashes.LOW16, layout, GoType.INT64, GoType.INT64, seed);
    Observed o = new Run<>(new LongLongSubject("map[int64]int64 (hot buckets) on " + layout, map),
        new Workload<>("hot-bucket keys", 4000, hotBucketKeys(), n -> (1L << 40) + n,
            Random::nextLong, true),
        seed).run();
    assertThat(o.sameSizeGrow).as("a same-size grow was observed (seed %s)", seed).isTrue();
  }

  @DisplayName("When every key hashes alike, tophash included, maps still agree with a HashMap")
  @ParameterizedTest(name = "constant hash on {0}, seed {1}")
  @MethodSource("collidingCases")
  void constantHashMatchesModel(String layout, long seed) {
    LongLongGoMap map = longLongMap(TestHashes.CONSTANT, layout, GoType.INT64, GoType.INT64, seed);
    Observed o = new Run<>(new LongLongSubject("map[int64]int64 (constant hash) on " + layout, map),
        longLong(120, 2500), seed).run();
    assertThat(o.maxB).isGreaterThan(0);
    assertThat(map.stats().overflowBuckets() + MapInternals.state(map).noverflow()).isPositive();

    GoMap<String, Integer> strings =
        TestPlugins.builder(TestHashes.BUCKET0, layout, seed).build();
    KeyGen<String> keys = (r, op) -> "s" + r.nextInt(200);
    new Run<>(new GoMapSubject<>("GoMap<String,Integer> (bucket 0) on " + layout, strings),
        new Workload<String, Integer>("String keys", 2500, keys, n -> "fresh-" + n,
            Random::nextInt),
        seed).run();
  }

  @DisplayName("The test builder resolves every test hash on every test layout")
  @Test
  void builderResolves() {
    for (String h : new String[] {TestHashes.MIX, TestHashes.CONSTANT, TestHashes.BUCKET0,
        TestHashes.LOW16}) {
      for (String layout : new String[] {TestPlugins.AMD64, TestPlugins.I386, TestPlugins.S390X}) {
        GoMaps.Builder b = TestPlugins.builder(h, layout, 1);
        assertThat(b.describe()).contains("hash=" + h, "layout=" + layout, "growth=go119",
            "seed=1");
        LongLongGoMap m = b.buildLongLong();
        m.put(1, 2);
        assertThat(m.get(1)).isEqualTo(2);
      }
    }
  }
}
