package io.gomap4j.engine.internal;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.PluginFailureException;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.PlatformLayout;

/**
 * Go 1.19's allocator rounding, which decides how many overflow buckets {@code makeBucketArray}
 * preallocates: a request below 32 KiB rounds up to its malloc size class, a larger one to a multiple
 * of the 8 KiB page ({@code runtime/msize.go roundupsize}, {@code sizeclasses.go}); the objects
 * Go allocates per entry for keys and elems stored behind a pointer
 * ({@link #indirectBytesPerEntry}); and the allocation limit {@code makemap} applies to a size hint
 * ({@link HintCutoff}), with the one check of a layout's
 * {@link PlatformLayout#maxAlloc() maxAlloc} ({@link #maxAlloc}).
 */
public final class GoAlloc {

  private static final int MAX_SMALL_SIZE = 32768;
  private static final long PAGE_SIZE = 8192;

  /** {@code class_to_size} of Go 1.19 ({@code runtime/sizeclasses.go}). */
  private static final int[] CLASS_TO_SIZE = {
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
    352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048,
    2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240,
    10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768
  };

  private GoAlloc() {}

  /**
   * The size Go's allocator actually hands out for a request of {@code size} bytes, or
   * {@link Long#MAX_VALUE} when that would pass 2^63-1.
   */
  public static long roundupsize(long size) {
    if (size < MAX_SMALL_SIZE) {
      for (int c : CLASS_TO_SIZE) {
        if (c >= size) {
          return c;
        }
      }
    }
    if (size > Long.MAX_VALUE - (PAGE_SIZE - 1)) {
      return Long.MAX_VALUE;
    }
    return (size + PAGE_SIZE - 1) & -PAGE_SIZE;
  }

  /**
   * The bytes Go allocates per entry for the key and elem objects of {@code bucket}: a key or elem
   * type over 128 bytes is stored behind a pointer, one {@code newobject} of its size per entry,
   * rounded up to its size class; 0 when both are stored in the bucket. Saturates at
   * {@link Long#MAX_VALUE}.
   */
  public static long indirectBytesPerEntry(BucketLayout bucket) {
    long key = bucket.indirectKey() ? roundupsize(bucket.keyType().size()) : 0;
    long elem = bucket.indirectElem() ? roundupsize(bucket.elemType().size()) : 0;
    return SaturatingMath.add(key, elem);
  }

  /**
   * The layout's {@link PlatformLayout#maxAlloc()}, checked before anything uses it: at least 1
   * and, with 4-byte pointers, at most 2^32-1, as Go's makemap compares a {@code uintptr} with it.
   *
   * @throws IllegalArgumentException naming the layout, its maxAlloc and the allowed range, if it
   *     is out of that range
   */
  public static long maxAlloc(PlatformLayout layout) {
    long maxAlloc = PluginFailureException.ask(PluginKind.LAYOUT, Printable.of(layout.name()),
        layout, "maxAlloc()", layout::maxAlloc);
    boolean ptr32 = layout.platform().ptrSize() == 4;
    long most = ptr32 ? 0xFFFF_FFFFL : Long.MAX_VALUE;
    if (maxAlloc < 1 || maxAlloc > most) {
      throw new IllegalArgumentException("layout '" + Printable.of(layout.name())
          + "' gives maxAlloc " + maxAlloc + "; it must be at least 1 and at most " + most + (ptr32
              ? " (2^32-1, the largest uintptr with 4-byte pointers)" : " (2^63-1)")
          + ". Run the TCK's PlatformLayoutVerification on the plugin");
    }
    return maxAlloc;
  }

  /**
   * Where Go 1.19's {@code makemap} starts taking a size hint as 0 for one map type on one
   * platform: above {@link #largestKept()}, {@code maxAlloc / bucketSize}. The one place that
   * applies the cut-off to a hint ({@link #hint}) and explains it ({@link #explanation()}), for
   * the engine, trace replay and {@code gomap4j simulate}.
   *
   * @param layout the layout's name as messages show it ({@link #of} writes each control
   *     character in it as {@code \}{@code u00XX})
   * @param bucketSize Go's bucket size for the map type on that layout, at least 1
   * @param maxAlloc the layout's maxAlloc, at least 1
   */
  public record HintCutoff(String layout, int bucketSize, long maxAlloc) {

