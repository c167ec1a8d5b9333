package io.gomap4j.engine.internal;

import io.gomap4j.api.MapStats;
import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.PluginFailureException;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.Hasher;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.function.IntSupplier;

/**
 * Go 1.19's {@code hmap} and the parts of {@code runtime/map.go} that do not depend on the key type:
 * growth ({@code hashGrow}, {@code growWork}, {@code evacuate}, {@code advanceEvacuationMark}),
 * overflow buckets ({@code newoverflow}, {@code incrnoverflow}), delete bookkeeping with
 * {@code emptyRest} propagation, {@code mapclear}, and iteration ({@code mapiterinit},
 * {@code mapiternext}) including its {@code checkBucket} logic.
 *
 * <p>Beyond Go: a growth policy may answer {@link GrowthPolicy.Grow#HALVE} after a delete, and the
 * map then shrinks incrementally, the mirror image of a doubling grow: a new array of
 * {@code 2^(B-1)} buckets, the old one kept, and every write merges old buckets {@code i} and
 * {@code i + 2^(B-1)} into new bucket {@code i} ({@link #shrinkWork}, {@link #evacuateMerge}). The
 * shrink has its own methods next to the growth ones; see "shrinking" below and
 * {@link Cursor}'s notes on iterating across a shrink.
 *
 * <p>Subclasses own the key type: they hash keys, compare them while scanning a chain, and read and
 * write slots. They call {@link #beginWrite} and {@link #endWrite} around every write, as Go sets and
 * clears {@code hashWriting}.
 *
 * <p>Keys in Java maps are reflexive ({@code k.equals(k)}). Go's special paths for keys that are
 * not equal to themselves (a NaN under Go's {@code ==}) are taken only by a subclass that says its
 * keys may not be reflexive ({@link #reflexiveKeys} false) and whose {@link #keyIsItself} then says
 * a stored key is not: see {@link #nonReflexiveDestination} and {@link Cursor#advance()}.
 */
abstract class MapCore {

  static final int EMPTY_REST = 0;
  static final int EMPTY_ONE = 1;
  static final int EVACUATED_X = 2;
  static final int EVACUATED_Y = 3;
  static final int EVACUATED_EMPTY = 4;
  static final int MIN_TOP_HASH = 5;

  static final int ITERATOR = 1;
  static final int OLD_ITERATOR = 2;
  static final int HASH_WRITING = 4;
  static final int SAME_SIZE_GROW = 8;

  static final int SLOTS = Geometry.SLOTS;
  /** The largest B the engine takes: bucket indices are ints (see {@link BucketArray}). */
  static final int MAX_B = 30;
  static final int NIL = BucketArray.NIL;

  static final String CONCURRENT_WRITES = "concurrent map writes";
  static final String CONCURRENT_READ_WRITE = "concurrent map read and map write";
  static final String CONCURRENT_ITERATION_WRITE = "concurrent map iteration and map write";

  final Hasher hasher;
  final GrowthPolicy growth;
  final Geometry geometry;
  /**
   * Go's {@code t.reflexivekey()}: whether every key equals itself. When false, evacuation and
   * iteration ask {@link #keyIsItself} before relying on a stored key's hash.
   */
  final boolean reflexiveKeys;
  private final int topShift;
  private final int extraEvacuations;

  int count;
  int flags;
  int B;
  int noverflow;
  int hash0;
  BucketArray buckets;
  BucketArray oldbuckets;
  int nevacuate;
  /**
   * Whether a shrink is in progress: {@link #oldbuckets} holds {@code 2^(B+1)} buckets that are
   * being merged pairwise into {@link #buckets}. Never set together with {@link #SAME_SIZE_GROW}.
   */
  boolean shrinking;
  /**
   * Whether Go would have allocated {@code h.extra} by now: makemap or hashGrow with preallocated
   * overflow buckets, or newoverflow for a bucket type without pointers. Go never frees it.
   */
  boolean goExtra;
  /** Bumped by every clear that empties entries; a live iterator stops when it changes. */
  int clears;
  private long rng;
  /**
   * Scratch space of {@link #destinations}, grown as long overflow chains need; empty until the
   * first evacuation, so that a map that never grows allocates none.
   */
  private long[] evacuationScratch = NO_WORDS;

  private static final long[] NO_WORDS = new long[0];
  /**
   * Per slot of the chain being evacuated, the fresh tophash of a key that is not equal to itself
   * (0: keep the old one); see {@link #nonReflexiveDestination}. Null for reflexive keys.
   */
  private int[] freshTops;
  /** {@link #rand32} as a supplier, made once so that passing it allocates nothing. */
  final IntSupplier random = this::rand32;

