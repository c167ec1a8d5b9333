package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.testing.TestLayouts;
import io.gomap4j.engine.testing.TestPlugins;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Go 1.19's allocator rounding and makeBucketArray's preallocated overflow buckets (spec 4.2). */
class GoAllocTest {

  @Test
  @DisplayName("Each key or elem over 128 bytes is one object per entry, rounded up to its size"
      + " class; keys and elems in the bucket cost nothing per entry")
  void indirectBytesPerEntry() {
    TestLayouts.Amd64 amd64 = new TestLayouts.Amd64();
    GoType big = GoType.parse("[129]byte");
    GoType bigger = GoType.parse("[200]byte");
    assertThat(GoAlloc.indirectBytesPerEntry(amd64.bucketLayout(GoType.INT64, GoType.INT64)))
        .isZero();
    assertThat(GoAlloc.indirectBytesPerEntry(amd64.bucketLayout(GoType.parse("[128]byte"),
        GoType.parse("[128]byte")))).isZero();
    // Go 1.19's size classes (src/runtime/sizeclasses.go, class_to_size): 129 bytes are
    // allocated from class 11, 144 bytes; 200 bytes from class 15, 208 bytes.
    long class11 = 144;
    long class15 = 208;
    assertThat(GoAlloc.indirectBytesPerEntry(amd64.bucketLayout(big, GoType.INT64)))
        .isEqualTo(class11);
    assertThat(GoAlloc.indirectBytesPerEntry(amd64.bucketLayout(GoType.INT64, bigger)))
        .isEqualTo(class15);
    assertThat(GoAlloc.indirectBytesPerEntry(amd64.bucketLayout(big, bigger)))
        .isEqualTo(class11 + class15);
  }

