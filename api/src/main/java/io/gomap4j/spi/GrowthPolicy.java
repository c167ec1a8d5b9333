package io.gomap4j.spi;

import java.util.function.IntSupplier;

/**
 * When and how a map grows. The engine asks the policy and carries out the answer with Go's
 * machinery: a grow allocates a new bucket array and leaves the entries in the old one, and every
 * later write evacuates a few old buckets, until none is left.
 *
 * <p>The bundled {@code go119} policy is Go 1.19's exact rules. Found through
 * {@link java.util.ServiceLoader} by {@link #name()}.
 */
public interface GrowthPolicy {

  /** The version of this interface. Return it from {@link #spiVersion()}. */
  int SPI_VERSION = 1;

  /** What a grow does to the number of buckets. */
  enum Grow {
    /** No grow. */
    NONE,
    /** Double the bucket count: B grows by one, and entries split between the X and Y halves. */
    DOUBLE,
    /** Keep the bucket count and repack entries, dropping sparse overflow chains. */
    SAME_SIZE,
    /**
     * Halve the bucket count: B drops by one, and old buckets {@code i} and {@code i + 2^(B-1)}
     * merge into new bucket {@code i}. Only {@link #onDelete} may answer it, and only for B &gt; 0.
     */
    HALVE
  }

  /**
   * The stable name users select this policy by, such as {@code go119}: ASCII letters, digits,
   * {@code .}, {@code _} and {@code -}, starting with a letter or digit, and unique among the
   * growth policies (see <a href="package-summary.html#plugin-names">plugin names</a>).
   */
  String name();

  /** Return {@link #SPI_VERSION}; the compiler records the value the plugin was built against. */
  int spiVersion();

  /**
   * The initial B for {@code make(map[K]V, hint)}: the map holds {@code hint} entries without
   * growing. The engine applies Go's {@code makemap} rule before asking: a hint whose buckets
   * would pass the layout's {@link PlatformLayout#maxAlloc()} arrives here as 0.
   *
   * @param hint the expected number of entries, at least 0
   * @return B in 0..{@code maxB}
   */
  int initialB(long hint);

  /**
   * The decision when a new key is about to be inserted into a map that is not growing:
   * {@link Grow#NONE}, {@link Grow#DOUBLE} or {@link Grow#SAME_SIZE}; anything else is a policy
   * error.
   *
   * @param countAfter the number of entries the insert would make
   * @param B log2 of the current number of buckets
   * @param noverflow the map's overflow bucket counter, as {@link #countOverflow} maintained it
   */
  Grow onInsert(long countAfter, int B, int noverflow);

  /**
   * The decision after a key was deleted from a map that is not growing: {@link Grow#NONE} to keep
   * the buckets, or {@link Grow#HALVE} to shrink. Go's maps never shrink, so the default, and
   * {@code go119}, answer {@link Grow#NONE}. A policy that shrinks declares it to the TCK, which
   * checks that a shrink never loses, duplicates or overloads anything.
   *
   * @param countAfter the number of entries after the delete
   * @param B log2 of the current number of buckets
   * @param noverflow the map's overflow bucket counter
   * @return {@link Grow#NONE} or {@link Grow#HALVE}; anything else is a policy error
   */
  default Grow onDelete(long countAfter, int B, int noverflow) {
    return Grow.NONE;
  }

  /**
   * How many old buckets each write evacuates in sequence order while a grow or a shrink is in
   * progress, in addition to the bucket the write itself touches. Go evacuates one. At least 1, or
   * a grow might never finish.
   */
  int extraEvacuationsPerWrite();

  /**
   * Whether a newly linked overflow bucket increments {@code noverflow}. Go counts every one while
   * B &lt; 16 and one in {@code 2^(B-15)} above.
   *
   * @param B log2 of the current number of buckets
   * @param random draws 32 random bits from the map's own random source; draw only when the
   *     decision needs them, because every draw moves the map's later random choices (its next
   *     seed and iteration starts), as Go's {@code incrnoverflow} calls {@code fastrand} only for
   *     B &gt;= 16
   */
  boolean countOverflow(int B, IntSupplier random);
}
