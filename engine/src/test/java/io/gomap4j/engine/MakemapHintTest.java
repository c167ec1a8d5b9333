package io.gomap4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.BytesGoMap;
import io.gomap4j.api.GoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.engine.growth.Go119ShrinkGrowthPolicy;
import io.gomap4j.engine.testing.TestHashes;
import io.gomap4j.engine.testing.TestLayouts;
import io.gomap4j.engine.testing.TestPlugins;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.GcPlatformLayout;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A size hint whose buckets would pass the platform's {@code maxAlloc} makes a map with B=0, as Go
 * 1.19's {@code makemap} takes such a hint as 0; a smaller hint keeps its B, and one whose B the
 * engine cannot hold is refused.
 */
class MakemapHintTest {

  /** The cut-off go1.19 showed on amd64 for map[int64]int64 (144-byte buckets): 2^48 / 144. */
  private static final long AMD64_INT64 = 1954687338268L;

  /** map[int64]int64's bucket size on amd64. */
  private static final int AMD64_BUCKET =
      new TestLayouts.Amd64().bucketLayout(GoType.INT64, GoType.INT64).bucketSize();

  /** The cut-off go1.19 showed on 386 for map[int64]int64 (140-byte buckets): (2^32-1) / 140. */
  private static final long I386_INT64 = 30678337L;

  private static GoMaps.Builder int64Map(String layout, long hint) {
    return TestPlugins.builder(layout, 7).keyType(GoType.INT64).elemType(GoType.INT64)
        .expectedSize(hint);
  }

  @Test
  @DisplayName("Above the cut-off every kind of map starts with B=0 under both bundled policies,"
      + " and works and grows from there")
  void aboveCutOffGivesB0() {
    for (GrowthPolicy growth : new GrowthPolicy[] {
        new Go119GrowthPolicy(), new Go119ShrinkGrowthPolicy()}) {
      for (long hint : new long[] {AMD64_INT64 + 1, 1L << 50, Long.MAX_VALUE}) {
        LongLongGoMap longs = int64Map(TestPlugins.AMD64, hint).growth(growth).buildLongLong();
        GoMap<Long, Long> objects = int64Map(TestPlugins.AMD64, hint).growth(growth).build();
        BytesGoMap bytes = int64Map(TestPlugins.AMD64, hint).growth(growth).buildBytes();
        assertThat(longs.stats().B()).as("%s, hint %d", growth.name(), hint).isZero();
        assertThat(objects.stats().B()).as("%s, hint %d", growth.name(), hint).isZero();
        assertThat(bytes.stats().B()).as("%s, hint %d", growth.name(), hint).isZero();
        for (long k = 0; k < 100; k++) {
          longs.put(k, -k);
          objects.put(k, -k);
        }
        assertThat(longs.size()).isEqualTo(100);
        assertThat(longs.get(42)).isEqualTo(-42);
        assertThat(objects.get(42L)).isEqualTo(-42L);
        assertThat(longs.stats().B()).isEqualTo(4);
      }
    }
  }

  @Test
  @DisplayName("At the cut-off on amd64 the hint is kept: B=39 is refused, naming the largest hint"
      + " the engine takes (13 * 2^29) and the cut-off above which a hint gives B=0")
  void atCutOffIsRefused() {
    for (long hint : new long[] {1L << 40, AMD64_INT64}) {
      assertThatThrownBy(() -> int64Map(TestPlugins.AMD64, hint).buildLongLong())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("chose B=" + (hint == AMD64_INT64 ? 39 : 38)
              + " for the size hint " + hint)
          .hasMessageContaining("B must be in 0..30 (at most 2^30 buckets), so give a hint of at"
              + " most " + (13L << 29))
          .hasMessageEndingWith(", or one Go takes as 0: Go's makemap takes a hint above "
              + AMD64_INT64 + " as 0, since hint * " + AMD64_BUCKET + ", the bucket size, would"
              + " pass amd64's maxAlloc of " + PlatformLayout.MAX_ALLOC_64 + " bytes, and so does"
              + " the engine");
    }
    assertThat(int64Map(TestPlugins.AMD64, 13L << 29).buildLongLong().stats().B()).isEqualTo(30);
  }

