package io.gomap4j.engine.internal;

import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.engine.growth.Go119ShrinkGrowthPolicy;

/**
 * Walks a whole map and checks the invariants of Go's design. It throws
 * {@link IllegalStateException} naming the first one broken.
 *
 * <ul>
 *   <li>tophash values: a filled slot holds {@code tophash(hash(key))} (&gt;= 5); the current array
 *       holds no evacuation mark; an evacuated old bucket holds nothing but marks;</li>
 *   <li>{@code emptyRest}: after an {@code emptyRest} slot, every later slot of the chain is
 *       {@code emptyRest} too;</li>
 *   <li>placement: every key sits in the chain of its home bucket ({@code hash & mask}, or the old
 *       mask in the old array), and a lookup of it finds exactly that slot, so no key is stored
 *       twice; keys not equal to themselves (NaN), whose hash is random, are exempt;</li>
 *   <li>counts: the live slots add up to {@code count}; under Go's own growth policy below B=16,
 *       {@code noverflow} equals the overflow buckets linked into the current array;</li>
 *   <li>growth: old buckets below {@code nevacuate} are evacuated; {@code sameSizeGrow} is set only
 *       while growing; no write is in progress; the shared zero pages were never written.</li>
 *   <li>shrinking: the old array has twice the current buckets and no same-size flag; a current
 *       bucket {@code j} with a feeder (old {@code j} or {@code j + 2^B}) not yet merged holds
 *       only entries of its merged feeders, packed without an {@code emptyOne} hole (what the
 *       iterator's positional limit relies on), and nothing at all if neither is merged.</li>
 *   <li>side storage: whatever the map type keeps beside its buckets agrees with them (for
 *       indirect keys and elems, every live slot points to its own live buffer, and no buffer is
 *       leaked); see {@link MapCore#checkSideStorage}.</li>
 * </ul>
 */
final class Invariants {

  private Invariants() {}

  static void check(MapCore m) {
    if ((m.flags & MapCore.HASH_WRITING) != 0) {
      fail(m, "hashWriting is set outside of a write");
    }
    if (!m.growing() && m.sameSizeGrow()) {
      fail(m, "sameSizeGrow is set but the map is not growing");
    }
    if (m.shrinking && m.oldbuckets == null) {
      fail(m, "shrinking is set but there is no old array");
    }
    if (m.buckets == null) {
      if (m.count != 0) {
        fail(m, "count is " + m.count + " but no bucket array exists");
      }
      return;
    }
    if (m.buckets.b != m.B) {
      fail(m, "the bucket array has B=" + m.buckets.b + " but the map says B=" + m.B);
    }
    long live = 0;
    long linked = 0;
    BucketArray cur = m.buckets;
    checkZeroPages(m, cur);
    for (int b = 0; b < cur.base; b++) {
      int chain = 0;
      boolean rest = false;
      for (int o = b; o != MapCore.NIL; o = cur.overflow(o)) {
        if (o >= cur.allocated || (o != b && o < cur.base)) {
          fail(m, "bucket " + b + " links to bucket " + o + ", which is not an overflow bucket");
        }
        if (o != b) {
          linked++;
        }
        if (++chain > cur.allocated) {
          fail(m, "the overflow chain of bucket " + b + " has a cycle");
        }
        for (int i = 0; i < MapCore.SLOTS; i++) {
          int top = cur.tophash(o, i);
          if (rest && top != MapCore.EMPTY_REST) {
            fail(m, "bucket " + b + " chain " + o + " slot " + i + " holds " + top
                + " after an emptyRest slot");
          }
          if (top == MapCore.EMPTY_REST) {
            rest = true;
            continue;
          }
          if (top == MapCore.EMPTY_ONE) {
            continue;
          }
          if (top < MapCore.MIN_TOP_HASH) {
            fail(m, "the current array holds evacuation mark " + top + " at bucket " + o
                + " slot " + i);
          }
          checkEntry(m, cur, false, b, o, i, top, m.bucketMask());
          live++;
        }
      }
    }
    if (m.shrinking) {
      checkShrink(m);
    }
    if (m.evacuating()) {
      BucketArray old = m.oldbuckets;
      checkZeroPages(m, old);
      int nold = m.noldbuckets();
      if (old.base != nold) {
        fail(m, "the old array has " + old.base + " buckets, expected " + nold);
      }
      if (m.nevacuate < 0 || m.nevacuate > nold) {
        fail(m, "nevacuate " + m.nevacuate + " is outside 0.." + nold);
      }
      for (int b = 0; b < nold; b++) {
        boolean evacuated = old.evacuated(b);
        if (b < m.nevacuate && !evacuated) {
          fail(m, "old bucket " + b + " is below nevacuate " + m.nevacuate
              + " but not evacuated");
        }
        int chain = 0;
        for (int o = b; o != MapCore.NIL; o = old.overflow(o)) {
          if (++chain > old.allocated) {
            fail(m, "the overflow chain of old bucket " + b + " has a cycle");
          }
          for (int i = 0; i < MapCore.SLOTS; i++) {
            int top = old.tophash(o, i);
            if (evacuated) {
              if (top <= MapCore.EMPTY_ONE || top >= MapCore.MIN_TOP_HASH) {
                fail(m, "evacuated old bucket " + b + " chain " + o + " slot " + i
                    + " holds " + top + " instead of an evacuation mark");
              }
            } else if (top > MapCore.EMPTY_ONE && top < MapCore.MIN_TOP_HASH) {
              fail(m, "old bucket " + b + " is not evacuated but slot " + i + " of " + o
                  + " holds mark " + top);
            } else if (top >= MapCore.MIN_TOP_HASH) {
              checkEntry(m, old, true, b, o, i, top, nold - 1);
              live++;
            }
          }
        }
      }
    }
    if (live != m.count) {
      fail(m, "count is " + m.count + " but " + live + " live slots were found");
    }
    boolean exactNoverflow =
        m.growth instanceof Go119GrowthPolicy || m.growth instanceof Go119ShrinkGrowthPolicy;
    if (exactNoverflow && m.B < 16 && linked != m.noverflow) {
      fail(m, "noverflow is " + m.noverflow + " but " + linked
          + " overflow buckets are linked into the current array");
    }
    try {
      m.checkSideStorage();
    } catch (IllegalStateException e) {
      fail(m, e.getMessage());
    }
  }

