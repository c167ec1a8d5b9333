package io.gomap4j.tck.kit;

import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.internal.MapInternals;
import io.gomap4j.engine.internal.MapState;
import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.GrowthPolicy.Grow;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.tck.Combination;
import io.gomap4j.tck.TckCheck;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The kit for a {@link GrowthPolicy} plugin. Subclass it in a test and implement
 * {@link #createGrowthPolicy()}; a policy that shrinks maps declares {@link Capability#SHRINKS}
 * in {@link #capabilities()}.
 *
 * <p>The {@code growth.*} checks ask the policy directly over a grid of counts, bucket counts and
 * overflow counters; the {@code growth.map.*} checks drive maps with it (with a sound hash of the
 * kit's own and a 64-bit gc layout) and watch its {@code hmap} fields (count, B, growing,
 * nevacuate), as {@link io.gomap4j.api.MapStats} reports them. Both judge the load against
 * {@link #loadBound()}, Go's 6.5 entries per bucket unless the author overrides it.
 */
public abstract class GrowthPolicyVerification extends Verification {

  /** The largest B the grid asks about, as Go's B is below 31 on any real heap. */
  public static final int MAX_B = 30;

  private static final PlatformLayout KIT_LAYOUT =
      new GcPlatformLayout(new Platform("tck-64", 8, 8, ByteOrder.LITTLE_ENDIAN)) {
        @Override
        public int spiVersion() {
          return SPI_VERSION;
        }
      };

  /** The plugin under test; called once per check, so return a fresh or an immutable instance. */
  protected abstract GrowthPolicy createGrowthPolicy();

  /**
   * The most entries per bucket the policy lets a map hold: Go's 6.5 by default. A map of
   * {@code 2^B} buckets holds at most {@link #maxEntries(int)} entries.
   */
  protected double loadBound() {
    return 6.5;
  }

  /** The most entries {@code 2^B} buckets may hold: the load bound, and never less than one full bucket (8). */
  protected final long maxEntries(int B) {
    return Math.max(8, (long) Math.floor(loadBound() * Math.pow(2, B)));
  }

  @Override
  public String subject() {
    return "growth " + createGrowthPolicy().name();
  }

  @Override
  public List<KitCheck> checks() {
    String bound = "the load bound (" + loadBound() + " entries per bucket, 8 in a single bucket)";
    return List.of(
        KitCheck.of("growth.identity",
            "the policy has a non-blank name and reports SPI version " + GrowthPolicy.SPI_VERSION,
            this::identity),
        KitCheck.of("growth.name", NAME_CONTRACT,
            seed -> assertName(createGrowthPolicy().name())),
        KitCheck.of("growth.name.unique", NAME_UNIQUE_CONTRACT, seed -> {
          GrowthPolicy plugin = createGrowthPolicy();
          assertUnique(PluginKind.GROWTH, plugin, plugin.name());
        }),
        KitCheck.of("growth.answers",
            "onInsert answers NONE, DOUBLE or SAME_SIZE and onDelete NONE or HALVE (HALVE only"
                + " for B > 0), never null",
            this::answers),
        KitCheck.of("growth.load.bound",
            "onInsert answers DOUBLE whenever the insert would take a map past " + bound,
            this::loadBoundDecisions),
        KitCheck.of("growth.hint",
            "initialB(hint) is in 0.." + MAX_B + " and its buckets hold hint entries within "
                + bound + " without a DOUBLE",
            this::hintDecisions),
        KitCheck.of("growth.evacuation.bounded",
            "extraEvacuationsPerWrite() is at least 1, so a grow of 2^B old buckets finishes"
                + " within 2^B writes",
            this::evacuationBounded),
        KitCheck.of("growth.shrink.bound",
            "a shrinking policy answers HALVE only when the entries fit half the buckets within "
                + bound + ", and does answer it for a sparse map",
            this::shrinkBound),
        KitCheck.of("growth.shrink.never",
            "a policy that does not declare SHRINKS never answers HALVE",
            this::shrinkNever),
        KitCheck.of("growth.map.load",
            "after every insert and delete, a map holds at most " + bound,
            this::mapLoad),
        KitCheck.of("growth.map.evacuation",
            "a grow finishes within ceil(2^oldB / extraEvacuationsPerWrite) writes, and its"
                + " evacuation mark only advances",
            this::mapEvacuation),
        KitCheck.of("growth.map.hint",
            "a map made with a size hint takes that many inserts without doubling",
            this::mapHint),
        KitCheck.of("growth.map.integrity",
            "no entry is lost or duplicated through any growth: every key reads back its value and"
                + " an iteration returns each entry once, before, during and after each grow",
            this::mapIntegrity),
        KitCheck.of("growth.map.shrink",
            "deleting most entries from a map of a shrinking policy lowers B, within the load"
                + " bound and without losing or duplicating an entry",
            this::mapShrink),
        KitCheck.of("growth.map.noshrink",
            "deleting entries from a map of a policy that does not declare SHRINKS never lowers B",
            this::mapNoShrink));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private boolean shrinks() {
    return capabilities().contains(Capability.SHRINKS);
  }

  /**
   * Counts worth asking about for {@code 2^B} buckets: empty, sparse, near the bound, over it, and
   * around the bound of half the buckets ({@code maxEntries(B - 1)}), where a halving threshold
   * must stop.
   */
  private List<Long> counts(int B) {
    long n = 1L << B;
    long m = maxEntries(B);
    TreeSet<Long> out = new TreeSet<>(List.of(0L, 1L, 7L, 8L, 9L, n / 4, n / 2, n, 2 * n,
        4 * n, m - 1, m, m + 1, 2 * m, 8 * n + 1));
    if (B > 0) {
      long h = maxEntries(B - 1);
      out.addAll(List.of(h - 2, h - 1, h, h + 1, h + 2, h + Math.max(3, n / 16),
          h + Math.max(4, n / 8), (2 * n + h) / 2, 3 * n));
    }
    out.removeIf(c -> c < 0);
    return new ArrayList<>(out);
  }

  private static List<Integer> overflows(int B) {
    int n = 1 << Math.min(B, 15);
    return new ArrayList<>(new TreeSet<>(List.of(0, 1, n - 1, n, 65535)));
  }

  private LongLongGoMap map(GrowthPolicy policy, long seed, long hint) {
    return new Combination(ReferenceHash.INSTANCE, KIT_LAYOUT, policy).builder(seed)
        .expectedSize(hint).buildLongLong();
  }

  private void loadWithinBound(MapState s, String when) {
    if (s.count() > maxEntries(s.B())) {
      throw new AssertionError(when + " the map holds " + s.count() + " entries in 2^" + s.B()
          + " buckets, above " + maxEntries(s.B()) + " (load bound " + loadBound()
          + "). Check onInsert: it must answer DOUBLE before the load passes the bound"
          + (shrinks() ? ", and onDelete must not HALVE into an overloaded map" : ""));
    }
  }

  /**
   * Stops a check that cannot do its work because the map does not grow: a map far over the load
   * bound turns every insert into a scan.
   */
  private void notOverloaded(MapState s, String check) {
    if (s.count() > 8 * maxEntries(s.B())) {
      throw new AssertionError(check + " needs a map that grows, but it holds " + s.count()
          + " entries in 2^" + s.B() + " buckets, 8 times the load bound. Check onInsert (see"
          + " growth.load.bound and growth.map.load)");
    }
  }

  /**
   * Go's structural invariants hold, every key of {@code model} reads back its value, and an
   * iteration returns exactly the model.
   */
  private static void intact(LongLongGoMap map, Map<Long, Long> model, String when) {
    try {
      MapInternals.checkInvariants(map);
    } catch (IllegalStateException e) {
      throw new AssertionError(when + " a structural invariant is broken: " + e.getMessage()
          + ". Check the decisions the policy made before this point", e);
    }
    if (map.size() != model.size()) {
      throw new AssertionError(when + " the map has " + map.size() + " entries, "
          + model.size() + " were put and not removed. Check that grows and shrinks move every"
          + " entry exactly once");
    }
    for (Map.Entry<Long, Long> e : model.entrySet()) {
      if (!map.containsKey(e.getKey()) || map.getOrDefault(e.getKey(), -1) != e.getValue()) {
        throw new AssertionError(when + " key " + e.getKey() + " is lost or has the wrong value."
            + " Check the evacuation the policy's decisions start");
      }
    }
    Map<Long, Long> seen = new HashMap<>();
    map.forEach((k, v) -> {
      if (seen.put(k, v) != null) {
        throw new AssertionError(when + " an iteration returned key " + k + " twice. Check"
            + " that a grow or shrink moves each entry exactly once");
      }
    });
    if (!seen.equals(model)) {
      throw new AssertionError(when + " an iteration returned " + seen.size() + " entries, "
          + model.size() + " are present. Check that every entry survives a grow or shrink");
    }
  }

  // ---- policy checks ----------------------------------------------------------------------------

  private void identity(long seed) {
    GrowthPolicy policy = createGrowthPolicy();
    if (policy.name() == null || policy.name().isBlank()) {
      throw new AssertionError("name() is blank. Check name(): users select the policy by it");
    }
    if (policy.spiVersion() != GrowthPolicy.SPI_VERSION) {
      throw new AssertionError("spiVersion() is " + policy.spiVersion() + ", this engine speaks "
          + GrowthPolicy.SPI_VERSION + ". Check spiVersion(): return SPI_VERSION");
    }
  }

  private void answers(long seed) {
    GrowthPolicy policy = createGrowthPolicy();
    for (int b = 0; b <= MAX_B; b++) {
      for (long c : counts(b)) {
        for (int nov : overflows(b)) {
          Grow ins = policy.onInsert(c, b, nov);
          if (ins == null || ins == Grow.HALVE) {
            throw new AssertionError("onInsert(" + c + ", B=" + b + ", noverflow=" + nov
                + ") answered " + ins + ". Check onInsert: it answers NONE, DOUBLE or SAME_SIZE");
          }
          Grow del = policy.onDelete(c, b, nov);
          if (del == null || del == Grow.DOUBLE || del == Grow.SAME_SIZE
              || (del == Grow.HALVE && b == 0)) {
            throw new AssertionError("onDelete(" + c + ", B=" + b + ", noverflow=" + nov
                + ") answered " + del + ". Check onDelete: it answers NONE, or HALVE when B > 0");
          }
        }
      }
    }
  }

  private void loadBoundDecisions(long seed) {
    GrowthPolicy policy = createGrowthPolicy();
    for (int b = 0; b <= MAX_B; b++) {
      long m = maxEntries(b);
      for (long c : List.of(m + 1, m + 2, 2 * m, 8L << b)) {
        if (c <= m) {
          continue;
        }
        for (int nov : overflows(b)) {
          Grow g = policy.onInsert(c, b, nov);
          if (g != Grow.DOUBLE) {
            throw new AssertionError("onInsert(" + c + ", B=" + b + ", noverflow=" + nov
                + ") answered " + g + ", but " + c + " entries in 2^" + b + " buckets exceed the"
                + " load bound " + loadBound() + " (at most " + m + "). Check onInsert's load"
                + " factor test; a policy with another bound overrides loadBound() in its kit");
          }
        }
      }
    }
  }

  private void hintDecisions(long seed) {
    GrowthPolicy policy = createGrowthPolicy();
    List<Long> hints = new ArrayList<>(List.of(0L, 1L, 7L, 8L, 9L, 12L, 13L, 14L, 100L));
    for (int b = 1; b <= 28; b++) {
      hints.add(maxEntries(b) - 1);
      hints.add(maxEntries(b));
      hints.add(maxEntries(b) + 1);
    }
    for (long hint : hints) {
      int b = policy.initialB(hint);
      if (b < 0 || b > MAX_B) {
        throw new AssertionError("initialB(" + hint + ") is " + b + ". Check initialB: B is in"
            + " 0.." + MAX_B);
      }
      if (hint > maxEntries(b)) {
        throw new AssertionError("initialB(" + hint + ") is " + b + ": 2^" + b + " buckets hold"
            + " at most " + maxEntries(b) + " entries within the load bound " + loadBound()
            + ". Check initialB: it must give enough buckets for the hint");
      }
      for (long c : List.of(Math.max(1, hint / 2), hint)) {
        if (c >= 1 && policy.onInsert(c, b, 0) == Grow.DOUBLE) {
          throw new AssertionError("initialB(" + hint + ") is " + b + ", but onInsert(" + c + ", B="
              + b + ") answers DOUBLE, so the hinted map grows before it holds the hint. Check"
              + " that initialB and onInsert use the same bound");
        }
      }
    }
  }

  private void evacuationBounded(long seed) {
    int extra = createGrowthPolicy().extraEvacuationsPerWrite();
    if (extra < 1) {
      throw new AssertionError("extraEvacuationsPerWrite() is " + extra + ": a write evacuates"
          + " only the bucket it touches, so a grow whose untouched buckets are never written"
          + " never finishes. Check extraEvacuationsPerWrite: Go evacuates 1 more per write");
    }
  }

  private void shrinkBound(long seed) {
    if (!shrinks()) {
      throw new TckCheck.CheckSkipped("the policy does not declare SHRINKS;"
          + " growth.shrink.never checks that it never shrinks");
    }
    GrowthPolicy policy = createGrowthPolicy();
    boolean halved = false;
    for (int b = 1; b <= MAX_B; b++) {
      for (long c : counts(b)) {
        for (int nov : overflows(b)) {
          if (policy.onDelete(c, b, nov) != Grow.HALVE) {
            continue;
          }
          halved = true;
          if (c > maxEntries(b - 1)) {
            throw new AssertionError("onDelete(" + c + ", B=" + b + ", noverflow=" + nov
                + ") answered HALVE, which leaves " + c + " entries in 2^" + (b - 1)
                + " buckets, above " + maxEntries(b - 1) + " (load bound " + loadBound()
                + "): it shrinks below the count. Check onDelete's threshold, which must stay"
                + " under the load bound of half the buckets (with a margin, or the next insert"
                + " doubles again)");
          }
        }
      }
    }
    if (!halved) {
      throw new AssertionError("the policy declares SHRINKS but onDelete never answered HALVE,"
          + " not even for an empty map of 2^" + MAX_B + " buckets. Check onDelete, or do not"
          + " declare SHRINKS");
    }
  }

  private void shrinkNever(long seed) {
    if (shrinks()) {
      throw new TckCheck.CheckSkipped("the policy declares SHRINKS; growth.shrink.bound checks"
          + " its shrinks");
    }
    GrowthPolicy policy = createGrowthPolicy();
    for (int b = 1; b <= MAX_B; b++) {
      for (long c : counts(b)) {
        for (int nov : overflows(b)) {
          if (policy.onDelete(c, b, nov) == Grow.HALVE) {
            throw new AssertionError("onDelete(" + c + ", B=" + b + ", noverflow=" + nov
                + ") answered HALVE, but the policy does not declare SHRINKS. Check onDelete, or declare"
                + " Capability.SHRINKS in the kit's capabilities(), or answer NONE");
          }
        }
      }
    }
  }

  // ---- map checks -------------------------------------------------------------------------------

  private void mapLoad(long seed) {
    GrowthPolicy policy = createGrowthPolicy();
    SplittableRandom r = new SplittableRandom(seed);
    LongLongGoMap map = map(policy, seed, 0);
    List<Long> keys = new ArrayList<>();
    for (int op = 0; op < 40_000; op++) {
      String when;
      if (op % 10 == 9 && !keys.isEmpty()) {
        long k = keys.remove(keys.size() - 1);
        map.remove(k);
        when = "after delete " + op + ",";
      } else {
        long k = r.nextLong();
        map.put(k, op);
        keys.add(k);
        when = "after insert " + op + ",";
      }
      loadWithinBound(MapInternals.state(map), when);
    }
    if (MapInternals.state(map).B() == 0) {
      throw new AssertionError("the map never grew while holding " + map.size() + " entries."
          + " Check onInsert");
    }
  }

  private void mapEvacuation(long seed) {
    GrowthPolicy policy = createGrowthPolicy();
    int extra = policy.extraEvacuationsPerWrite();
    if (extra < 1) {
      throw new AssertionError("extraEvacuationsPerWrite() is " + extra + ", so no grow has a"
          + " bound of ceil(2^oldB / extra) writes to check (growth.evacuation.bounded requires"
          + " at least 1). Check extraEvacuationsPerWrite: Go evacuates 1 more per write");
    }
    SplittableRandom r = new SplittableRandom(seed);
    LongLongGoMap map = map(policy, seed, 0);
    long writes = 0;
    long bound = 0;
    int grows = 0;
    for (int op = 0; op < 60_000; op++) {
      MapState before = MapInternals.state(map);
      map.put(r.nextLong(), op);
      MapState s = MapInternals.state(map);
      notOverloaded(s, "the evacuation check");
      boolean started = s.growing() && (!before.growing() || s.B() != before.B()
          || s.nevacuate() < before.nevacuate());
      if (before.growing() && !started && s.growing() && s.nevacuate() < before.nevacuate()) {
        throw new AssertionError("nevacuate went back from " + before.nevacuate() + " to "
            + s.nevacuate() + " during a grow. Check the evacuation order");
      }
      writes++;
      if (started) {
        grows++;
        long oldBuckets = s.sameSize() ? 1L << s.B() : 1L << (s.B() - 1);
        bound = (oldBuckets + extra - 1) / extra;
        writes = 1;
      }
      if (s.growing() && writes >= bound) {
        throw new AssertionError("a grow of " + (s.sameSize() ? 1L << s.B()
            : 1L << (s.B() - 1)) + " old buckets was unfinished after " + writes + " writes"
            + " (nevacuate " + s.nevacuate() + "); with " + extra + " extra evacuations per"
            + " write it must end within " + bound + ". Check extraEvacuationsPerWrite");
      }
    }
    if (grows == 0) {
      throw new AssertionError("no grow started over 60000 inserts. Check onInsert");
    }
  }

  private void mapHint(long seed) {
    GrowthPolicy policy = createGrowthPolicy();
    SplittableRandom r = new SplittableRandom(seed);
    List<Long> hints = new ArrayList<>(List.of(0L, 1L, 7L, 8L, 9L, 13L, 14L, 100L, 1000L));
    for (int b = 1; b <= 12; b++) {
      hints.add(maxEntries(b));
      hints.add(maxEntries(b) + 1);
    }
    for (long hint : hints) {
      LongLongGoMap map = map(policy, seed + hint, hint);
      int b0 = MapInternals.state(map).B();
      for (long i = 0; i < hint; i++) {
        map.put(r.nextLong(), i);
        MapState s = MapInternals.state(map);
        if (s.B() > b0) {
          throw new AssertionError("a map made for " + hint + " entries started with 2^" + b0
              + " buckets and doubled at insert " + (i + 1) + ". Check initialB: the hint's"
              + " entries must fit without growing");
        }
      }
    }
  }

  private void mapIntegrity(long seed) {
    GrowthPolicy policy = createGrowthPolicy();
    SplittableRandom r = new SplittableRandom(seed);
    LongLongGoMap map = map(policy, seed, 0);
    Map<Long, Long> model = new HashMap<>();
    List<Long> keys = new ArrayList<>();
    boolean wasGrowing = false;
    int checkpoints = 0;
    for (int op = 0; op < 12_000; op++) {
      if (r.nextInt(8) == 0 && !keys.isEmpty()) {
        long k = keys.remove(r.nextInt(keys.size()));
        map.remove(k);
        model.remove(k);
      } else {
        long k = r.nextInt(4) == 0 && !keys.isEmpty() ? keys.get(r.nextInt(keys.size()))
            : r.nextLong();
        long v = r.nextLong();
        map.put(k, v);
        if (model.put(k, v) == null) {
          keys.add(k);
        }
      }
      MapState s = MapInternals.state(map);
      notOverloaded(s, "the integrity check");
      boolean midGrow = s.growing() && s.nevacuate() == (s.sameSize() ? 1L << s.B()
          : 1L << (s.B() - 1)) / 2;
      if (s.growing() != wasGrowing || midGrow) {
        checkpoints++;
        intact(map, model, "at op " + op + " (" + (s.growing() ? "growing, nevacuate "
            + s.nevacuate() : "grow finished") + ", B=" + s.B() + "),");
      }
      wasGrowing = s.growing();
    }
    intact(map, model, "after 12000 operations,");
    if (checkpoints == 0) {
      throw new AssertionError("the map never grew over 12000 operations. Check onInsert");
    }
  }

  /** Fills a map, then deletes down to a few entries; calls {@code onDelete} after each delete. */
  private void fillAndDrain(long seed, DrainStep step) {
    GrowthPolicy policy = createGrowthPolicy();
    SplittableRandom r = new SplittableRandom(seed);
    LongLongGoMap map = map(policy, seed, 0);
    Map<Long, Long> model = new HashMap<>();
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long k = r.nextLong();
      map.put(k, i);
      if (model.put(k, (long) i) == null) {
        keys.add(k);
      }
      notOverloaded(MapInternals.state(map), "the shrink check");
    }
    MapState full = MapInternals.state(map);
    while (keys.size() > 4) {
      long k = keys.remove(r.nextInt(keys.size()));
      MapState before = MapInternals.state(map);
      map.remove(k);
      model.remove(k);
      step.after(map, model, before, MapInternals.state(map), full);
    }
  }

  @FunctionalInterface
  private interface DrainStep {
    void after(LongLongGoMap map, Map<Long, Long> model, MapState before, MapState after,
        MapState full);
  }

  private void mapShrink(long seed) {
    if (!shrinks()) {
      throw new TckCheck.CheckSkipped("the policy does not declare SHRINKS;"
          + " growth.map.noshrink checks that its maps never shrink");
    }
    int[] lowest = {Integer.MAX_VALUE};
    int[] fullB = {0};
    fillAndDrain(seed, (map, model, before, after, full) -> {
      fullB[0] = full.B();
      loadWithinBound(after, "after a delete down to " + after.count() + " entries,");
      if (after.B() < before.B() || (before.growing() && !after.growing())) {
        intact(map, model, "after B went from " + before.B() + " to " + after.B() + " at "
            + after.count() + " entries,");
      }
      lowest[0] = Math.min(lowest[0], after.B());
    });
    if (lowest[0] >= fullB[0]) {
      throw new AssertionError("the policy declares SHRINKS, but deleting all but 4 of 20000"
          + " entries left B at " + lowest[0] + " (full: " + fullB[0] + "). Check onDelete's"
          + " HALVE threshold, or the engine's support for HALVE");
    }
  }

  private void mapNoShrink(long seed) {
    if (shrinks()) {
      throw new TckCheck.CheckSkipped("the policy declares SHRINKS; growth.map.shrink checks"
          + " its shrinks");
    }
    fillAndDrain(seed, (map, model, before, after, full) -> {
      if (after.B() < before.B()) {
        throw new AssertionError("a delete at " + after.count() + " entries lowered B from "
            + before.B() + " to " + after.B() + ", but the policy does not declare SHRINKS."
            + " Declare Capability.SHRINKS or answer NONE from onDelete");
      }
    });
  }
}
