package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.testing.TestHashes;
import io.gomap4j.engine.testing.TestLayouts;
import io.gomap4j.engine.testing.TestPlugins;
import io.gomap4j.spi.BucketLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Flat bucket storage follows the layout: bucket sizes, offsets, byte order and memory. */
class StorageGeometryTest {

  private static final int PAGE_BUCKETS = 1 << BucketArray.MAX_PAGE_SHIFT;

  @Test
  @DisplayName("The test layouts give Go's bucket sizes: map[int64]int64 is 144 bytes on amd64 and"
      + " s390x and 140 on 386; map[int32]int32 is 80 and 76")
  void bucketSizes() {
    BucketLayout amd64 = new TestLayouts.Amd64().bucketLayout(GoType.INT64, GoType.INT64);
    BucketLayout i386 = new TestLayouts.I386().bucketLayout(GoType.INT64, GoType.INT64);
    BucketLayout s390x = new TestLayouts.S390x().bucketLayout(GoType.INT64, GoType.INT64);
    assertThat(amd64.bucketSize()).isEqualTo(144);
    assertThat(s390x.bucketSize()).isEqualTo(144);
    assertThat(i386.bucketSize()).isEqualTo(140);
    for (BucketLayout l : List.of(amd64, i386, s390x)) {
      assertThat(l.keysOffset()).isEqualTo(8);
      assertThat(l.elemsOffset()).isEqualTo(72);
      assertThat(l.overflowOffset()).isEqualTo(136);
    }
    assertThat(new TestLayouts.Amd64().bucketLayout(GoType.INT32, GoType.INT32).bucketSize())
        .isEqualTo(80);
    assertThat(new TestLayouts.I386().bucketLayout(GoType.INT32, GoType.INT32).bucketSize())
        .isEqualTo(76);
  }

  private static LongLongGoMap filled(String layout, int entries, int hint) {
    LongLongGoMap m = TestPlugins.builder(layout, 8).expectedSize(hint).buildLongLong();
    for (int i = 0; i < entries; i++) {
      m.put(i * 0x9E3779B97F4A7C15L, i);
    }
    return m;
  }

  @Test
  @DisplayName("Java heap bytes follow the page structure: a new array costs its page table, each"
      + " touched page 16 + 128 buckets of the layout's size, so 386 pages are 140/144 of amd64's")
  void heapBytesFollowBucketSize() {
    int b = 10;
    long[] pageBytes = new long[2];
    String[] layouts = {TestPlugins.AMD64, TestPlugins.I386};
    int[] sizes = {144, 140};
    for (int l = 0; l < 2; l++) {
      LongLongGoMap fresh = filled(layouts[l], 0, 5000);
      assertThat(fresh.stats().B()).isEqualTo(b);
      long nbuckets = GoAlloc.bucketsAllocated(b, sizes[l]);
      long npages = (nbuckets + PAGE_BUCKETS - 1) / PAGE_BUCKETS;
      long table = fresh.stats().javaHeapBytes();
      assertThat(table).as("untouched array on %s: a header and %s page references", layouts[l],
          npages).isIn(16 + npages * 4, 16 + npages * 8);

      LongLongGoMap one = filled(layouts[l], 1, 5000);
      assertThat(one.stats().javaHeapBytes() - table).as("one touched page on %s", layouts[l])
          .isEqualTo(16 + PAGE_BUCKETS * sizes[l]);

      LongLongGoMap full = filled(layouts[l], 5000, 5000);
      assertThat(full.stats().B()).isEqualTo(b);
      assertThat(full.stats().overflowBuckets()).as("overflow buckets within the preallocation")
          .isPositive().isLessThanOrEqualTo(nbuckets - (1 << b));
      long touched = full.stats().javaHeapBytes() - table;
      assertThat(touched).as("every page touched on %s", layouts[l])
          .isEqualTo(npages * (16 + PAGE_BUCKETS * sizes[l]));
      pageBytes[l] = touched - npages * 16;
      assertThat(npages).isEqualTo(9);
    }
    assertThat(pageBytes[1] * 144).isEqualTo(pageBytes[0] * 140);
  }

  @Test
  @DisplayName("A grow holds both arrays: heap bytes mid-grow are the old array's plus the new"
      + " one's")
  void heapBytesDuringGrowth() {
    // Keys spread evenly over buckets 0-3, so that no bucket needs an overflow bucket.
    LongLongGoMap m = TestPlugins.builder(TestHashes.LOW16, TestPlugins.I386, 8).buildLongLong();
    for (int i = 0; i < 26; i++) {
      m.put((i % 4) + ((long) (i / 4) << 16), i);
    }
    assertThat(m.stats().B()).isEqualTo(2);
    assertThat(m.stats().overflowBuckets()).isZero();
    // One page of 4 buckets of 140 bytes, touched, behind a one-entry page table.
    long before = m.stats().javaHeapBytes();
    long ref = before - (16 + 16 + 4 * 140);
    assertThat(ref).as("bytes per page reference").isIn(4L, 8L);
    long newArray = 16 + ref + 16 + 8 * 140;
    m.put(2 + (100L << 16), -1);
    assertThat(m.stats().growing()).isTrue();
    assertThat(m.stats().javaHeapBytes()).as("mid-grow").isEqualTo(before + newArray);
    while (m.stats().growing()) {
      m.put(2 + (100L << 16), -2);
    }
    assertThat(m.stats().overflowBuckets()).isZero();
    assertThat(m.stats().javaHeapBytes()).as("after the grow").isEqualTo(newArray);
  }


