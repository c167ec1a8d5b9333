package io.gomap4j.tck;

import io.gomap4j.api.GoMap;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.api.MapStats;
import io.gomap4j.engine.internal.MapInternals;
import io.gomap4j.spi.GrowthPolicy;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The behavioural contract every combination of plugins must keep: a map that agrees with
 * {@link java.util.HashMap} under random operations, keeps Go's structural invariants after every
 * one, iterates under Go's rules and reports misuse.
 */
public final class MapContract {

  private MapContract() {}

  /** Every check of the contract, in a stable order. */
  public static List<TckCheck> checks() {
    return List.of(
        new LongLongModel(),
        new ObjectModel(),
        new IterationAcrossGrowth(),
        new IterationAcrossShrink(),
        new DeleteDuringIteration(),
        new UpdateDuringIteration(),
        new ClearKeepsBuckets(),
        new MisuseDetected(),
        new ReproducibleOrder());
  }

  /** The checks whose ids are in {@code ids}; see {@link TckRunner#select}. */
  public static List<TckCheck> checks(List<String> ids) {
    return TckRunner.select(checks(), ids);
  }

  static void invariants(Object map, String context) {
    try {
      MapInternals.checkInvariants(map);
    } catch (IllegalStateException e) {
      throw new AssertionError("structural invariant broken after " + context + ": "
          + e.getMessage() + ". Check the growth policy's decisions and the hash's stability.", e);
    }
  }

  static AssertionError mismatch(String rule, String context, Object ours, Object expected) {
    return new AssertionError(rule + " after " + context + ": the map gave " + ours
        + ", java.util.HashMap gives " + expected);
  }

  /** Keys drawn from a small range (to hit existing keys) or from all of long. */
  static long key(SplittableRandom r, int range) {
    switch (r.nextInt(4)) {
      case 0:
        return r.nextLong();
      case 1:
        return r.nextLong() >>> r.nextInt(64);
      default:
        return r.nextInt(range) - range / 4;
    }
  }

  // ---------------------------------------------------------------------------------------------

  static final class LongLongModel implements TckCheck {
    @Override
    public String id() {
      return "map.model.longlong";
    }

    @Override
    public String description() {
      return "LongLongGoMap agrees with HashMap over random put, get, remove, iterate and clear,"
          + " and keeps Go's invariants after every operation";
    }

    @Override
    public void run(Combination c, long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      LongLongGoMap map = c.longLongMap(seed);
      Map<Long, Long> model = new HashMap<>();
      int ops = 6000;
      for (int op = 0; op < ops; op++) {
        // Three phases: grow, churn, shrink, so that growth and deletion both run long.
        int phase = op * 3 / ops;
        int range = 2400;
        int dice = r.nextInt(100);
        String ctx;
        int putShare = phase == 0 ? 70 : phase == 1 ? 45 : 15;
        if (dice < putShare) {
          long k = key(r, range);
          long v = r.nextLong();
          ctx = "op " + op + " put(" + k + ", " + v + ")";
          long prev = map.put(k, v);
          Long expected = model.put(k, v);
          if (prev != (expected == null ? 0 : expected)) {
            throw mismatch("put must return the previous value or 0", ctx, prev, expected);
          }
        } else if (dice < putShare + 25) {
          long k = r.nextBoolean() && !model.isEmpty() ? anyKey(model, r) : key(r, range);
          ctx = "op " + op + " remove(" + k + ")";
          long prev = map.remove(k);
          Long expected = model.remove(k);
          if (prev != (expected == null ? 0 : expected)) {
            throw mismatch("remove must return the removed value or 0", ctx, prev, expected);
          }
        } else if (dice < 98) {
          long k = key(r, range);
          ctx = "op " + op + " get(" + k + ")";
          Long expected = model.get(k);
          if (map.containsKey(k) != (expected != null)) {
            throw mismatch("containsKey must tell present keys", ctx, map.containsKey(k),
                expected != null);
          }
          if (map.getOrDefault(k, -7) != (expected == null ? -7 : expected)) {
            throw mismatch("getOrDefault must return the value", ctx, map.getOrDefault(k, -7),
                expected);
          }
        } else if (dice < 100 && op % 7 != 0) {
          ctx = "op " + op + " forEach";
          String where = ctx;
          Map<Long, Long> seen = new HashMap<>();
          map.forEach((k, v) -> {
            if (seen.put(k, v) != null) {
              throw new AssertionError("iteration returned key " + k + " twice at " + where);
            }
          });
          if (!seen.equals(model)) {
            throw mismatch("iteration must return every entry once", ctx, seen.size() + " entries",
                model.size() + " entries");
          }
        } else {
          ctx = "op " + op + " clear()";
          if (r.nextInt(4) == 0) {
            map.clear();
            model.clear();
          }
        }
        if (map.size() != model.size()) {
          throw mismatch("size must count the entries", ctx, map.size(), model.size());
        }
        invariants(map, ctx);
      }
      if (!new HashMap<>(map.boxed()).equals(model)) {
        throw new AssertionError("the boxed view differs from the model at the end");
      }
    }
  }

