package io.gomap4j.api;

/**
 * A snapshot of a map's internal state, with Go's names where Go has one.
 *
 * @param count live entries ({@code hmap.count})
 * @param B log2 of the number of buckets ({@code hmap.B})
 * @param noverflow Go's overflow-bucket counter ({@code hmap.noverflow}): exact while B &lt; 16,
 *     approximate above, reset by every grow and by clear
 * @param overflowBuckets overflow buckets linked into the current bucket array's chains, counted
 * @param growing whether a grow is in progress (old buckets still hold entries)
 * @param nevacuate evacuation progress: old buckets below this index are evacuated
 * @param sameSizeGrow whether the grow in progress keeps the number of buckets
 * @param javaHeapBytes estimated Java heap bytes held by the map's bucket storage (arrays and their
 *     headers, assuming compressed references below a 32 GiB heap)
 */
public record MapStats(
    long count,
    int B,
    int noverflow,
    long overflowBuckets,
    boolean growing,
    long nevacuate,
    boolean sameSizeGrow,
    long javaHeapBytes) {

  /** The number of buckets in the current array, {@code 2^B}, not counting overflow buckets. */
  public long buckets() {
    return 1L << B;
  }

  /** Entries per bucket, the number Go compares with its load factor of 6.5. */
  public double loadFactor() {
    return count / (double) buckets();
  }
}
