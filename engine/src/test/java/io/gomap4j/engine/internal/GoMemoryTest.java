package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.GoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.testing.TestPlugins;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * MapStats.goBytes: the bytes Go 1.19 would hold for the map. Expectations come from Go's rules
 * (spec 1, 2.5, 4.2, 4.5, 4.7, 4.9) and Go 1.19's size classes, not from running the engine.
 */
class GoMemoryTest {

  private static LongLongGoMap longLong(String layout, long hint) {
    return hint < 0
        ? TestPlugins.builder(layout, 42).buildLongLong()
        : TestPlugins.builder(layout, 42).expectedSize(hint).buildLongLong();
  }

  @Test
  @DisplayName("amd64 map[int64]int64: an empty map is its 48-byte hmap; the first insert adds one"
      + " 144-byte bucket (newobject), 192 in all")
  void amd64SmallMap() {
    LongLongGoMap m = longLong(TestPlugins.AMD64, -1);
    assertThat(m.stats().goBytes()).isEqualTo(48);
    m.put(1, 1);
    assertThat(m.stats().B()).isZero();
    assertThat(m.stats().goBytes()).isEqualTo(48 + 144);
  }

  @Test
  @DisplayName("amd64 map[int64]int64 with a hint giving B=4: hmap 48 + 18 buckets (17*144=2448 ->"
      + " class 2688) + mapextra 24 for nextOverflow = 2760")
  void amd64PreallocatedArray() {
    LongLongGoMap m = longLong(TestPlugins.AMD64, 100);
    assertThat(m.stats().B()).isEqualTo(4);
    assertThat(m.stats().goBytes()).isEqualTo(48 + 2688 + 24);
  }

  @Test
  @DisplayName("386 map[int64]int64: hmap 28 -> class 32, a 140-byte bucket -> class 144, mapextra"
      + " 12 -> class 16; B=4 is 19 buckets in class 2688")
  void i386() {
    LongLongGoMap m = longLong(TestPlugins.I386, -1);
    assertThat(m.stats().goBytes()).isEqualTo(32);
    m.put(1, 1);
    assertThat(m.stats().goBytes()).isEqualTo(32 + 144);
    LongLongGoMap big = longLong(TestPlugins.I386, 100);
    assertThat(big.stats().B()).isEqualTo(4);
    assertThat(big.stats().goBytes()).isEqualTo(32 + 2688 + 16);
  }

  @Test
  @DisplayName("While a grow is in progress both arrays count: the 27th key grows B=2 (576 bytes)"
      + " to B=3 (1152 bytes), and the old array is kept until evacuation ends")
  void growingCountsBothArrays() {
    for (long seed = 1; seed < 200; seed++) {
      LongLongMap m = (LongLongMap) TestPlugins.builder(TestPlugins.AMD64, seed).buildLongLong();
      for (int i = 0; i < 27; i++) {
        m.put(i * 0x9E3779B97F4A7C15L + seed, i);
      }
      if (!m.growing() || m.goExtra || m.buckets.overflowBucketsTaken() != 0
          || m.oldbuckets.overflowBucketsTaken() != 0) {
        continue;
      }
      assertThat(m.stats().B()).isEqualTo(3);
      assertThat(m.stats().goBytes()).isEqualTo(48 + 576 + 1152);
      // Finish the grow with writes that move old buckets: the old array is then released.
      for (int i = 0; m.growing(); i++) {
        m.remove(-1 - i);
      }
      if (m.buckets.overflowBucketsTaken() == 0) {
        assertThat(m.stats().goBytes()).isEqualTo(48 + 1152);
      }
      return;
    }
    throw new AssertionError("no seed gave a grow in progress without overflow buckets");
  }

  @Test
  @DisplayName("clear keeps the bucket array and mapextra, and drops newobject overflow buckets"
      + " and the overflow slices: 48 + 2688 + 24 after clearing a B=4 amd64 map")
  void clearKeepsTheArray() {
    LongLongGoMap m = longLong(TestPlugins.AMD64, -1);
    for (int i = 0; i < 100; i++) {
      m.put(i * 0x9E3779B97F4A7C15L, i);
    }
    for (int i = 0; m.stats().growing(); i++) {
      m.remove(-1 - i);
    }
    assertThat(m.stats().B()).isEqualTo(4);
    m.clear();
    assertThat(m.stats().B()).isEqualTo(4);
    assertThat(m.stats().goBytes()).isEqualTo(48 + 2688 + 24);
  }