  static long anyKey(Map<Long, ?> model, SplittableRandom r) {
    int skip = r.nextInt(Math.min(model.size(), 16));
    Iterator<Long> it = model.keySet().iterator();
    for (int i = 0; i < skip; i++) {
      it.next();
    }
    return it.next();
  }

  // ---------------------------------------------------------------------------------------------

  static final class ObjectModel implements TckCheck {
    @Override
    public String id() {
      return "map.model.objects";
    }

    @Override
    public String description() {
      return "GoMap of Java objects agrees with HashMap over put, get, remove, putIfAbsent, compute,"
          + " merge, entry updates, iteration with removal and clear, null and NaN keys included";
    }

    private static Object objectKey(SplittableRandom r) {
      switch (r.nextInt(8)) {
        case 0:
          return "k" + r.nextInt(600);
        case 1:
          return (long) r.nextInt(600);
        case 2:
          return r.nextInt(600);
        case 3:
          double[] specials = {0.0, -0.0, Double.NaN, 1.5, Double.POSITIVE_INFINITY};
          return r.nextBoolean() ? specials[r.nextInt(specials.length)] : (double) r.nextInt(50);
        case 4:
          return r.nextInt(40) == 0 ? null : "s" + r.nextInt(50);
        case 5:
          return List.of(r.nextInt(30), r.nextInt(3));
        default:
          return "long-string-key-" + "x".repeat(r.nextInt(40)) + r.nextInt(300);
      }
    }