  private static byte[] slotBytes(LongLongGoMap m, boolean key) {
    MapCore core = MapInternals.core(m);
    BucketArray a = core.buckets;
    Geometry g = a.g;
    int width = key ? g.keySlot() : g.elemSlot();
    byte[] out = new byte[width];
    System.arraycopy(a.page(0), a.offset(0) + (key ? g.keysOffset() : g.elemsOffset()), out, 0,
        width);
    return out;
  }

  @Test
  @DisplayName("Keys and values are stored in the platform's byte order at the layout's offsets")
  void byteOrder() {
    LongLongGoMap be = TestPlugins.builder(TestPlugins.S390X, 1).buildLongLong();
    LongLongGoMap le = TestPlugins.builder(TestPlugins.AMD64, 1).buildLongLong();
    LongLongGoMap le32 = TestPlugins.builder(TestPlugins.I386, 1).buildLongLong();
    for (LongLongGoMap m : List.of(be, le, le32)) {
      m.put(0x0102030405060708L, 0x1112131415161718L);
    }
    assertThat(slotBytes(be, true)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(slotBytes(be, false)).containsExactly(0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
        0x18);
    assertThat(slotBytes(le, true)).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
    assertThat(slotBytes(le32, true)).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
    assertThat(slotBytes(le32, false)).containsExactly(0x18, 0x17, 0x16, 0x15, 0x14, 0x13, 0x12,
        0x11);

    LongLongGoMap be32 = TestPlugins.builder(TestPlugins.S390X, 1).keyType(GoType.INT32)
        .elemType(GoType.UINT32).buildLongLong();
    be32.put(-2, 0xA0B0C0D0L);
    assertThat(slotBytes(be32, true)).containsExactly(0xFF, 0xFF, 0xFF, 0xFE);
    assertThat(slotBytes(be32, false)).containsExactly(0xA0, 0xB0, 0xC0, 0xD0);
    assertThat(be32.get(-2)).isEqualTo(0xA0B0C0D0L);
  }

  @Test
  @DisplayName("A big-endian map behaves exactly as a little-endian one with the same hash: same"
      + " results, same state, same iteration order")
  void bigEndianSemantics() {
    for (GoType keyType : List.of(GoType.INT64, GoType.INT32)) {
      LongLongGoMap be = TestPlugins.builder(TestPlugins.S390X, 77).keyType(keyType)
          .buildLongLong();
      LongLongGoMap le = TestPlugins.builder(TestPlugins.AMD64, 77).keyType(keyType)
          .buildLongLong();
      Random r = new Random(77);
      for (int op = 0; op < 6000; op++) {
        long k = keyType == GoType.INT32 ? r.nextInt(2000) - 1000 : r.nextInt(2000) * -31L;
        switch (r.nextInt(4)) {
          case 0:
          case 1:
            long v = r.nextLong();
            assertThat(be.put(k, v)).isEqualTo(le.put(k, v));
            break;
          case 2:
            assertThat(be.remove(k)).isEqualTo(le.remove(k));
            break;
          default:
            assertThat(be.get(k)).isEqualTo(le.get(k));
            assertThat(be.containsKey(k)).isEqualTo(le.containsKey(k));
        }
        assertThat(MapInternals.state(be)).as("state after op %s", op)
            .isEqualTo(MapInternals.state(le));
        if (op % 500 == 0) {
          assertThat(entries(be)).isEqualTo(entries(le));
          MapInternals.checkInvariants(be);
        }
      }
      assertThat(be.stats()).isEqualTo(le.stats());
    }
  }

  private static List<String> entries(LongLongGoMap m) {
    List<String> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }

  @Test
  @DisplayName("newoverflow hands out the preallocated overflow buckets first, then allocates new"
      + " ones: amd64 B=4 has 2 spare, 386 B=4 has 3")
  void preallocatedOverflowFirst() {
    String[] layouts = {TestPlugins.AMD64, TestPlugins.I386};
    int[] spare = {2, 3};
    for (int l = 0; l < 2; l++) {
      LongLongGoMap m = TestPlugins.builder(TestHashes.LOW16, layouts[l], 5).expectedSize(64)
          .buildLongLong();
      BucketArray a = MapInternals.core(m).buckets;
      assertThat(a.nbuckets).isEqualTo(16 + spare[l]);
      for (int bucket = 0; bucket < 4; bucket++) {
        for (int n = 1; n <= 9; n++) {
          m.put(bucket + ((long) n << 16), n);
        }
        assertThat(a.overflow(bucket)).as("overflow of bucket %s on %s", bucket, layouts[l])
            .isEqualTo(16 + bucket);
      }
      assertThat(a.nextOverflow).isEqualTo(BucketArray.NIL);
      assertThat(a.allocated).isEqualTo(20);
      assertThat(m.stats().noverflow()).isEqualTo(4);
      MapInternals.checkInvariants(m);
    }
  }
}