  @Test
  @DisplayName("A pointer-free bucket type records overflow buckets in extra.overflow: mapextra,"
      + " the slice header and its backing array count, and newobject buckets 144 each")
  void overflowSliceForPointerFreeBuckets() {
    LongLongMap m = (LongLongMap) longLong(TestPlugins.AMD64, 100);
    for (int i = 0; i < 104; i++) {
      m.put(i * 0x9E3779B97F4A7C15L, i);
    }
    assertThat(m.stats().B()).isEqualTo(4);
    int taken = m.buckets.overflowBucketsTaken();
    assertThat(taken).as("104 entries in 16 buckets overflow somewhere").isPositive();
    int newobject = m.buckets.newobjectOverflowBuckets();
    assertThat(taken).isEqualTo(Math.min(taken, 2) + newobject);
    long slice = 24 + GoAlloc.roundupsize(GoMemory.appendCapacity(taken, 8) * 8);
    assertThat(m.stats().goBytes()).isEqualTo(48 + 2688 + 24 + newobject * 144L + slice);
  }

  @Test
  @DisplayName("Go 1.19 append capacities for []*bmap: 1,2,4,...,512 then 848, 1280 on 64-bit;"
      + " 2,4,8 on 32-bit (8-byte minimum class)")
  void appendCapacities() {
    assertThat(GoMemory.appendCapacity(1, 8)).isEqualTo(1);
    assertThat(GoMemory.appendCapacity(3, 8)).isEqualTo(4);
    assertThat(GoMemory.appendCapacity(257, 8)).isEqualTo(512);
    assertThat(GoMemory.appendCapacity(513, 8)).isEqualTo(848);
    assertThat(GoMemory.appendCapacity(849, 8)).isEqualTo(1280);
    assertThat(GoMemory.appendCapacity(1, 4)).isEqualTo(2);
    assertThat(GoMemory.appendCapacity(3, 4)).isEqualTo(4);
    assertThat(GoMemory.appendCapacity(5, 4)).isEqualTo(8);
  }

  @Test
  @DisplayName("Pointerful buckets: map[string]int64 on amd64 has 208-byte buckets; B=4 is 19 of"
      + " them (17*208=3536 -> class 4096); no overflow slices")
  void pointerfulBuckets() {
    GoMap<String, Long> small = TestPlugins.builder(TestPlugins.AMD64, 1)
        .keyType(GoType.STRING).elemType(GoType.INT64).build();
    small.put("a", 1L);
    assertThat(small.stats().goBytes()).isEqualTo(48 + 208);
    GoMap<String, Long> big = TestPlugins.builder(TestPlugins.AMD64, 1)
        .keyType(GoType.STRING).elemType(GoType.INT64).expectedSize(100).build();
    assertThat(big.stats().goBytes()).isEqualTo(48 + 4096 + 24);
  }

  @Test
  @DisplayName("Indirect elems: map[int64][200]byte on amd64 has 144-byte buckets and one"
      + " newobject of class 208 per entry")
  void indirectElems() {
    GoMap<Long, byte[]> m = TestPlugins.builder(TestPlugins.AMD64, 1)
        .keyType(GoType.INT64).elemType(GoType.parse("[200]byte")).build();
    for (long i = 0; i < 3; i++) {
      m.put(i, new byte[0]);
    }
    assertThat(m.stats().goBytes()).isEqualTo(48 + 144 + 3 * 208);
  }

  @Test
  @DisplayName("Indirect elems are one object per entry, counted exactly while the total fits in a"
      + " long and as Long.MAX_VALUE beyond, never wrapped negative")
  void hugeIndirectElemsSaturate() {
    GoMap<Long, Boolean> m = TestPlugins.builder(TestPlugins.AMD64, 42).keyType(GoType.INT64)
        .elemType(GoType.parse("[1125899906842623]byte")).build();
    for (long i = 0; i < 8191; i++) {
      m.put(i, true);
    }
    long buckets = m.stats().goBytes() - 8191L * (1L << 50);
    assertThat(buckets).isPositive().isLessThan(1L << 20);
    for (long i = 8191; i < 10_000; i++) {
      m.put(i, true);
    }
    assertThat(m.stats().goBytes()).isEqualTo(Long.MAX_VALUE);
  }
}