  @Test
  @DisplayName("On 386 (maxAlloc 2^32-1) the cut-off hint of map[int64]int64 gives B=23 as in Go,"
      + " the next B=0")
  void i386CutOff() {
    assertThat(int64Map(TestPlugins.I386, I386_INT64).buildLongLong().stats().B()).isEqualTo(23);
    assertThat(int64Map(TestPlugins.I386, I386_INT64 + 1).buildLongLong().stats().B()).isZero();
    assertThat(int64Map(TestPlugins.I386, 1L << 31).buildLongLong().stats().B()).isZero();
  }

  @Test
  @DisplayName("The cut-off follows the layout's own maxAlloc and the modelled bucket size")
  void layoutMaxAllocDecides() {
    PlatformLayout small = TestLayouts.withMaxAlloc("small-alloc", TestLayouts.AMD64, 144 * 1000);
    GoMaps.Builder b = GoMaps.builder().plugins(TestPlugins.registry()).hash(TestHashes.MIX)
        .layout(small).growth("go119").seed(1).keyMaterial(TestPlugins.KEY_MATERIAL);
    assertThat(b.expectedSize(1000).buildLongLong().stats().B()).isEqualTo(8);
    assertThat(b.expectedSize(1001).buildLongLong().stats().B()).isZero();
    // map[int8]int8 has 32-byte buckets on amd64: the same maxAlloc keeps a larger hint.
    b.keyType(GoType.INT8).elemType(GoType.INT8);
    assertThat(b.expectedSize(4500).buildBytes().stats().B()).isEqualTo(10);
    assertThat(b.expectedSize(4501).buildBytes().stats().B()).isZero();
  }

  @Test
  @DisplayName("A layout whose bucket size for the modelled map type is below 1 is refused naming"
      + " it, also by object maps, whose storage does not use that layout")
  void badBucketSizeRefused() {
    PlatformLayout zero = new GcPlatformLayout(TestLayouts.AMD64) {
      @Override
      public String name() {
        return "zero-bucket";
      }

      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }

      @Override
      public BucketLayout bucketLayout(GoType key, GoType elem) {
        BucketLayout b = super.bucketLayout(key, elem);
        return new BucketLayout(b.key(), b.elem(), b.keyType(), b.elemType(), b.keySlotSize(),
            b.elemSlotSize(), b.indirectKey(), b.indirectElem(), b.keysOffset(), b.elemsOffset(),
            b.overflowOffset(), b.overflowSize(), 0, b.bucketAlign());
      }
    };
    GoMaps.Builder b = GoMaps.builder().plugins(TestPlugins.registry()).hash(TestHashes.MIX)
        .layout(zero).growth("go119").seed(1).keyMaterial(TestPlugins.KEY_MATERIAL)
        .keyType(GoType.STRING).elemType(GoType.INT);
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("layout 'zero-bucket' gives map[string]int buckets of 0 bytes; a"
            + " bucket is at least 1 byte");
  }

  @Test
  @DisplayName("A layout whose maxAlloc is below 1, or above 2^32-1 with 4-byte pointers, is"
      + " refused naming it and the allowed range")
  void badMaxAllocRefused() {
    Object[][] cases = {
      {TestLayouts.AMD64, 0L, "at most 9223372036854775807 (2^63-1)"},
      {TestLayouts.AMD64, -1L, "at most 9223372036854775807 (2^63-1)"},
      {TestLayouts.I386, 1L << 32, "at most 4294967295 (2^32-1, the largest uintptr with 4-byte"
          + " pointers)"},
    };
    for (Object[] c : cases) {
      PlatformLayout bad = TestLayouts.withMaxAlloc("bad-alloc", (Platform) c[0], (Long) c[1]);
      GoMaps.Builder b = GoMaps.builder().plugins(TestPlugins.registry()).hash(TestHashes.MIX)
          .layout(bad).growth("go119").seed(1).keyMaterial(TestPlugins.KEY_MATERIAL);
      for (Runnable build : new Runnable[] {b::build, b::buildLongLong,
          () -> b.keyType(GoType.INT64).elemType(GoType.INT64).buildBytes()}) {
        assertThatThrownBy(build::run).as("maxAlloc %d", c[1])
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("layout 'bad-alloc' gives maxAlloc " + c[1])
            .hasMessageContaining("it must be at least 1 and " + c[2]);
      }
    }
  }
}