  @Test
  @DisplayName("roundupsize rounds below 32 KiB to Go 1.19's size classes and above to 8 KiB pages")
  void roundupsize() {
    // Sizes below 32 KiB from Go 1.19's class_to_size (src/runtime/sizeclasses.go); 2448 -> 2688
    // is also go-map-spec.md 4.2's amd64 B=4 example.
    long[][] cases = {
      {0, 0}, {1, 8}, {8, 8}, {9, 16}, {144, 144}, {145, 160}, {2448, 2688}, {2688, 2688},
      {4097, 4864}, {19584, 20480}, {27265, 28672}, {32767, 32768}, {32768, 32768},
      {32769, 40960}, {156672, 163840}, {8192L * 1000 + 1, 8192L * 1001}
    };
    for (long[] c : cases) {
      assertThat(GoAlloc.roundupsize(c[0])).as("roundupsize(%s)", c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  @DisplayName("roundupsize saturates at Long.MAX_VALUE instead of wrapping past 2^63-1")
  void roundupsizeSaturates() {
    assertThat(GoAlloc.roundupsize(Long.MAX_VALUE - 8191)).isEqualTo(Long.MAX_VALUE - 8191);
    assertThat(GoAlloc.roundupsize(Long.MAX_VALUE - 8190)).isEqualTo(Long.MAX_VALUE);
    assertThat(GoAlloc.roundupsize(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  @DisplayName("makemap keeps a hint up to maxAlloc / bucketsize and takes a larger or negative one"
      + " as 0, as Go 1.19 does on amd64 (2^48) and 386 (2^32-1)")
  void hintCutoff() {
    long amd64 = 1L << 48;
    long i386 = (1L << 32) - 1;
    // Cut-offs go1.19 showed (cli/src/test/resources/vectors/makemaphint/go1.19.jsonl).
    assertThat(hint(1954687338268L, 144, amd64)).isEqualTo(1954687338268L);
    assertThat(hint(1954687338269L, 144, amd64)).isZero();
    assertThat(hint(1L << 44, 16, amd64)).isEqualTo(1L << 44);
    assertThat(hint((1L << 44) + 1, 16, amd64)).isZero();
    assertThat(hint(357913941, 12, i386)).isEqualTo(357913941);
    assertThat(hint(357913942, 12, i386)).isZero();
    // hint * bucketsize overflows 64 bits; a negative hint is a huge uintptr in Go.
    assertThat(hint(Long.MAX_VALUE, 16, Long.MAX_VALUE)).isZero();
    assertThat(hint(-1, 144, amd64)).isZero();
    assertThat(hint(Long.MIN_VALUE, 144, amd64)).isZero();
    assertThat(hint(0, 144, amd64)).isZero();
    assertThat(hint(1000, 144, amd64)).isEqualTo(1000);
  }

  private static long hint(long hint, int bucketSize, long maxAlloc) {
    return new GoAlloc.HintCutoff("test", bucketSize, maxAlloc).hint(hint);
  }

  @Test
  @DisplayName("A cut-off needs a bucket size and a maxAlloc of at least 1, and names both")
  void hintCutoffArguments() {
    for (long[] bad : new long[][] {{0, 1}, {1, 0}, {-1, 1L << 48}, {144, -1}}) {
      assertThatThrownBy(() -> new GoAlloc.HintCutoff("test", (int) bad[0], bad[1]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bucketSize and maxAlloc must be at least 1, got " + bad[0] + " and "
              + bad[1]);
    }
  }

  private static List<Long> spare(int bucketSize) {
    List<Long> out = new ArrayList<>();
    for (int b = 4; b <= 12; b++) {
      out.add(GoAlloc.bucketsAllocated(b, bucketSize) - (1L << b));
    }
    return out;
  }

  @Test
  @DisplayName("map[int64]int64 preallocates Go's measured overflow buckets for B=4..12: amd64"
      + " (144-byte buckets) 2,5,7,14,28,56,113,170,284; 386 (140-byte) 3,2,5,8,36,73,87,175,292")
  void measuredPreallocation() {
    assertThat(spare(144)).containsExactly(2L, 5L, 7L, 14L, 28L, 56L, 113L, 170L, 284L);
    assertThat(spare(140)).containsExactly(3L, 2L, 5L, 8L, 36L, 73L, 87L, 175L, 292L);
  }

  @Test
  @DisplayName("Below B=4 makeBucketArray allocates exactly 2^B buckets; amd64 B=4 gets 17 buckets"
      + " rounded up through size class 2688 to 18")
  void smallArrays() {
    for (int b = 0; b < 4; b++) {
      assertThat(GoAlloc.bucketsAllocated(b, 144)).isEqualTo(1L << b);
      assertThat(GoAlloc.bucketsAllocated(b, 140)).isEqualTo(1L << b);
    }
    assertThat(GoAlloc.bucketsAllocated(4, 144)).isEqualTo(18);
  }

  @Test
  @DisplayName("A map's bucket array has the Go allocation's bucket count for its layout's bucket"
      + " size")
  void mapsUseTheLayoutsBucketSize() {
    for (int b = 4; b <= 10; b++) {
      long hint = 13L << (b - 1);
      LongLongGoMap amd64 = TestPlugins.builder(TestPlugins.AMD64, 1).expectedSize(hint)
          .buildLongLong();
      LongLongGoMap i386 = TestPlugins.builder(TestPlugins.I386, 1).expectedSize(hint)
          .buildLongLong();
      LongLongGoMap i386i32 = TestPlugins.builder(TestPlugins.I386, 1).expectedSize(hint)
          .keyType(GoType.INT32).elemType(GoType.INT32).buildLongLong();
      assertThat(MapInternals.core(amd64).buckets.b).isEqualTo(b);
      assertThat(MapInternals.core(amd64).buckets.nbuckets)
          .isEqualTo(GoAlloc.bucketsAllocated(b, 144));
      assertThat(MapInternals.core(i386).buckets.nbuckets)
          .isEqualTo(GoAlloc.bucketsAllocated(b, 140));
      assertThat(MapInternals.core(i386i32).buckets.nbuckets)
          .isEqualTo(GoAlloc.bucketsAllocated(b, 76));
      // An object map follows the bucket size of the Go types it models.
      MapCore objects = MapInternals.core(TestPlugins.builder(TestPlugins.I386, 1)
          .expectedSize(hint).keyType(GoType.STRING).elemType(GoType.INT).build());
      assertThat(objects.buckets.nbuckets).isEqualTo(GoAlloc.bucketsAllocated(b, 108));
    }
  }
}