  /**
   * Whether a policy class overrides {@link GrowthPolicy#onDelete}. One that does not always
   * answers NONE, so its maps skip the call on every delete.
   */
  private static final ClassValue<Boolean> OVERRIDES_ON_DELETE = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      try {
        return type.getMethod("onDelete", long.class, int.class, int.class).getDeclaringClass()
            != GrowthPolicy.class;
      } catch (NoSuchMethodException e) {
        throw new AssertionError("GrowthPolicy.onDelete is public", e);
      }
    }
  };

  /** Whether deletes ask {@link #growth} {@code onDelete}; see {@link #OVERRIDES_ON_DELETE}. */
  private final boolean asksOnDelete;

  MapCore(Hasher hasher, GrowthPolicy growth, Geometry geometry, long hint, long seed) {
    this(hasher, growth, geometry, hint, seed, true);
  }

  MapCore(Hasher hasher, GrowthPolicy growth, Geometry geometry, long hint, long seed,
      boolean reflexiveKeys) {
    this.reflexiveKeys = reflexiveKeys;
    this.freshTops = reflexiveKeys ? null : new int[SLOTS];
    this.hasher = hasher;
    this.growth = growth;
    this.asksOnDelete = OVERRIDES_ON_DELETE.get(growth.getClass());
    this.geometry = geometry;
    this.topShift = hasher.bits() - 8;
    int extra = PluginFailureException.ask(PluginKind.GROWTH, Printable.of(growth.name()),
        growth, "extraEvacuationsPerWrite()", growth::extraEvacuationsPerWrite);
    if (extra < 1) {
      throw new IllegalArgumentException(
          policy() + " evacuates " + extra
              + " extra buckets per write; at least 1 is needed for a grow to finish");
    }
    this.extraEvacuations = extra;
    this.rng = seed;
    // makemap: a hint whose buckets would pass maxAlloc is taken as 0, then hash0, then B for the
    // hint; buckets are allocated now only when B > 0.
    long goHint = geometry.goHintCutoff().hint(hint);
    this.hash0 = rand32();
    int b = PluginFailureException.ask(PluginKind.GROWTH, Printable.of(growth.name()), growth,
        "initialB(" + goHint + ")", () -> growth.initialB(goHint));
    if (b < 0) {
      throw new IllegalArgumentException(
          policy() + " chose B=" + b + " for the size hint " + hint
              + "; B must be in 0.." + MAX_B + ", so fix the policy's initialB");
    }
    if (b > MAX_B) {
      long most = largestHint(growth, goHint);
      throw new IllegalArgumentException(
          policy() + " chose B=" + b + " for the size hint " + hint
              + "; B must be in 0.." + MAX_B + " (at most 2^" + MAX_B + " buckets), so give "
              + (most < 0 ? "a smaller hint" : "a hint of at most " + most) + ", or one Go takes"
              + " as 0: " + geometry.goHintCutoff().explanation() + ", and so does the engine");
    }
    this.B = b;
    if (b > 0) {
      buckets = new BucketArray(geometry, b);
      goExtra = buckets.nextOverflow != NIL;
    }
  }

  /**
   * The largest hint below {@code hint} for which {@code growth} chooses a B the engine takes,
   * found by bisection as B grows with the hint; -1 if even hint 0 gets too large a B.
   */
  static long largestHint(GrowthPolicy growth, long hint) {
    long lo = -1;
    long hi = hint;
    while (lo + 1 < hi) {
      // -1 <= lo < hi - 1 < Long.MAX_VALUE, so the exact sum lo + hi is in [0, 2^64 - 4]: it may
      // pass Long.MAX_VALUE and turn negative as a long, but read as unsigned it is exact, and the
      // unsigned shift halves it (a signed shift or division would not).
      long mid = (lo + hi) >>> 1;
      int b = growth.initialB(mid);
      if (b >= 0 && b <= MAX_B) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The map type and the layout, for messages: {@code map[int64]int64 on amd64}. Spelled when a
   * message needs it, not when the map is made; a subclass spells it from its own final fields,
   * which it sets after this class's constructor, whose messages do not use it.
   */
  abstract String description();

  // ---- random source (Go's fastrand, per map) -------------------------------------------------

  /** The next 64 random bits of this map's own source (wyrand). */
  final long rand64() {
    long s = rng += 0xa0761d6478bd642fL;
    long x = s ^ 0xe7037ed1a0b428dbL;
    long hi = Math.multiplyHigh(s, x) + ((s >> 63) & x) + ((x >> 63) & s);
    return hi ^ (s * x);
  }

  final int rand32() {
    return (int) rand64();
  }

  // ---- hashing helpers --------------------------------------------------------------------------

  /** The seed passed to the hasher: {@code uintptr(h.hash0)}. */
  final long seed() {
    return hash0 & 0xFFFFFFFFL;
  }

  /** {@code tophash(hash)}: the top byte, moved above the reserved values. */
  final int tophash(long hash) {
    int top = (int) (hash >>> topShift) & 0xFF;
    return top < MIN_TOP_HASH ? top + MIN_TOP_HASH : top;
  }

  final int bucketMask() {
    return (1 << B) - 1;
  }

  /** Whether a grow (doubling or same-size) is in progress; false while shrinking. */
  final boolean growing() {
    return oldbuckets != null && !shrinking;
  }

  /** Whether old buckets remain to evacuate: a grow or a shrink is in progress. */
  final boolean evacuating() {
    return oldbuckets != null;
  }

  final boolean sameSizeGrow() {
    return (flags & SAME_SIZE_GROW) != 0;
  }

  /** {@code noldbuckets}: the number of buckets in the old array (twice B's while shrinking). */
  final int noldbuckets() {
    if (shrinking) {
      return 1 << (B + 1);
    }
    return sameSizeGrow() ? 1 << B : 1 << (B - 1);
  }

  final int oldbucketmask() {
    return noldbuckets() - 1;
  }

  static boolean isEmpty(int top) {
    return top <= EMPTY_ONE;
  }

  /**
   * Where a lookup for {@code hash} starts: the bucket of the old array while it is not evacuated
   * (reads never evacuate), otherwise the bucket of the current array. Returns the bucket index, with
   * bit 32 set for the old array. Callers return early for an empty map, before hashing, as Go does.
   */
  final long lookupStart(long hash) {
    if ((flags & HASH_WRITING) != 0) {
      throw new ConcurrentModificationException(CONCURRENT_READ_WRITE);
    }
    BucketArray old = oldbuckets;
    if (old != null) {
      // While shrinking the old mask is one bit wider than the current one.
      int ob = (int) hash & oldbucketmask();
      if (!old.evacuated(ob)) {
        return (1L << 32) | ob;
      }
    }
    return (int) hash & bucketMask();
  }

  // ---- writes -------------------------------------------------------------------------------------

  /** Checks and sets {@code hashWriting}. Call after hashing the key, which may throw. */
  final void beginWrite() {
    if ((flags & HASH_WRITING) != 0) {
      throw new ConcurrentModificationException(CONCURRENT_WRITES);
    }
    flags ^= HASH_WRITING;
  }

  /** Checks that {@code hashWriting} is still set, and clears it. */
  final void endWrite() {
    if ((flags & HASH_WRITING) == 0) {
      throw new ConcurrentModificationException(CONCURRENT_WRITES);
    }
    flags &= ~HASH_WRITING;
  }

  /** Fails fast, before anything changes, when another write is in progress. */
  final void checkNotWriting() {
    if ((flags & HASH_WRITING) != 0) {
      throw new ConcurrentModificationException(CONCURRENT_WRITES);
    }
  }

  /**
   * The start of {@code mapassign} and {@code mapdelete} after hashing: allocates the first bucket if
   * needed, does the grow work for the target bucket, and returns the bucket index in
   * {@link #buckets}.
   */
  final int writeBucket(long hash) {
    if (buckets == null) {
      buckets = new BucketArray(geometry, B);
    }
    int bucket = (int) hash & bucketMask();
    if (oldbuckets != null) {
      if (shrinking) {
        shrinkWork(bucket);
      } else {
        growWork(bucket);
      }
    }
    return bucket;
  }

  /**
   * Step 7 of {@code mapassign}: for a key that is absent, asks the growth policy whether to grow
   * first. Returns true if it grew; the caller then starts over ({@code goto again}).
   */
  final boolean growBeforeInsert() {
    if (evacuating()) {
      // No grow decision while a grow or a shrink is in progress, as Go never starts a grow
      // while one is in progress.
      return false;
    }
    long countAfter = count + 1L;
    GrowthPolicy.Grow grow = growth.onInsert(countAfter, B, noverflow);
    if (grow == null || grow == GrowthPolicy.Grow.HALVE) {
      throw policyError("onInsert", countAfter, grow, "NONE, DOUBLE or SAME_SIZE");
    }
    if (grow == GrowthPolicy.Grow.NONE) {
      return false;
    }
    hashGrow(grow == GrowthPolicy.Grow.DOUBLE);
    return true;
  }

  /**
   * {@code growth policy 'NAME'} for messages, each control character in the name written as
   * {@code \}{@code u00XX}: a policy passed to the builder as an instance never met the registry's
   * name rule.
   */
  private String policy() {
    return "growth policy '" + Printable.of(growth.name()) + "'";
  }

  /**
   * A growth policy's answer that the engine cannot carry out. Thrown before the map changes, so
   * the map stays intact and usable.
   */
  private IllegalStateException policyError(
      String method, long countAfter, GrowthPolicy.Grow answer, String allowed) {
    return new IllegalStateException(policy() + " (" + growth.getClass().getName()
        + ") answered " + answer + " from " + method + "(countAfter=" + countAfter + ", B=" + B
        + ", noverflow=" + noverflow + ") in " + description() + "; " + method
        + " may answer " + allowed
        + (answer == GrowthPolicy.Grow.HALVE && B == 0 ? " (HALVE needs B > 0)" : "")
        + ". The map was left unchanged.");
  }

  /** Records a new entry in slot {@code i} of bucket {@code bkt}, whose key and elem are written. */
  final void inserted(int bkt, int i, int top) {
    buckets.setTophash(bkt, i, top);
    count++;
  }

  /**
   * {@code mapdelete} of the entry in slot {@code i} of bucket {@code bkt} of {@link #buckets}
   * (whose chain starts at {@code bOrig}): asks the growth policy first, while nothing has changed
   * yet, whether to shrink after the delete, so that a policy error leaves the entry in place;
   * then clears the slot, does the bookkeeping of {@link #deleted}, and starts the shrink if the
   * policy asked for one. The policy is asked only when no grow or shrink is in progress.
   */
  final void deleteSlot(int bOrig, int bkt, int i) {
    boolean shrink = false;
    if (asksOnDelete && !evacuating()) {
      long countAfter = count - 1L;
      GrowthPolicy.Grow answer = growth.onDelete(countAfter, B, noverflow);
      if (answer == null || (answer != GrowthPolicy.Grow.NONE
          && (answer != GrowthPolicy.Grow.HALVE || B == 0))) {
        throw policyError("onDelete", countAfter, answer, "NONE, or HALVE when B > 0");
      }
      shrink = answer == GrowthPolicy.Grow.HALVE;
    }
    buckets.clearSlot(bkt, i);
    deleted(bOrig, bkt, i);
    if (shrink) {
      hashShrink();
    }
  }

  /**
   * The bookkeeping of {@code mapdelete} after the slot's key and elem are cleared: marks the slot
   * {@code emptyOne}, turns trailing empty slots into {@code emptyRest}, decrements the count and
   * reseeds an emptied map.
   */
  final void deleted(int bOrig, int bkt, int i) {
    BucketArray a = buckets;
    a.setTophash(bkt, i, EMPTY_ONE);
    boolean last;
    if (i == SLOTS - 1) {
      int ovf = a.overflow(bkt);
      last = ovf == NIL || a.tophash(ovf, 0) == EMPTY_REST;
    } else {
      last = a.tophash(bkt, i + 1) == EMPTY_REST;
    }
    if (last) {
      int b = bkt;
      while (true) {
        a.setTophash(b, i, EMPTY_REST);
        if (i == 0) {
          if (b == bOrig) {
            break;
          }
          int c = b;
          for (b = bOrig; a.overflow(b) != c; b = a.overflow(b)) {
            // find the bucket before c
          }
          i = SLOTS - 1;
        } else {
          i--;
        }
        if (a.tophash(b, i) != EMPTY_ONE) {
          break;
        }
      }
    }
    count--;
    if (count == 0) {
      hash0 = rand32();
    }
  }

  /** {@code mapclear}: empties the map, keeps B and the bucket array, reseeds. */
  final void clearAll() {
    if (count == 0) {
      return;
    }
    beginWrite();
    clears++;
    flags &= ~SAME_SIZE_GROW;
    shrinking = false;
    if (oldbuckets != null) {
      // Go 1.21+ marks the old array empty too, so live iterators over it stop (go.dev/issue/59411).
      oldbuckets.reset();
    }
    oldbuckets = null;
    nevacuate = 0;
    noverflow = 0;
    count = 0;
    hash0 = rand32();
    buckets.reset();
    endWrite();
  }

  // ---- growth -------------------------------------------------------------------------------------

  private void hashGrow(boolean bigger) {
    startEvacuation(bigger ? B + 1 : B, !bigger, false);
  }

  /**
   * The bookkeeping {@code hashGrow} does, for a new array of {@code 2^newB} buckets: the old
   * array is kept for evacuation, live iterators are marked as iterating it, and the evacuation
   * mark and overflow count start over. Called only when no grow or shrink is in progress.
   */
  private void startEvacuation(int newB, boolean sameSize, boolean shrink) {
    BucketArray fresh = new BucketArray(geometry, newB);
    int f = flags & ~(ITERATOR | OLD_ITERATOR | SAME_SIZE_GROW);
    if ((flags & ITERATOR) != 0) {
      f |= OLD_ITERATOR;
    }
    if (sameSize) {
      f |= SAME_SIZE_GROW;
    }
    flags = f;
    B = newB;
    oldbuckets = buckets;
    buckets = fresh;
    nevacuate = 0;
    noverflow = 0;
    shrinking = shrink;
    if (fresh.nextOverflow != NIL) {
      goExtra = true;
    }
  }


  private void growWork(int bucket) {
    evacuate(bucket & oldbucketmask());
    for (int k = 0; k < extraEvacuations && growing(); k++) {
      evacuate(nevacuate);
    }
  }

  /**
   * {@code evacuate}: moves the entries of one old bucket chain to the X (same index) and, for a
   * doubling grow, Y (index + old count) buckets of the new array.
   *
   * <p>Destinations are decided for the whole chain before anything is written: deciding them hashes
   * stored keys, and a key whose {@code hashCode()} throws must leave the map as it was. Go needs no
   * such care, because its hash cannot fail on a key already stored.
   */
  private void evacuate(int oldbucket) {
    BucketArray old = oldbuckets;
    int newbit = noldbuckets();
    if (!old.evacuated(oldbucket)) {
      boolean same = sameSizeGrow();
      long[] toY = same ? null : destinations(old, oldbucket, newbit);
      BucketArray to = buckets;
      // The pages and offsets of the old bucket and of both destinations are looked up once per
      // bucket; a destination's page is made writable only when an entry goes there.
      int xb = oldbucket;
      int xi = 0;
      byte[] xPage = null;
      int xOff = 0;
      int yb = oldbucket + newbit;
      int yi = 0;
      byte[] yPage = null;
      int yOff = 0;
      int n = 0;
      for (int b = oldbucket; b != NIL; b = old.overflow(b)) {
        byte[] page = old.writable(b);
        int off = old.offset(b);
        for (int i = 0; i < SLOTS; i++, n++) {
          int top = page[off + i] & 0xFF;
          if (isEmpty(top)) {
            page[off + i] = (byte) EVACUATED_EMPTY;
            continue;
          }
          if (top < MIN_TOP_HASH) {
            throw new IllegalStateException(
                "bad map state: tophash " + top + " in " + description());
          }
          boolean useY = toY != null && (toY[n >>> 6] & (1L << n)) != 0;
          page[off + i] = (byte) (useY ? EVACUATED_Y : EVACUATED_X);
          if (toY != null && !reflexiveKeys && freshTops[n] != 0) {
            top = freshTops[n];
          }
          if (useY) {
            if (yi == SLOTS) {
              yb = newoverflow(yb);
              yi = 0;
              yPage = null;
            }
            if (yPage == null) {
              yPage = to.writable(yb);
              yOff = to.offset(yb);
            }
            yPage[yOff + yi] = (byte) top;
            to.copySlot(old, b, page, off, i, yb, yPage, yOff, yi);
            yi++;
          } else {
            if (xi == SLOTS) {
              xb = newoverflow(xb);
              xi = 0;
              xPage = null;
            }
            if (xPage == null) {
              xPage = to.writable(xb);
              xOff = to.offset(xb);
            }
            xPage[xOff + xi] = (byte) top;
            to.copySlot(old, b, page, off, i, xb, xPage, xOff, xi);
            xi++;
          }
        }
      }
      if ((flags & OLD_ITERATOR) == 0) {
        old.clearEvacuated(oldbucket);
      }
    }
    if (oldbucket == nevacuate) {
      advanceEvacuationMark(newbit);
    }
  }

  /**
   * For a doubling grow: a bit set over the slots of old bucket {@code oldbucket}'s chain (slot i of
   * the k-th bucket is bit {@code 8k + i}), set where the entry goes to the Y half. Writes nothing
   * to the map; reuses one scratch array per map.
   */
  private long[] destinations(BucketArray old, int oldbucket, int newbit) {
    int slots = 0;
    for (int b = oldbucket; b != NIL; b = old.overflow(b)) {
      slots += SLOTS;
    }
    int words = (slots + 63) >>> 6;
    if (!reflexiveKeys) {
      if (freshTops.length < slots) {
        freshTops = new int[Math.max(slots, freshTops.length * 2)];
      } else {
        Arrays.fill(freshTops, 0, slots, 0);
      }
    }
    long[] bits = evacuationScratch;
    if (bits.length < words) {
      bits = new long[Math.max(words, bits.length * 2)];
      evacuationScratch = bits;
    } else {
      Arrays.fill(bits, 0, words, 0L);
    }
    int n = 0;
    for (int b = oldbucket; b != NIL; b = old.overflow(b)) {
      byte[] page = old.page(b);
      int off = old.offset(b);
      for (int i = 0; i < SLOTS; i++, n++) {
        int top = page[off + i] & 0xFF;
        if (isEmpty(top)) {
          continue;
        }
        if (top < MIN_TOP_HASH) {
          throw new IllegalStateException(
              "bad map state: tophash " + top + " in " + description());
        }
        if (reflexiveKeys ? (rehash(old, b, i) & newbit) != 0
            : nonReflexiveDestination(old, b, i, n, top, newbit)) {
          bits[n >>> 6] |= 1L << n;
        }
      }
    }
    return bits;
  }

  /**
   * {@link #destinations} for a map whose keys may not equal themselves: whether slot {@code i} of
   * bucket {@code b}, the {@code n}-th slot of the chain, goes to the Y half. As Go's
   * {@code evacuate}, the key is hashed in every case; a key that is not equal to itself (a NaN,
   * whose hash is random) while an iterator is active goes where its old tophash's low bit says,
   * so iterators can tell where it went, and gets the tophash of its new hash, recorded in
   * {@link #freshTops}. Otherwise it follows its new hash, keeping its tophash.
   */
  private boolean nonReflexiveDestination(
      BucketArray old, int b, int i, int n, int top, int newbit) {
    long hash = rehash(old, b, i);
    if ((flags & ITERATOR) != 0 && !keyIsItself(old, b, i)) {
      freshTops[n] = tophash(hash);
      return (top & 1) != 0;
    }
    return (hash & newbit) != 0;
  }

  /**
   * Go's {@code advanceEvacuationMark}, for grows and shrinks alike: moves the mark past evacuated
   * old buckets (at most 1024 at a time) and ends the grow or shrink when it passes the last of
   * the {@code newbit} old buckets.
   */
  private void advanceEvacuationMark(int newbit) {
    nevacuate++;
    int stop = Math.min(nevacuate + 1024, newbit);
    while (nevacuate != stop && oldbuckets.evacuated(nevacuate)) {
      nevacuate++;
    }
    if (nevacuate == newbit) {
      oldbuckets = null;
      flags &= ~SAME_SIZE_GROW;
      shrinking = false;
    }
  }

  // ---- shrinking ------------------------------------------------------------------------------
  //
  // A shrink mirrors a doubling grow. hashShrink allocates 2^(B-1) buckets and keeps the old
  // 2^B as oldbuckets; B drops at once, so that every write hashes into the new array. Old bucket
  // i feeds new bucket i & (2^B - 1): new bucket j is fed by old j and old j + 2^B (B being the new
  // one). Before a write touches new bucket j, shrinkWork merges both of its feeders, so a write
  // always finds every key of j in j; then it merges extraEvacuationsPerWrite() more in order,
  // like growWork. Each merge appends the old chain's entries after the entries already in j
  // (the other feeder's), linking overflow buckets as needed. Consequence used by the iterator:
  // while a feeder of j is not merged, no write has touched j, so j holds exactly the entries of
  // the feeders already merged, packed from its first slot, with no emptyOne hole.

  /** Starts a shrink: the counterpart of {@link #hashGrow} for {@link GrowthPolicy.Grow#HALVE}. */
  private void hashShrink() {
    startEvacuation(B - 1, false, true);
  }


  /**
   * The shrink's {@code growWork} for a write to new bucket {@code bucket}: merges both old buckets
   * that feed it, then {@code extraEvacuationsPerWrite()} more in order. At most
   * {@code 2 + extraEvacuationsPerWrite()} old chains move per write.
   */
  private void shrinkWork(int bucket) {
    evacuateMerge(bucket);
    if (shrinking) {
      evacuateMerge(bucket + (1 << B));
    }
    for (int k = 0; k < extraEvacuations && shrinking; k++) {
      evacuateMerge(nevacuate);
    }
  }

  /**
   * Merges old bucket {@code oldbucket}'s chain into new bucket {@code oldbucket & (2^B - 1)}:
   * every entry is appended after the last entry already there, in chain order, and its old slot
   * marked {@code evacuatedX}. The destination needs no hashing, so nothing here can throw for a
   * key.
   */
  private void evacuateMerge(int oldbucket) {
    BucketArray old = oldbuckets;
    int nold = noldbuckets();
    if (!old.evacuated(oldbucket)) {
      BucketArray to = buckets;
      int db = oldbucket & bucketMask();
      int di = 0;
      // The append position: the first emptyRest slot of the chain, after which all is empty.
      tail:
      while (true) {
        for (di = 0; di < SLOTS; di++) {
          if (to.tophash(db, di) == EMPTY_REST) {
            break tail;
          }
        }
        int next = to.overflow(db);
        if (next == NIL) {
          break;
        }
        db = next;
      }
      for (int b = oldbucket; b != NIL; b = old.overflow(b)) {
        for (int i = 0; i < SLOTS; i++) {
          int top = old.tophash(b, i);
          if (isEmpty(top)) {
            old.setTophash(b, i, EVACUATED_EMPTY);
            continue;
          }
          if (top < MIN_TOP_HASH) {
            throw new IllegalStateException(
                "bad map state: tophash " + top + " in " + description());
          }
          old.setTophash(b, i, EVACUATED_X);
          if (di == SLOTS) {
            db = newoverflow(db);
            di = 0;
          }
          to.setTophash(db, di, top);
          to.copySlotFrom(old, b, i, db, di);
          di++;
        }
      }
      if ((flags & OLD_ITERATOR) == 0) {
        old.clearEvacuated(oldbucket);
      }
    }
    if (oldbucket == nevacuate) {
      advanceEvacuationMark(nold);
    }
  }

  /**
   * {@code mapassign}'s insertion point after it searched bucket {@code b}, whose tophash bytes are
   * {@code tops}: {@code ins}, the first empty slot of an earlier bucket, if there was one; else
   * {@code b}'s first empty slot; else -1. A slot is {@code bucket << 3 | slot}.
   */
  static long insertionPoint(long ins, int b, long tops) {
    if (ins < 0) {
      int empty = TophashWord.firstEmpty(tops);
      if (empty >= 0) {
        return (long) b << 3 | empty;
      }
    }
    return ins;
  }

  /**
   * The bucket a search goes on to after bucket {@code b} of {@code a}, whose tophash bytes are
   * {@code tops}: {@link #NIL} when {@code b} holds an {@code emptyRest} slot or has no overflow.
   */
  static int nextToSearch(BucketArray a, int b, long tops) {
    return TophashWord.endsChain(tops) ? NIL : a.overflow(b);
  }

  /**
   * Where {@code mapassign} inserts after a search that ended at bucket {@code last}: the
   * {@link #insertionPoint} {@code ins}, or slot 0 of a new overflow bucket linked after
   * {@code last} when the chain had no empty slot.
   */
  final long insertAt(long ins, int last) {
    return ins >= 0 ? ins : (long) newoverflow(last) << 3;
  }

  /** {@code newoverflow}: links a new overflow bucket after {@code bkt} in {@link #buckets}. */
  final int newoverflow(int bkt) {
    BucketArray a = buckets;
    int ovf;
    if (a.nextOverflow != NIL) {
      ovf = a.nextOverflow;
      a.nextOverflow = ovf + 1 < a.nbuckets ? ovf + 1 : NIL;
    } else {
      ovf = a.allocateOverflow();
    }
    if (growth.countOverflow(B, random)) {
      noverflow = (noverflow + 1) & 0xFFFF;
    }
    if (!geometry.goBucketHasPointers()) {
      goExtra = true;
    }
    a.setOverflow(bkt, ovf);
    return ovf;
  }

  // ---- key-type hooks -----------------------------------------------------------------------------

  /** The hash of the key stored in slot {@code i} of bucket {@code bkt} of {@code a}. */
  abstract long rehash(BucketArray a, int bkt, int i);

  /**
   * {@code mapaccessK} for the key stored in slot {@code i} of bucket {@code bkt} of {@code a}:
   * where that key is now in the live map, as {@link #position}, or -1 if it was deleted.
   */
  abstract long relookup(BucketArray a, int bkt, int i);

  /**
   * {@code t.key.equal(k, k)} for the key stored in slot {@code i} of bucket {@code bkt} of
   * {@code a}: false for a key that holds a NaN. Called only when {@link #reflexiveKeys} is false;
   * maps whose keys are always reflexive need not override it.
   */
  boolean keyIsItself(BucketArray a, int bkt, int i) {
    return true;
  }

  /** Encodes a slot of the live map: bit 62 set for the old array. */
  static long position(boolean old, int bkt, int i) {
    return (old ? 1L << 62 : 0) | ((long) bkt << 3) | i;
  }

  /** The bucket array of a {@link #position}. */
  final BucketArray arrayAt(long pos) {
    return (pos & (1L << 62)) != 0 ? oldbuckets : buckets;
  }

  /** The bucket index of a {@link #position}. */
  static int bucketAt(long pos) {
    return (int) ((pos >>> 3) & 0x7FFFFFFFL);
  }

  /** The slot index of a {@link #position}. */
  static int slotAt(long pos) {
    return (int) (pos & 7);
  }

  // ---- statistics -------------------------------------------------------------------------------

  /** Overflow buckets linked into the chains of the current array. */
  final long overflowBucketsInUse() {
    BucketArray a = buckets;
    if (a == null) {
      return 0;
    }
    long n = 0;
    for (int b = 0; b < a.base; b++) {
      for (int o = a.overflow(b); o != NIL; o = a.overflow(o)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Java heap bytes a subclass holds beside the bucket arrays for the map's entries, such as the
   * side table of indirect keys and elems; 0 by default.
   */
  long sideHeapBytes(int refBytes) {
    return 0;
  }

  /**
   * Checks a subclass's own storage against the bucket arrays, throwing
   * {@link IllegalStateException} for the first problem; called by {@link Invariants} after its
   * own checks. Does nothing by default.
   */
  void checkSideStorage() {}

  public final MapStats stats() {
    int refBytes = Runtime.getRuntime().maxMemory() < (32L << 30) ? 4 : 8;
    long heap = 0;
    if (buckets != null) {
      heap += buckets.heapBytes(refBytes);
    }
    if (oldbuckets != null) {
      heap += oldbuckets.heapBytes(refBytes);
    }
    heap += sideHeapBytes(refBytes);
    // GoMemory counts the old array whenever there is one: while growing and while shrinking.
    return new MapStats(
        count, B, noverflow, overflowBucketsInUse(), growing(), nevacuate, sameSizeGrow(),
        shrinking, heap, GoMemory.bytes(geometry, count, buckets, oldbuckets, goExtra));
  }

  // ---- iteration ----------------------------------------------------------------------------------

  /**
   * Go's {@code hiter}: walks a snapshot of the bucket array from a random bucket and slot offset.
   * After {@link #advance()} returns true, {@link #arr}, {@link #bkt} and {@link #slot} name the
   * entry to return, in the live map.
   *
   * <p><b>Iterating across a shrink.</b> A shrink allocates a new array, so, as for a grow, an
   * iterator whose snapshot is not the current array walks its snapshot: an iterator that started
   * before the shrink walks the array being merged (and one that started during a shrink keeps
   * walking its array once a later grow or shrink makes it old). The snapshot keeps its data,
   * because {@code oldIterator} stops {@code clearEvacuated}; slots the shrink moved carry the
   * {@code evacuatedX} mark and are looked up again for the live entry, exactly like slots a grow
   * moved. Every slot of the snapshot is visited once, so nothing is returned twice.
   *
   * <p>An iterator that started during the shrink walks the new, smaller array, whose bucket
   * {@code j} is fed by old buckets {@code j} and {@code j + n} ({@code n = 2^itB}). This is the
   * merge-direction analogue of {@code mapiternext}'s "iterate the old bucket if it is not
   * evacuated, filtered by {@code checkBucket}". When the iterator reaches position {@code j}
   * while that shrink is still in progress ({@link #beginShrinkPosition}), it decides once, from
   * the evacuation state at that moment, which chains to walk:
   *
   * <ul>
   *   <li>each feeder not yet merged, walked in the old array. All of its entries belong to
   *       {@code j}, so no hash filter is needed; if a write merges it meanwhile, its slots turn
   *       into marks and are looked up again, as above;
   *   <li>new bucket {@code j} only up to the slots filled at decision time ({@link #limit}).
   *       While a feeder is unmerged no write has touched {@code j}, so {@code j} holds exactly
   *       the entries of the feeders merged by then, packed from the first slot. Everything
   *       appended later (the other feeder when a write merges it, or new keys) lies past the
   *       limit: the merged feeder's entries are returned from the old array, new keys may be
   *       skipped as Go allows. With no feeder left unmerged, {@code j} is walked whole.
   * </ul>
   *
   * <p>So each entry present at the decision is returned from exactly one place: from its old
   * bucket if that was unmerged, else from {@code j} below the limit. The limit is positional
   * rather than a rehash filter (as Go's {@code checkBucket} is), so it costs no hashing and needs
   * no key to hash consistently. Once the shrink is over, positions are walked in the snapshot as
   * usual.
   */
  final class Cursor {
    private final int itB;
    private final BucketArray itBuckets;
    private final int startBucket;
    private final int offset;
    private final int clearSeq = clears;
    private boolean wrapped;
    private int bucket;
    private BucketArray barr;
    private int bptr = NIL;
    private int i;
    private int checkBucket = NIL;
    /**
     * Whether {@link #checkBucket} was set during a doubling grow, when old entries split between
     * two new buckets and need filtering. Recorded with it, not read from the map's flags when the
     * entries are walked: a same-size grow may finish and a doubling grow or a shrink start while
     * the iterator is still in the old chain, and a NaN key there, whose tophash low bit was never
     * chosen as a destination, would then be filtered out and never returned.
     */
    private boolean checkSplits;
    private boolean done;
    /** Shrink: the old array of the shrink in progress when the current position was decided. */
    private BucketArray shrinkOld;
    /** Shrink: the feeders of the current position still to walk in {@link #shrinkOld}. */
    private int feederLo = NIL;
    private int feederHi = NIL;
    /** Shrink: the new bucket still to walk for the current position, or {@link #NIL}. */
    private int pendingNew = NIL;
    /** Shrink: how many slots of that new bucket's chain, in chain order, to walk. */
    private int pendingLimit;
    /** Slots of the chain being walked before {@link #bptr}, when {@link #limit} applies. */
    private int chainSlots;
    /** The number of slots of the current chain to walk, in chain order; MAX_VALUE for all. */
    private int limit = Integer.MAX_VALUE;

    BucketArray arr;
    int bkt;
    int slot;

    Cursor() {
      if (count == 0) {
        done = true;
        itB = 0;
        itBuckets = null;
        startBucket = 0;
        offset = 0;
        return;
      }
      itB = B;
      itBuckets = buckets;
      long r = itB > 28 ? rand64() : rand32() & 0xFFFFFFFFL;
      startBucket = (int) (r & ((1L << itB) - 1));
      offset = (int) ((r >>> itB) & (SLOTS - 1));
      bucket = startBucket;
      flags |= ITERATOR | OLD_ITERATOR;
    }

    /** {@code mapiternext}: moves to the next entry; false at the end. */
    boolean advance() {
      if (done) {
        return false;
      }
      if ((flags & HASH_WRITING) != 0) {
        throw new ConcurrentModificationException(CONCURRENT_ITERATION_WRITE);
      }
      if (clearSeq != clears) {
        // The map was cleared: Go 1.21+ makes live iterators stop (go.dev/issue/59411). Going on
        // could return an entry added since twice, as cleared overflow buckets are reused.
        done = true;
        return false;
      }
      while (true) {
        if (bptr == NIL && nextShrinkSource()) {
          // walking the next chain of a position decided during a shrink
        } else if (bptr == NIL) {
          if (bucket == startBucket && wrapped) {
            done = true;
            return false;
          }
          // Go tests it.B == h.B, meaning "started in the middle of a grow that is not done";
          // after two same-size grows that test also holds for a stale snapshot, whose old
          // array the second grow may have cleared. Compare the arrays themselves.
          if (growing() && itBuckets == buckets) {
            int oldbucket = bucket & oldbucketmask();
            if (!oldbuckets.evacuated(oldbucket)) {
              barr = oldbuckets;
              bptr = oldbucket;
              checkBucket = bucket;
              checkSplits = !sameSizeGrow();
            } else {
              barr = itBuckets;
              bptr = bucket;
              checkBucket = NIL;
            }
          } else if (shrinking && itBuckets == buckets) {
            beginShrinkPosition(bucket);
          } else {
            barr = itBuckets;
            bptr = bucket;
            checkBucket = NIL;
          }
          bucket++;
          if (bucket == 1 << itB) {
            bucket = 0;
            wrapped = true;
          }
          i = 0;
        }
        for (; i < SLOTS; i++) {
          int offi = (i + offset) & (SLOTS - 1);
          if (limit != Integer.MAX_VALUE && chainSlots + offi >= limit) {
            // A shrink merged this past the decision: returned from its old bucket, or new.
            continue;
          }
          int top = barr.tophash(bptr, offi);
          if (isEmpty(top) || top == EVACUATED_EMPTY) {
            continue;
          }
          boolean itself = reflexiveKeys || keyIsItself(barr, bptr, offi);
          if (checkBucket != NIL && checkSplits) {
            // Iterating an old bucket not yet evacuated: return only the entries that will move to
            // the new bucket this iteration is at. A key that is not equal to itself has no
            // reproducible hash: evacuation sends it where its tophash's low bit says.
            if (itself) {
              long hash = rehash(barr, bptr, offi);
              if ((hash & ((1L << itB) - 1)) != checkBucket) {
                continue;
              }
            } else if ((checkBucket >>> (itB - 1)) != (top & 1)) {
              continue;
            }
          }
          if ((top != EVACUATED_X && top != EVACUATED_Y) || !itself) {
            // A key not equal to itself cannot be looked up again: return it as it is stored.
            arr = barr;
            bkt = bptr;
            slot = offi;
          } else {
            // The map grew since the iterator started: the entry's golden copy is elsewhere.
            long pos = relookup(barr, bptr, offi);
            if (pos < 0) {
              continue;
            }
            arr = arrayAt(pos);
            bkt = bucketAt(pos);
            slot = slotAt(pos);
          }
          i++;
          return true;
        }
        bptr = barr.overflow(bptr);
        chainSlots += SLOTS;
        i = 0;
      }
    }

    /**
     * Decides how to walk position {@code j} of a snapshot that is the new array of the shrink in
     * progress (see the class notes) and starts on its first chain. Called once per position.
     */
    private void beginShrinkPosition(int j) {
      BucketArray old = oldbuckets;
      int hi = j + (1 << itB);
      shrinkOld = old;
      feederLo = old.evacuated(j) ? NIL : j;
      feederHi = old.evacuated(hi) ? NIL : hi;
      if (feederLo == NIL && feederHi == NIL) {
        pendingLimit = Integer.MAX_VALUE;
      } else {
        // The slots the merged feeder put into j, packed from the first: up to the first emptyRest.
        int n = 0;
        count:
        for (int b = j; b != NIL; b = itBuckets.overflow(b)) {
          for (int s = 0; s < SLOTS; s++, n++) {
            if (itBuckets.tophash(b, s) == EMPTY_REST) {
              break count;
            }
          }
        }
        pendingLimit = n;
      }
      pendingNew = pendingLimit == 0 ? NIL : j;
      checkBucket = NIL;
      nextShrinkSource();
    }

    /** Starts on the next chain of the current shrink position, if any is left; else false. */
    private boolean nextShrinkSource() {
      chainSlots = 0;
      limit = Integer.MAX_VALUE;
      i = 0;
      if (feederLo != NIL) {
        barr = shrinkOld;
        bptr = feederLo;
        feederLo = NIL;
        return true;
      }
      if (feederHi != NIL) {
        barr = shrinkOld;
        bptr = feederHi;
        feederHi = NIL;
        return true;
      }
      shrinkOld = null;
      if (pendingNew != NIL) {
        barr = itBuckets;
        bptr = pendingNew;
        limit = pendingLimit;
        pendingNew = NIL;
        return true;
      }
      return false;
    }
  }
}