  /** The shrink's old/new relation: see the class notes. */
  private static void checkShrink(MapCore m) {
    BucketArray cur = m.buckets;
    BucketArray old = m.oldbuckets;
    if (old.base != 2 * cur.base) {
      fail(m, "shrinking from " + old.base + " old buckets into " + cur.base
          + "; a shrink halves the bucket count");
    }
    int n = cur.base;
    for (int j = 0; j < n; j++) {
      boolean loDone = old.evacuated(j);
      boolean hiDone = old.evacuated(j + n);
      if (loDone && hiDone) {
        continue;
      }
      boolean rest = false;
      for (int o = j; o != MapCore.NIL; o = cur.overflow(o)) {
        for (int i = 0; i < MapCore.SLOTS; i++) {
          int top = cur.tophash(o, i);
          if (top == MapCore.EMPTY_REST) {
            rest = true;
            continue;
          }
          if (top == MapCore.EMPTY_ONE || rest) {
            fail(m, "bucket " + j + " has a hole at " + o + " slot " + i + " although old bucket "
                + (loDone ? j + n : j) + " is not merged into it yet");
          }
          if (top < MapCore.MIN_TOP_HASH) {
            continue; // reported by the scan of the current array
          }
          if (!m.reflexiveKeys && !m.keyIsItself(cur, o, i)) {
            continue; // a NaN key: its hash is random, so which old bucket it came from is unknown
          }
          int from = (int) (m.rehash(cur, o, i) & (2L * n - 1));
          if (from == j ? !loDone : !hiDone) {
            fail(m, "bucket " + j + " holds a key of old bucket " + from
                + ", which is not merged yet");
          }
        }
      }
    }
  }

  private static void checkEntry(
      MapCore m, BucketArray a, boolean old, int home, int b, int i, int top, int mask) {
    if (!m.reflexiveKeys && !m.keyIsItself(a, b, i)) {
      // A NaN key: its hash is random, so its bucket and tophash are arbitrary, and no lookup
      // finds it. Nothing more to check.
      return;
    }
    long hash = m.rehash(a, b, i);
    if ((hash & mask) != home) {
      fail(m, (old ? "old " : "") + "bucket " + home + " holds a key whose home bucket is "
          + (hash & mask));
    }
    if (m.tophash(hash) != top) {
      fail(m, (old ? "old " : "") + "bucket " + b + " slot " + i + " has tophash " + top
          + " but its key's tophash is " + m.tophash(hash));
    }
    long pos = m.relookup(a, b, i);
    if (pos != MapCore.position(old, b, i)) {
      fail(m, "the key in " + (old ? "old " : "") + "bucket " + b + " slot " + i
          + (pos < 0 ? " cannot be found by a lookup" : " is also stored elsewhere (a lookup"
              + " finds another slot)"));
    }
  }

  private static void checkZeroPages(MapCore m, BucketArray a) {
    if (!a.zeroPagesIntact()) {
      fail(m, "the shared zero page was written");
    }
  }

  private static void fail(MapCore m, String what) {
    throw new IllegalStateException("map invariant broken in " + m.description() + ": " + what
        + " [" + MapInternals.state(m).traceLine() + " count=" + m.count + "]");
  }
}
