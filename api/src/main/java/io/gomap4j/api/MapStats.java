package io.gomap4j.api;

/**
 * A snapshot of a map's internal state, with Go's names where Go has one.
 *
 * @param count live entries ({@code hmap.count})
 * @param B log2 of the number of buckets ({@code hmap.B})
 * @param noverflow Go's overflow-bucket counter ({@code hmap.noverflow}): exact while B &lt; 16,
 *     approximate above, reset by every grow and by clear
 * @param overflowBuckets overflow buckets linked into the current bucket array's chains, counted
 * @param growing whether a grow (doubling or same-size) is in progress: old buckets still hold
 *     entries. False while shrinking
 * @param nevacuate evacuation progress of the grow or shrink in progress: old buckets below this
 *     index are evacuated
 * @param sameSizeGrow whether the grow in progress keeps the number of buckets
 * @param shrinking whether a shrink is in progress (a growth policy answered
 *     {@link io.gomap4j.spi.GrowthPolicy.Grow#HALVE}): the old array of {@code 2^(B+1)} buckets
 *     still holds entries that writes merge, two old buckets into each current one. Go's own maps
 *     never shrink
 * @param javaHeapBytes estimated Java heap bytes held by the map's bucket storage (arrays and their
 *     headers, assuming compressed references below a 32 GiB heap), and by a {@link BytesGoMap}'s
 *     side table of keys and elems over 128 bytes
 * @param goBytes the heap bytes Go 1.19 itself would hold for this map on the modelled platform:
 *     the {@code hmap} header, the current bucket array as {@code makeBucketArray} allocates it
 *     (preallocated overflow buckets included), overflow buckets allocated one at a time, the old
 *     array while growing or shrinking, {@code mapextra} and its overflow slices where Go allocates them, and
 *     the separate objects of keys and elems larger than 128 bytes; each object rounded up to its
 *     malloc size class. Memory that keys and elems point to (string bytes, for one) is not
 *     counted. A total past 2^63-1 bytes (many entries with huge indirect keys or elems) is
 *     reported as {@link Long#MAX_VALUE}.
 */
public record MapStats(
    long count,
    int B,
    int noverflow,
    long overflowBuckets,
    boolean growing,
    long nevacuate,
    boolean sameSizeGrow,
    boolean shrinking,
    long javaHeapBytes,
    long goBytes) {

  /** The statistics of a map that is not shrinking: the form before {@code shrinking} existed. */
  public MapStats(long count, int B, int noverflow, long overflowBuckets, boolean growing,
      long nevacuate, boolean sameSizeGrow, long javaHeapBytes, long goBytes) {
    this(count, B, noverflow, overflowBuckets, growing, nevacuate, sameSizeGrow, false,
        javaHeapBytes, goBytes);
  }

  /** Whether a grow or a shrink is in progress: an old bucket array still holds entries. */
  public boolean evacuating() {
    return growing || shrinking;
  }

  /** The number of buckets in the current array, {@code 2^B}, not counting overflow buckets. */
  public long buckets() {
    return 1L << B;
  }

  /** Entries per bucket, the number Go compares with its load factor of 6.5. */
  public double loadFactor() {
    return count / (double) buckets();
  }
}
