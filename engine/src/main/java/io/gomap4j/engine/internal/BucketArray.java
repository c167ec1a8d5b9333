package io.gomap4j.engine.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One bucket array of a map ({@code hmap.buckets} or {@code hmap.oldbuckets}) with its overflow
 * buckets, stored in pages of {@code 2^pageShift} buckets.
 *
 * <p>Bucket {@code i} lives at byte {@code (i & pageMask) * stride} of page {@code i >>> pageShift};
 * its reference slots, if any, at {@code (i & pageMask) * refsPerBucket} of the matching reference
 * page. Indices {@code 0 .. 2^B-1} are the buckets proper, {@code 2^B .. nbuckets-1} the overflow
 * buckets Go preallocates, and later indices overflow buckets allocated one at a time.
 *
 * <p>Pages start as a shared, never-written zero page, so a new array costs only its page table: a
 * bucket nobody wrote reads as empty ({@code emptyRest}), and the first write to a page gives it
 * memory of its own. A grow therefore never allocates or zeroes a whole array in one write. Every
 * write goes through {@link #writable(int)}.
 */
final class BucketArray {

  static final int NIL = -1;
  static final int MAX_PAGE_SHIFT = 7;

  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final ConcurrentHashMap<Integer, byte[]> ZERO_BYTES = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Integer, Object[]> ZERO_REFS = new ConcurrentHashMap<>();

  final Geometry g;
  final int b;
  final int base;
  final int nbuckets;
  final int pageShift;
  final int pageMask;
  private final byte[] zeroPage;
  private final Object[] zeroRefs;

  byte[][] pages;
  Object[][] refPages;
  /** The next free preallocated overflow bucket ({@code extra.nextOverflow}), or {@link #NIL}. */
  int nextOverflow;
  /** Bucket indices handed out so far: the preallocated ones and every overflow bucket since. */
  int allocated;

  BucketArray(Geometry g, int b) {
    if (b > MapCore.MAX_B) {
      throw new IllegalStateException(
          "map too large: B=" + b + " exceeds the engine's limit of " + MapCore.MAX_B);
    }
    this.g = g;
    this.b = b;
    this.base = 1 << b;
    long n = GoAlloc.bucketsAllocated(b, g.goBucketSize());
    if (n > Integer.MAX_VALUE - (1 << MAX_PAGE_SHIFT)) {
      throw new IllegalStateException("map too large: " + n + " buckets");
    }
    this.nbuckets = (int) n;
    this.pageShift = Math.min(b, MAX_PAGE_SHIFT);
    this.pageMask = (1 << pageShift) - 1;
    int pageBytes = g.stride() << pageShift;
    this.zeroPage = ZERO_BYTES.computeIfAbsent(pageBytes, byte[]::new);
    this.zeroRefs =
        g.refsPerBucket() == 0
            ? null
            : ZERO_REFS.computeIfAbsent(g.refsPerBucket() << pageShift, Object[]::new);
    int npages = pagesFor(nbuckets);
    this.pages = new byte[npages][];
    Arrays.fill(pages, zeroPage);
    if (zeroRefs != null) {
      this.refPages = new Object[npages][];
      Arrays.fill(refPages, zeroRefs);
    }
    this.nextOverflow = nbuckets > base ? base : NIL;
    this.allocated = nbuckets;
  }

  private int pagesFor(int buckets) {
    return ((buckets - 1) >>> pageShift) + 1;
  }

  /** The page holding bucket {@code bkt}, for reading. */
  byte[] page(int bkt) {
    return pages[bkt >>> pageShift];
  }

  /** The byte offset of bucket {@code bkt} in its page. */
  int offset(int bkt) {
    return (bkt & pageMask) * g.stride();
  }

  /** The reference page holding bucket {@code bkt}, for reading. */
  Object[] refPage(int bkt) {
    return refPages[bkt >>> pageShift];
  }

  /** The offset of bucket {@code bkt}'s first reference slot in its reference page. */
  int refOffset(int bkt) {
    return (bkt & pageMask) * g.refsPerBucket();
  }

  /** The page holding bucket {@code bkt}, given memory of its own if it still is the zero page. */
  byte[] writable(int bkt) {
    int p = bkt >>> pageShift;
    byte[] page = pages[p];
    if (page == zeroPage) {
      page = new byte[zeroPage.length];
      pages[p] = page;
      if (zeroRefs != null) {
        refPages[p] = new Object[zeroRefs.length];
      }
    }
    return page;
  }

  int tophash(int bkt, int i) {
    return pages[bkt >>> pageShift][(bkt & pageMask) * g.stride() + i] & 0xFF;
  }

  void setTophash(int bkt, int i, int top) {
    writable(bkt)[offset(bkt) + i] = (byte) top;
  }

  /** The next bucket in {@code bkt}'s chain, or {@link #NIL}. */
  int overflow(int bkt) {
    return (int) INT_LE.get(page(bkt), offset(bkt) + g.overflowOffset()) - 1;
  }

  void setOverflow(int bkt, int next) {
    INT_LE.set(writable(bkt), offset(bkt) + g.overflowOffset(), next + 1);
  }

  /** {@code evacuated(b)}: bucket {@code bkt}'s first tophash is an evacuation mark. */
  boolean evacuated(int bkt) {
    int h = tophash(bkt, 0);
    return h > MapCore.EMPTY_ONE && h < MapCore.MIN_TOP_HASH;
  }

  /** A fresh overflow bucket beyond the preallocated ones ({@code newobject(t.bucket)}). */
  int allocateOverflow() {
    int idx = allocated;
    if (idx == Integer.MAX_VALUE) {
      throw new IllegalStateException("map too large: no bucket index left for an overflow bucket");
    }
    allocated++;
    int p = idx >>> pageShift;
    if (p >= pages.length) {
      int n = Math.max(p + 1, pages.length + (pages.length >>> 1) + 1);
      int old = pages.length;
      pages = Arrays.copyOf(pages, n);
      Arrays.fill(pages, old, n, zeroPage);
      if (zeroRefs != null) {
        refPages = Arrays.copyOf(refPages, n);
        Arrays.fill(refPages, old, n, zeroRefs);
      }
    }
    return idx;
  }

  /** Copies key and elem of slot {@code si} of {@code src} bucket {@code sb} into this array. */
  void copySlotFrom(BucketArray src, int sb, int si, int db, int di) {
    copySlot(src, sb, src.page(sb), src.offset(sb), si, db, writable(db), offset(db), di);
  }

  /**
   * {@link #copySlotFrom} for a caller that holds both buckets' pages and offsets: {@code from} and
   * {@code soff} are {@code src.page(sb)} and {@code src.offset(sb)}, {@code to} and {@code doff}
   * this array's {@code writable(db)} and {@code offset(db)}. Evacuation moves entries bucket by
   * bucket, so it looks the pages up once per bucket instead of once per slot.
   */
  void copySlot(
      BucketArray src, int sb, byte[] from, int soff, int si, int db, byte[] to, int doff, int di) {
    int ks = g.keySlot();
    if (ks != 0) {
      copy(from, soff + g.keysOffset() + si * ks, to, doff + g.keysOffset() + di * ks, ks);
    }
    int es = g.elemSlot();
    if (es != 0) {
      copy(from, soff + g.elemsOffset() + si * es, to, doff + g.elemsOffset() + di * es, es);
    }
    if (zeroRefs != null) {
      Object[] rs = src.refPage(sb);
      Object[] rd = refPage(db);
      int rso = src.refOffset(sb);
      int rdo = refOffset(db);
      rd[rdo + di] = rs[rso + si];
      rd[rdo + Geometry.SLOTS + di] = rs[rso + Geometry.SLOTS + si];
    }
  }

  /**
   * Copies {@code n} bytes; 8 and 4 bytes (the common slots) as one word each, which is much
   * cheaper than {@link System#arraycopy} for so few bytes. Byte order does not matter: both
   * sides are read and written alike.
   */
  private static void copy(byte[] from, int at, byte[] to, int dest, int n) {
    if (n == 8) {
      LONG_LE.set(to, dest, (long) LONG_LE.get(from, at));
    } else if (n == 4) {
      INT_LE.set(to, dest, (int) INT_LE.get(from, at));
    } else {
      System.arraycopy(from, at, to, dest, n);
    }
  }

  /** Zeroes the elem of a slot, and its key too when keys are references ({@code mapdelete}). */
  void clearSlot(int bkt, int i) {
    byte[] page = writable(bkt);
    int es = g.elemSlot();
    if (es != 0) {
      int o = offset(bkt) + g.elemsOffset() + i * es;
      Arrays.fill(page, o, o + es, (byte) 0);
    }
    if (zeroRefs != null) {
      Object[] refs = refPage(bkt);
      int ro = refOffset(bkt);
      refs[ro + i] = null;
      refs[ro + Geometry.SLOTS + i] = null;
    }
  }

  /**
   * After evacuation, drops everything of bucket {@code bkt} but its tophash bytes, so that the
   * garbage collector can free what its slots referenced. Only reference storage needs it.
   */
  void clearEvacuated(int bkt) {
    if (zeroRefs == null) {
      return;
    }
    byte[] page = writable(bkt);
    int o = offset(bkt);
    Arrays.fill(page, o + Geometry.SLOTS, o + g.stride(), (byte) 0);
    int ro = refOffset(bkt);
    Arrays.fill(refPage(bkt), ro, ro + g.refsPerBucket(), null);
  }

  /**
   * Empties every bucket and forgets the overflow buckets, as {@code makeBucketArray} with dirty.
   * The page table keeps its length, so an iterator standing on a former overflow bucket reads it
   * as empty.
   */
  void reset() {
    Arrays.fill(pages, zeroPage);
    if (zeroRefs != null) {
      Arrays.fill(refPages, zeroRefs);
    }
    nextOverflow = nbuckets > base ? base : NIL;
    allocated = nbuckets;
  }

  /** Whether the shared zero page is still all zero: a write that bypassed {@link #writable}. */
  boolean zeroPagesIntact() {
    for (byte x : zeroPage) {
      if (x != 0) {
        return false;
      }
    }
    if (zeroRefs != null) {
      for (Object o : zeroRefs) {
        if (o != null) {
          return false;
        }
      }
    }
    return true;
  }

  /** Overflow buckets allocated one at a time ({@code newobject}), beyond the preallocated ones. */
  int newobjectOverflowBuckets() {
    return allocated - nbuckets;
  }

  /**
   * Overflow buckets handed out since this array was made or reset: the preallocated ones taken
   * and the {@code newobject} ones. For bucket types without pointers this is the length of Go's
   * {@code extra.overflow} (or {@code oldoverflow}) slice.
   */
  int overflowBucketsTaken() {
    int preTaken = nextOverflow == NIL ? nbuckets - base : nextOverflow - base;
    return preTaken + newobjectOverflowBuckets();
  }

  /** Java heap bytes held by this array: its page tables and the pages it owns. */
  long heapBytes(int refBytes) {
    long bytes = 16 + (long) pages.length * refBytes;
    for (byte[] p : pages) {
      if (p != zeroPage) {
        bytes += 16 + p.length;
      }
    }
    if (refPages != null) {
      bytes += 16 + (long) refPages.length * refBytes;
      for (Object[] p : refPages) {
        if (p != zeroRefs) {
          bytes += 16 + (long) p.length * refBytes;
        }
      }
    }
    return bytes;
  }
}
