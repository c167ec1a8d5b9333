package io.gomap4j.engine.internal;

/**
 * The fields of a map's {@code hmap}, as Go's trace vectors print them.
 *
 * @param count live entries
 * @param flags the flag bits (iterator=1, oldIterator=2, hashWriting=4, sameSizeGrow=8)
 * @param B log2 of the bucket count
 * @param noverflow the overflow counter
 * @param hash0 the hash seed
 * @param growing whether old buckets remain
 * @param nevacuate evacuation progress
 * @param sameSize whether the grow keeps the bucket count
 * @param shrinking whether a shrink is in progress (never in Go; {@code growing} is then false)
 */
public record MapState(
    int count, int flags, int B, int noverflow, int hash0, boolean growing, int nevacuate,
    boolean sameSize, boolean shrinking) {

  /**
   * The state in the trace format: {@code B=.. noverflow=.. growing=.. nevacuate=.. samesize=..},
   * with {@code shrinking=true} appended while shrinking (Go's traces never shrink).
   */
  public String traceLine() {
    return "B=" + B + " noverflow=" + noverflow + " growing=" + growing + " nevacuate=" + nevacuate
        + " samesize=" + sameSize + (shrinking ? " shrinking=true" : "");
  }
}
