package io.gomap4j.engine.internal;

/**
 * The heap bytes Go 1.19 itself would hold for a map in the state of a {@link MapCore}, computed
 * from the counts the bucket arrays keep ({@link io.gomap4j.api.MapStats#goBytes()}).
 *
 * <p>Modelled, each object rounded up to its malloc size class with {@link GoAlloc#roundupsize}:
 *
 * <ul>
 *   <li>the {@code hmap} header, {@code 8 + 5*PtrSize} bytes: 48 on 64-bit, 28 (class 32) on
 *       32-bit (spec section 1);
 *   <li>the current bucket array as {@code makeBucketArray} allocates it, preallocated overflow
 *       buckets included (spec 4.2), or the single bucket {@code mapassign} allocates with
 *       {@code newobject} for a B=0 map;
 *   <li>every overflow bucket allocated with {@code newobject} beyond the preallocated ones (spec
 *       4.5);
 *   <li>while a grow is in progress, the old array and its {@code newobject} overflow buckets (spec
 *       4.7); likewise while a shrink (a growth policy's {@code HALVE}, never Go's) is in progress,
 *       whose old array is twice the current one;
 *   <li>{@code mapextra}, {@code 3*PtrSize} bytes, once Go would have allocated it: makemap or
 *       hashGrow with preallocated overflow buckets, or newoverflow for a bucket type without
 *       pointers. It is never freed, clear included;
 *   <li>for bucket types without pointers, the {@code extra.overflow} and {@code extra.oldoverflow}
 *       slices: the slice header ({@code new([]*bmap)}, {@code 3*PtrSize}) and the backing array
 *       at the capacity that Go 1.19's {@code append} ({@code growslice}) reaches for the slice's
 *       length, one append per overflow bucket;
 *   <li>for keys or elems larger than 128 bytes, one {@code newobject} of their size per entry.
 * </ul>
 *
 * <p>The sum saturates at {@link Long#MAX_VALUE}: many entries with huge indirect keys or elems
 * can need more bytes than a {@code long} counts, and are then reported as {@code Long.MAX_VALUE},
 * never as a wrapped value.
 *
 * <p>Not modelled: maps Go keeps on the stack (non-escaping {@code make}), the backing arrays an
 * {@code append} abandoned but the garbage collector has not yet freed, memory referenced by keys
 * and elems (string bytes, slice arrays, pointees, interface data), iterators, and allocator
 * overheads below the size class (span and arena metadata, fragmentation).
 */
final class GoMemory {

  private GoMemory() {}

  static long bytes(Geometry g, long count, BucketArray buckets, BucketArray old, boolean extra) {
    int ptr = g.goPtrSize();
    long bytes = GoAlloc.roundupsize(8 + 5L * ptr);
    bytes += array(g, buckets);
    bytes += array(g, old);
    if (extra) {
      bytes += GoAlloc.roundupsize(3L * ptr);
    }
    if (!g.goBucketHasPointers()) {
      bytes += overflowSlice(buckets, ptr) + overflowSlice(old, ptr);
    }
    return SaturatingMath.add(bytes,
        SaturatingMath.multiply(count, g.goIndirectBytesPerEntry()));
  }

  /** One bucket array as allocated, and its overflow buckets allocated one at a time. */
  private static long array(Geometry g, BucketArray a) {
    if (a == null) {
      return 0;
    }
    long size = g.goBucketSize();
    return GoAlloc.roundupsize(a.nbuckets * size)
        + a.newobjectOverflowBuckets() * GoAlloc.roundupsize(size);
  }

  /** An {@code extra.overflow} slice of array {@code a}: header and backing array, if created. */
  private static long overflowSlice(BucketArray a, int ptr) {
    if (a == null) {
      return 0;
    }
    int len = a.overflowBucketsTaken();
    if (len == 0) {
      return 0;
    }
    return GoAlloc.roundupsize(3L * ptr) + GoAlloc.roundupsize(appendCapacity(len, ptr) * ptr);
  }

  /**
   * The capacity of a {@code []*bmap} after {@code len} single appends to a nil slice, following Go
   * 1.19's {@code growslice}: double below 256, then grow by {@code (cap + 768) / 4}, then round the
   * byte size up to a size class.
   */
  static long appendCapacity(long len, int ptr) {
    long cap = 0;
    while (cap < len) {
      long need = cap + 1;
      long newcap;
      if (need > 2 * cap) {
        newcap = need;
      } else if (cap < 256) {
        newcap = 2 * cap;
      } else {
        newcap = cap;
        while (newcap < need) {
          newcap += (newcap + 3 * 256) / 4;
        }
      }
      cap = GoAlloc.roundupsize(newcap * ptr) / ptr;
    }
    return cap;
  }
}