    /**
     * @throws IllegalArgumentException if {@code bucketSize} or {@code maxAlloc} is below 1
     */
    public HintCutoff {
      if (bucketSize < 1 || maxAlloc < 1) {
        throw new IllegalArgumentException("bucketSize and maxAlloc must be at least 1, got "
            + bucketSize + " and " + maxAlloc);
      }
    }

    /**
     * The cut-off of {@code bucket}, a map type laid out by {@code layout}, with the layout's
     * maxAlloc and bucket size checked ({@link GoAlloc#maxAlloc}).
     *
     * @throws IllegalArgumentException naming the layout, if its maxAlloc is out of range or the
     *     bucket size is below 1
     */
    public static HintCutoff of(PlatformLayout layout, BucketLayout bucket) {
      long maxAlloc = GoAlloc.maxAlloc(layout);
      if (bucket.bucketSize() < 1) {
        throw new IllegalArgumentException("layout '" + Printable.of(layout.name())
            + "' gives map[" + bucket.key().abbreviated() + "]" + bucket.elem().abbreviated()
            + " buckets of " + bucket.bucketSize() + " bytes; a bucket is at least 1 byte. Run the"
            + " TCK's PlatformLayoutVerification on the plugin");
      }
      return new HintCutoff(Printable.of(layout.name()), bucket.bucketSize(), maxAlloc);
    }

    /**
     * The hint Go 1.19's {@code makemap} goes on with for {@code make(map[K]V, hint)}: 0 when
     * {@code hint * bucketSize} passes {@code maxAlloc} or overflows a {@code uintptr} ("if
     * overflow || mem > maxAlloc { hint = 0 }"), and so for a negative hint, which Go turns into a
     * huge {@code uintptr}; else {@code hint}. So a hint up to {@link #largestKept()} is kept.
     *
     * <p>{@code maxAlloc} is at most the largest {@code uintptr} (the engine refuses a layout whose
     * {@link io.gomap4j.spi.PlatformLayout#maxAlloc()} is not), so every product that overflows
     * passes it too. On a 32-bit platform that also covers {@code makemap64}, which takes a hint
     * that does not fit Go's 32-bit {@code int} as 0: a bucket is at least 12 bytes there, so such
     * a hint passes {@code maxAlloc / bucketSize}.
     */
    public long hint(long hint) {
      return hint < 0 || hint > largestKept() ? 0 : hint;
    }

    /** The largest hint {@code makemap} keeps: {@code maxAlloc / bucketSize}. */
    public long largestKept() {
      return maxAlloc / bucketSize;
    }

    /**
     * Why a hint above {@link #largestKept()} is 0, for messages: {@code Go's makemap takes a hint
     * above 1954687338268 as 0, since hint * 144, the bucket size, would pass amd64's maxAlloc of
     * 281474976710656 bytes}.
     */
    public String explanation() {
      return "Go's makemap takes a hint above " + largestKept() + " as 0, since hint * "
          + bucketSize + ", the bucket size, would pass " + layout + "'s maxAlloc of " + maxAlloc
          + " bytes";
    }
  }

  /**
   * The number of buckets {@code makeBucketArray(t, b)} allocates: {@code 2^b}, plus
   * {@code 2^(b-4)} preallocated overflow buckets when b &gt;= 4, stretched to fill the rounded
   * allocation.
   */
  public static long bucketsAllocated(int b, int bucketSize) {
    long base = 1L << b;
    long n = base;
    if (b >= 4) {
      n += 1L << (b - 4);
      long sz = bucketSize * n;
      long up = roundupsize(sz);
      if (up != sz) {
        n = up / bucketSize;
      }
    }
    return n;
  }
}