    @Override
    public void run(Combination c, long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      GoMap<Object, Object> map = c.map(seed);
      Map<Object, Object> model = new HashMap<>();
      for (int op = 0; op < 5000; op++) {
        Object k = objectKey(r);
        Object v = r.nextInt(20) == 0 ? null : (Object) r.nextInt(1000);
        String ctx;
        int dice = r.nextInt(100);
        Object ours;
        Object expected;
        if (dice < 35) {
          ctx = "op " + op + " put(" + k + ", " + v + ")";
          ours = map.put(k, v);
          expected = model.put(k, v);
        } else if (dice < 50) {
          ctx = "op " + op + " remove(" + k + ")";
          ours = map.remove(k);
          expected = model.remove(k);
        } else if (dice < 65) {
          ctx = "op " + op + " get(" + k + ")";
          ours = map.get(k) + "/" + map.containsKey(k);
          expected = model.get(k) + "/" + model.containsKey(k);
        } else if (dice < 72) {
          ctx = "op " + op + " putIfAbsent(" + k + ", " + v + ")";
          ours = map.putIfAbsent(k, v);
          expected = model.putIfAbsent(k, v);
        } else if (dice < 79) {
          int delta = r.nextInt(5);
          ctx = "op " + op + " compute(" + k + ", +" + delta + ")";
          ours = map.compute(k, (kk, old) -> old == null ? (delta == 0 ? null : delta)
              : (old instanceof Integer ? (Integer) old + delta : null));
          expected = model.compute(k, (kk, old) -> old == null ? (delta == 0 ? null : delta)
              : (old instanceof Integer ? (Integer) old + delta : null));
        } else if (dice < 85) {
          int add = 1 + r.nextInt(3);
          ctx = "op " + op + " merge(" + k + ", " + add + ")";
          ours = map.merge(k, add, (a, b) -> a instanceof Integer ? (Integer) a + (Integer) b : b);
          expected = model.merge(k, add,
              (a, b) -> a instanceof Integer ? (Integer) a + (Integer) b : b);
        } else if (dice < 91) {
          ctx = "op " + op + " entrySet update";
          for (Map.Entry<Object, Object> e : map.entrySet()) {
            if (e.getValue() instanceof Integer && ((Integer) e.getValue()) % 3 == 0) {
              e.setValue(-1);
            }
          }
          model.replaceAll((kk, vv) -> vv instanceof Integer && ((Integer) vv) % 3 == 0 ? -1 : vv);
          ours = map.size();
          expected = model.size();
        } else if (dice < 97) {
          ctx = "op " + op + " iterator removal of odd values";
          Iterator<Map.Entry<Object, Object>> it = map.entrySet().iterator();
          while (it.hasNext()) {
            Object val = it.next().getValue();
            if (val instanceof Integer && ((Integer) val) % 2 != 0) {
              it.remove();
            }
          }
          model.values().removeIf(val -> val instanceof Integer && ((Integer) val) % 2 != 0);
          ours = map.size();
          expected = model.size();
        } else if (dice < 99) {
          ctx = "op " + op + " equals";
          ours = map.equals(model) + "/" + model.equals(map) + "/"
              + (map.hashCode() == model.hashCode());
          expected = "true/true/true";
        } else {
          ctx = "op " + op + " clear()";
          map.clear();
          model.clear();
          ours = map.size();
          expected = 0;
        }
        if (!Objects.equals(ours, expected)) {
          throw mismatch("the Map contract", ctx, ours, expected);
        }
        if (map.size() != model.size()) {
          throw mismatch("size must count the entries", ctx, map.size(), model.size());
        }
        invariants(map, ctx);
      }
      if (!map.equals(model)) {
        throw new AssertionError("the map differs from the model at the end");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  static final class IterationAcrossGrowth implements TckCheck {
    @Override
    public String id() {
      return "map.iteration.growth";
    }

    @Override
    public String description() {
      return "an iteration returns every entry present throughout exactly once, and nothing twice,"
          + " while inserts during it make the map grow, also when it starts in mid-grow";
    }

    @Override
    public void run(Combination c, long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      for (int round = 0; round < 12; round++) {
        LongLongGoMap map = c.longLongMap(seed + round);
        int initial = 5 + r.nextInt(round < 6 ? 60 : 900);
        Set<Long> present = new HashSet<>();
        for (int i = 0; i < initial; i++) {
          long k = r.nextLong();
          map.put(k, k);
          present.add(k);
        }
        String ctx = "round " + round + " (" + initial + " entries, grew during: "
            + map.stats().growing() + ")";
        Set<Long> seen = new HashSet<>();
        Set<Long> added = new HashSet<>();
        int[] steps = {0};
        boolean[] grew = {false};
        int startB = map.stats().B();
        map.forEach((k, v) -> {
          if (!seen.add(k)) {
            throw new AssertionError("iteration returned key " + k + " twice in " + ctx);
          }
          if (v != k) {
            throw new AssertionError("iteration returned value " + v + " for key " + k
                + " in " + ctx);
          }
          if (!present.contains(k) && !added.contains(k)) {
            throw new AssertionError("iteration returned key " + k + " that was never put");
          }
          // Insert new keys while iterating, enough to force at least one grow.
          for (int j = 0; j < 3; j++) {
            long nk = r.nextLong();
            if (!present.contains(nk)) {
              added.add(nk);
              map.put(nk, nk);
            }
          }
          steps[0]++;
          grew[0] |= map.stats().B() != startB;
        });
        for (long k : present) {
          if (!seen.contains(k)) {
            throw new AssertionError("iteration missed key " + k + " present throughout, in "
                + ctx);
          }
        }
        invariants(map, "iteration with inserts, " + ctx);
        if (!grew[0]) {
          throw new AssertionError("the map did not grow during iteration in " + ctx
              + "; the check needs growth: inserted " + added.size() + " keys");
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Iterations while deletes drain the map: under a policy that shrinks (the SPI's {@code HALVE})
   * the map shrinks during them, or they start in mid-shrink; under one that does not, this is an
   * iteration with many deletes and some inserts.
   */
  static final class IterationAcrossShrink implements TckCheck {
    @Override
    public String id() {
      return "map.iteration.shrink";
    }

    @Override
    public String description() {
      return "an iteration returns every entry present throughout exactly once, nothing twice and"
          + " nothing deleted, while deletes during it drain the map (and shrink it, under a"
          + " policy that shrinks), also when it starts in mid-shrink";
    }

    /**
     * A {@code (countAfter, B)} for which the policy's {@code onDelete} answers {@code HALVE}, in
     * a small grid of B from 1 to 10 and counts up to 7 entries per bucket, or null if none: then
     * the policy is taken not to shrink.
     */
    static String halvingProbe(GrowthPolicy policy) {
      for (int b = 1; b <= 10; b++) {
        long n = 1L << b;
        Set<Long> counts = new java.util.TreeSet<>();
        for (long k = 0; k <= 16; k++) {
          counts.add(k);
        }
        for (long k = 0; k <= 28; k++) {
          counts.add(k * n / 4);
        }
        for (long count : counts) {
          if (policy.onDelete(count, b, 0) == GrowthPolicy.Grow.HALVE) {
            return "onDelete(" + count + ", B=" + b + ", noverflow=0) answers HALVE";
          }
        }
      }
      return null;
    }

    @Override
    public void run(Combination c, long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      String halves = halvingProbe(c.growth());
      boolean anyShrink = false;
      for (int round = 0; round < 12; round++) {
        LongLongGoMap map = c.longLongMap(seed + round);
        int n = 40 + r.nextInt(round < 6 ? 200 : 1500);
        List<Long> live = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          long k = r.nextLong();
          if (!map.containsKey(k)) {
            map.put(k, k);
            live.add(k);
          }
        }
        if (round % 2 == 1) {
          // Delete until a shrink is in progress (or most entries are gone): the iteration then
          // starts in mid-shrink.
          while (!map.stats().shrinking() && live.size() > n / 8) {
            map.remove(live.remove(r.nextInt(live.size())));
          }
        }
        boolean startedShrinking = map.stats().shrinking();
        Set<Long> present = new HashSet<>(live);
        Set<Long> deleted = new HashSet<>();
        Set<Long> seen = new HashSet<>();
        boolean[] shrank = {false};
        String ctx = "round " + round + " (" + present.size() + " entries, started in mid-shrink: "
            + startedShrinking + ")";
        map.forEach((k, v) -> {
          if (!seen.add(k)) {
            throw new AssertionError("iteration returned key " + k + " twice in " + ctx
                + "; shrinking during it: " + shrank[0]);
          }
          if (deleted.contains(k)) {
            throw new AssertionError("iteration returned key " + k + " after it was deleted, in "
                + ctx);
          }
          if (v != k) {
            throw new AssertionError("iteration returned value " + v + " for key " + k
                + " in " + ctx);
          }
          // Drain: delete about two entries per entry returned, and add a fresh one now and then.
          for (int j = 0; j < 2 && !live.isEmpty(); j++) {
            long victim = live.remove(r.nextInt(live.size()));
            deleted.add(victim);
            map.remove(victim);
          }
          if (r.nextInt(4) == 0) {
            long fresh = r.nextLong();
            if (!present.contains(fresh) && !deleted.contains(fresh) && !map.containsKey(fresh)) {
              map.put(fresh, fresh);
            }
          }
          shrank[0] |= map.stats().shrinking();
        });
        for (long k : present) {
          if (!deleted.contains(k) && !seen.contains(k)) {
            throw new AssertionError("iteration missed key " + k + " present throughout, in "
                + ctx + "; shrinking during it: " + shrank[0]);
          }
        }
        invariants(map, "iteration with deletes draining the map, " + ctx);
        anyShrink |= startedShrinking || shrank[0];
      }
      if (halves != null && !anyShrink) {
        throw new AssertionError("map.iteration.shrink needs a shrink: the growth policy "
            + c.growth().name() + " can shrink (" + halves + "), but no iteration of 12 rounds"
            + " started in mid-shrink or saw the map shrinking while deletes drained it. Check"
            + " that the engine acts on onDelete's HALVE, and onDelete's threshold");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  static final class DeleteDuringIteration implements TckCheck {
    @Override
    public String id() {
      return "map.iteration.delete";
    }

    @Override
    public String description() {
      return "an entry deleted during an iteration before the iterator reaches it is never"
          + " returned, and every other entry is returned once";
    }

    @Override
    public void run(Combination c, long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      for (int round = 0; round < 10; round++) {
        GoMap<Long, Long> map = c.<Long, Long>map(seed + round);
        int n = 20 + r.nextInt(1500);
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          long k = r.nextLong();
          map.put(k, (long) i);
          keys.add(k);
        }
        Set<Long> deleted = new HashSet<>();
        Set<Long> seen = new HashSet<>();
        Iterator<Long> it = map.keySet().iterator();
        while (it.hasNext()) {
          long k = it.next();
          if (deleted.contains(k)) {
            throw new AssertionError("round " + round + ": iteration returned key " + k
                + " after it was deleted");
          }
          if (!seen.add(k)) {
            throw new AssertionError("round " + round + ": iteration returned key " + k
                + " twice");
          }
          long victim = keys.get(r.nextInt(keys.size()));
          if (!seen.contains(victim) && deleted.add(victim)) {
            map.remove(victim);
          }
          if (r.nextInt(5) == 0) {
            it.remove();
            deleted.add(k);
          }
        }
        for (long k : keys) {
          if (!deleted.contains(k) && !seen.contains(k)) {
            throw new AssertionError("round " + round + ": iteration missed key " + k);
          }
        }
        for (long k : deleted) {
          if (map.containsKey(k)) {
            throw new AssertionError("round " + round + ": deleted key " + k + " is present");
          }
        }
        invariants(map, "iteration with deletes, round " + round);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  static final class UpdateDuringIteration implements TckCheck {
    @Override
    public String id() {
      return "map.iteration.update";
    }

    @Override
    public String description() {
      return "an entry whose value is replaced during an iteration, before the iterator reaches"
          + " it, is returned once with its new value, also when the map is in mid-grow";
    }

    @Override
    public void run(Combination c, long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      for (int round = 0; round < 10; round++) {
        LongLongGoMap map = c.longLongMap(seed + round);
        int n = 20 + r.nextInt(1500);
        List<Long> keys = new ArrayList<>();
        Map<Long, Long> current = new HashMap<>();
        for (int i = 0; i < n; i++) {
          long k = r.nextLong();
          map.put(k, i);
          keys.add(k);
          current.put(k, (long) i);
        }
        String ctx = "round " + round + " (" + n + " entries, growing: " + map.stats().growing()
            + ")";
        Set<Long> seen = new HashSet<>();
        map.forEach((k, v) -> {
          if (!seen.add(k)) {
            throw new AssertionError(ctx + ": iteration returned key " + k + " twice");
          }
          long expected = current.get(k);
          if (v != expected) {
            throw new AssertionError(ctx + ": iteration returned key " + k + " with value " + v
                + ", but it was replaced by " + expected + " before the iterator reached it");
          }
          for (int j = 0; j < 2; j++) {
            long victim = keys.get(r.nextInt(keys.size()));
            long nv = r.nextLong();
            map.put(victim, nv);
            current.put(victim, nv);
          }
        });
        if (seen.size() != n) {
          throw new AssertionError(ctx + ": iteration returned " + seen.size() + " of " + n
              + " keys while values were replaced");
        }
        invariants(map, "iteration with value updates, " + ctx);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  static final class ClearKeepsBuckets implements TckCheck {
    @Override
    public String id() {
      return "map.clear";
    }

    @Override
    public String description() {
      return "clear empties the map and keeps its buckets (B never shrinks), also in mid-grow and"
          + " during an iteration, which then returns nothing more";
    }

    @Override
    public void run(Combination c, long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      LongLongGoMap map = c.longLongMap(seed);
      for (int round = 0; round < 6; round++) {
        int n = 30 + r.nextInt(2000);
        for (int i = 0; i < n; i++) {
          map.put(r.nextLong(), i);
        }
        MapStats before = map.stats();
        boolean[] cleared = {false};
        int[] after = {0};
        map.forEach((k, v) -> {
          if (cleared[0]) {
            after[0]++;
          } else if (r.nextInt(4) == 0) {
            map.clear();
            cleared[0] = true;
          }
        });
        if (!cleared[0]) {
          map.clear();
        }
        if (after[0] != 0) {
          throw new AssertionError("round " + round + ": iteration returned " + after[0]
              + " entries after clear()");
        }
        MapStats s = map.stats();
        if (s.count() != 0 || map.size() != 0) {
          throw new AssertionError("round " + round + ": clear left " + s.count() + " entries");
        }
        if (s.B() < before.B()) {
          throw new AssertionError("round " + round + ": clear shrank B from " + before.B()
              + " to " + s.B() + "; Go keeps the bucket array");
        }
        if (s.growing() || s.noverflow() != 0) {
          throw new AssertionError("round " + round + ": clear must end any grow and reset"
              + " noverflow, got " + s);
        }
        invariants(map, "clear, round " + round);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** A key that calls back into the map from {@code equals}, to overlap two operations. */
  static final class ReentrantKey {
    final int id;
    Runnable onEquals;

    ReentrantKey(int id) {
      this.id = id;
    }

    @Override
    public boolean equals(Object o) {
      if (onEquals != null) {
        Runnable run = onEquals;
        onEquals = null;
        run.run();
      }
      return o instanceof ReentrantKey && ((ReentrantKey) o).id == id;
    }

    @Override
    public int hashCode() {
      return 7;
    }

    @Override
    public String toString() {
      return "ReentrantKey" + id;
    }
  }

  static final class MisuseDetected implements TckCheck {
    @Override
    public String id() {
      return "map.misuse";
    }

    @Override
    public String description() {
      return "a read, write or iteration that overlaps a write is refused with Go's message"
          + " (concurrent map read and map write / writes / iteration and map write), and the"
          + " map stays intact";
    }

    @Override
    public void run(Combination c, long seed) {
      GoMap<Object, Object> map = c.map(seed);
      ReentrantKey a = new ReentrantKey(1);
      // Same hashCode, so the stored key and every probe share a bucket and a tophash.
      map.put(a, "a");
      for (int i = 0; i < 40; i++) {
        map.put("filler" + i, i);
      }
      Map<Object, Object> snapshot = new HashMap<>(map);
      expect(map, snapshot, a, () -> map.get("filler1"), "concurrent map read and map write");
      expect(map, snapshot, a, () -> map.put("other", 1), "concurrent map writes");
      expect(map, snapshot, a, () -> map.remove("filler2"), "concurrent map writes");
      expect(map, snapshot, a, () -> map.keySet().iterator().hasNext(),
          "concurrent map iteration and map write");
    }

    private static void expect(GoMap<Object, Object> map, Map<Object, Object> snapshot,
        ReentrantKey a, Runnable inner, String message) {
      // The map compares the key being put with the stored one through the new key's equals.
      ReentrantKey probe = new ReentrantKey(a.id);
      probe.onEquals = inner;
      Throwable thrown = null;
      try {
        map.put(probe, "b");
      } catch (ConcurrentModificationException e) {
        thrown = e;
      }
      if (thrown == null) {
        throw new AssertionError("an operation overlapping a put was not refused; expected a"
            + " ConcurrentModificationException(\"" + message + "\")");
      }
      if (!message.equals(thrown.getMessage())) {
        throw new AssertionError("expected Go's message \"" + message + "\", got \""
            + thrown.getMessage() + "\"");
      }
      invariants(map, "refused misuse (" + message + ")");
      if (!new HashMap<>(map).equals(snapshot)) {
        throw new AssertionError("the refused misuse (" + message + ") changed the map");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  static final class ReproducibleOrder implements TckCheck {
    @Override
    public String id() {
      return "map.order";
    }

    @Override
    public String description() {
      return "a fixed seed and key material give the same iteration order on every run, and"
          + " different seeds give different orders";
    }

    private static List<Long> order(Combination c, long mapSeed, long dataSeed) {
      LongLongGoMap map = c.longLongMap(mapSeed);
      SplittableRandom r = new SplittableRandom(dataSeed);
      for (int i = 0; i < 300; i++) {
        map.put(r.nextLong(), i);
      }
      List<Long> out = new ArrayList<>();
      map.forEach((k, v) -> out.add(k));
      return out;
    }

    @Override
    public void run(Combination c, long seed) {
      List<Long> first = order(c, seed, seed);
      List<Long> again = order(c, seed, seed);
      if (!first.equals(again)) {
        throw new AssertionError("two maps with seed " + seed + " and the same key material and"
            + " operations iterated in different orders");
      }
      Set<List<Long>> orders = new HashSet<>();
      for (int i = 0; i < 8; i++) {
        orders.add(order(c, seed + 1 + i, seed));
      }
      if (orders.size() < 2) {
        throw new AssertionError("8 maps with different seeds all iterated in one order;"
            + " iteration must start at a random bucket and offset");
      }
    }
  }
}
