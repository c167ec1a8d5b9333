package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.BytesGoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.engine.growth.Go119ShrinkGrowthPolicy;
import io.gomap4j.engine.testing.TestLayouts;
import io.gomap4j.engine.testing.TestPlugins;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BytesMap} with keys or elems over 128 bytes, which Go stores indirectly: pointer-sized
 * slots holding handles into the map's side table, checked against a model across growth and
 * shrink, with the invariants (side table included) after every operation.
 */
class BytesMapIndirectTest {

  /** A struct key over 128 bytes with a float and tail padding: 144 bytes on amd64, 140 on 386. */
  private static final String FLOAT_STRUCT = "struct{f float64; p [16]int64; b int8}";

  private static final List<String[]> TYPES = List.of(
      new String[] {"[200]byte", "[300]byte"},
      new String[] {"int64", "[129]byte"},
      new String[] {"[129]byte", "int32"});

  private static GrowthPolicy policy(String name) {
    return name.equals("go119-shrink") ? new Go119ShrinkGrowthPolicy() : new Go119GrowthPolicy();
  }

  private static BytesGoMap build(String layout, long seed, String policy, String key,
      String elem) {
    return TestPlugins.builder(layout, seed).growth(policy(policy)).keyType(GoType.parse(key))
        .elemType(GoType.parse(elem)).buildBytes();
  }

  private static PlatformLayout platform(String layout) {
    switch (layout) {
      case TestPlugins.AMD64:
        return new TestLayouts.Amd64();
      case TestPlugins.I386:
        return new TestLayouts.I386();
      default:
        return new TestLayouts.S390x();
    }
  }

  private static ByteOrder order(String layout) {
    return layout.equals(TestPlugins.S390X) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
  }

  private static byte[] random(Random rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  // ---- geometry ---------------------------------------------------------------------------------

  static Stream<Arguments> geometry() {
    // Go's bucket sizes: 8 tophash bytes, 8 key slots, 8 elem slots, the overflow pointer; an
    // indirect slot is a pointer (8 bytes on amd64 and s390x, 4 on 386).
    return Stream.of(
        Arguments.of(TestPlugins.AMD64, "[200]byte", "[300]byte", 8 + 64 + 64 + 8),
        Arguments.of(TestPlugins.I386, "[200]byte", "[300]byte", 8 + 32 + 32 + 4),
        Arguments.of(TestPlugins.S390X, "[200]byte", "[300]byte", 8 + 64 + 64 + 8),
        Arguments.of(TestPlugins.AMD64, "int64", "[129]byte", 8 + 64 + 64 + 8),
        Arguments.of(TestPlugins.I386, "int64", "[129]byte", 8 + 64 + 32 + 4),
        Arguments.of(TestPlugins.AMD64, "[129]byte", "int32", 8 + 64 + 32 + 8),
        Arguments.of(TestPlugins.I386, "[129]byte", "int32", 8 + 32 + 32 + 4),
        Arguments.of(TestPlugins.AMD64, FLOAT_STRUCT, "int32", 8 + 64 + 32 + 8),
        Arguments.of(TestPlugins.I386, FLOAT_STRUCT, "int32", 8 + 32 + 32 + 4));
  }

  @ParameterizedTest(name = "map[{1}]{2} on {0}: {3}-byte buckets")
  @MethodSource("geometry")
  @DisplayName("Buckets have Go's size with pointer-sized indirect slots, which hold handles in the"
      + " platform's byte order; a delete nils them; the side table is counted in the heap bytes")
  void geometryAndHandles(String layout, String key, String elem, int goBucketSize) {
    PlatformLayout pl = platform(layout);
    BucketLayout bl = pl.bucketLayout(GoType.parse(key), GoType.parse(elem));
    assertThat(bl.bucketSize()).isEqualTo(goBucketSize);
    int ptr = pl.platform().ptrSize();
    BytesMap m = (BytesMap) build(layout, 3, "go119", key, elem);
    assertThat(m.geometry.stride()).isEqualTo(bl.bucketSize());
    assertThat(m.geometry.keySlot()).isEqualTo(bl.keySlotSize());
    assertThat(m.geometry.elemSlot()).isEqualTo(bl.elemSlotSize());
    if (bl.indirectKey()) {
      assertThat(bl.keySlotSize()).isEqualTo(ptr);
    }
    if (bl.indirectElem()) {
      assertThat(bl.elemSlotSize()).isEqualTo(ptr);
    }
    assertThat(m.keySize()).isEqualTo((int) bl.keyType().size());
    assertThat(m.elemSize()).isEqualTo((int) bl.elemType().size());

    long emptyHeap = m.stats().javaHeapBytes();
    byte[] k = new byte[m.keySize()];
    Arrays.fill(k, (byte) 7);
    byte[] v = new byte[m.elemSize()];
    Arrays.fill(v, (byte) 9);
    assertThat(m.put(k, v)).isNull();
    MapInternals.checkInvariants(m);
    // B=0: the single bucket is bucket 0, the entry in slot 0. Handles are index + 1.
    byte[] page = m.buckets.page(0);
    int keyAt = bl.keyOffset(0);
    int elemAt = bl.elemOffset(0);
    int next = 1;
    if (bl.indirectKey()) {
      assertThat(slotValue(page, keyAt, ptr, order(layout))).isEqualTo(next++);
    } else {
      assertThat(Arrays.copyOfRange(page, keyAt, keyAt + m.keySize())).isEqualTo(k);
    }
    if (bl.indirectElem()) {
      assertThat(slotValue(page, elemAt, ptr, order(layout))).isEqualTo(next);
    } else {
      assertThat(Arrays.copyOfRange(page, elemAt, elemAt + m.elemSize())).isEqualTo(v);
    }
    int indirect = (bl.indirectKey() ? 1 : 0) + (bl.indirectElem() ? 1 : 0);
    assertThat(m.heapHandlesInUse()).isEqualTo(indirect);
    long sideData = (bl.indirectKey() ? 16 + m.keySize() : 0)
        + (bl.indirectElem() ? 16 + m.elemSize() : 0);
    assertThat(m.stats().javaHeapBytes() - emptyHeap)
        .as("the touched page and the side table")
        .isGreaterThanOrEqualTo(16L + (1 << m.buckets.pageShift) * bl.bucketSize() + sideData);
    assertThat(m.get(k)).isEqualTo(v);

    assertThat(m.remove(k)).isEqualTo(v);
    MapInternals.checkInvariants(m);
    page = m.buckets.page(0);
    if (bl.indirectKey()) {
      assertThat(slotValue(page, keyAt, ptr, order(layout))).as("nil key pointer").isZero();
    }
    if (bl.indirectElem()) {
      assertThat(slotValue(page, elemAt, ptr, order(layout))).as("nil elem pointer").isZero();
    }
    assertThat(m.heapHandlesInUse()).isZero();
  }

  private static long slotValue(byte[] page, int at, int size, ByteOrder o) {
    ByteBuffer b = ByteBuffer.wrap(page).order(o);
    return size == 4 ? b.getInt(at) & 0xFFFFFFFFL : b.getLong(at);
  }

  @Test
  @DisplayName("Go's model memory counts one object per indirect key and elem per entry")
  void goBytesCountIndirectObjects() {
    BytesGoMap m = build(TestPlugins.AMD64, 4, "go119", "[200]byte", "[300]byte");
    long before = m.stats().goBytes();
    Random rnd = new Random(4);
    for (int i = 0; i < 5; i++) {
      m.put(random(rnd, 200), random(rnd, 300));
    }
    // B stays 0 for 5 entries: only the bucket (allocated on the first put) and the objects.
    assertThat(m.stats().B()).isZero();
    // Size classes: 200 -> 208, 300 -> 320; the 144-byte bucket is its own class.
    assertThat(m.stats().goBytes() - before).isEqualTo(144 + 5L * (208 + 320));
    m.remove(new byte[200]); // absent: nothing changes
    assertThat(m.stats().goBytes() - before).isEqualTo(144 + 5L * (208 + 320));
  }

  @Test
  @DisplayName("Key or elem types over Integer.MAX_VALUE - 8 bytes are refused naming the type, its"
      + " size and the limit, not with an ArithmeticException; the limit itself is accepted")
  void typesBeyondJavaArrays() {
    for (String huge : List.of("[2147483640]byte", "[2147483648]byte", "[1125899906842623]byte")) {
      GoType t = GoType.parse(huge);
      long size = t instanceof GoType.Array ? ((GoType.Array) t).length() : -1;
      assertThatThrownBy(() -> build(TestPlugins.AMD64, 1, "go119", "int64", huge))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("BytesGoMap elem type " + t.goSyntax() + " is " + size + " bytes, but keys"
              + " and elems are passed and stored as Java byte arrays, so a BytesGoMap holds elems"
              + " of at most 2147483639 bytes");
      assertThatThrownBy(() -> build(TestPlugins.AMD64, 1, "go119", huge, "int64"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("BytesGoMap key type " + t.goSyntax() + " is " + size + " bytes")
          .hasMessageContaining("holds keys of at most 2147483639 bytes");
    }
    BytesGoMap largest = build(TestPlugins.AMD64, 1, "go119", "int64", "[2147483639]byte");
    assertThat(largest.elemSize()).isEqualTo(2147483639);
  }

  // ---- model-based ------------------------------------------------------------------------------

  static Stream<Arguments> subjects() {
    List<Arguments> out = new ArrayList<>();
    for (String layout : List.of(TestPlugins.AMD64, TestPlugins.I386)) {
      for (String policy : List.of("go119", "go119-shrink")) {
        for (String[] t : TYPES) {
          out.add(Arguments.of(layout, policy, t[0], t[1]));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "map[{2}]{3} on {0} with {1}")
  @MethodSource("subjects")
  @DisplayName("Random put/get/remove/iterate/clear agree with a HashMap model across growth and"
      + " shrink; invariants hold after every operation")
  void modelBased(String layout, String policy, String key, String elem) {
    boolean shrank = false;
    int maxB = 0;
    for (long seed : new long[] {1L, 0x5eedL}) {
      BytesMap m = (BytesMap) build(layout, seed, policy, key, elem);
      Map<ByteBuffer, byte[]> model = new HashMap<>();
      Random rnd = new Random(seed * 31 + layout.hashCode() + key.hashCode());
      int ks = m.keySize();
      int es = m.elemSize();
      List<byte[]> pool = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        pool.add(random(rnd, ks));
      }
      int indirect = (ks > 128 ? 1 : 0) + (es > 128 ? 1 : 0);
      int maxCount = 0;
      for (int op = 0; op < 6000; op++) {
        // Phases: mostly puts (the map grows), then mostly removes (a shrink policy halves it).
        int putShare = (op / 1500) % 2 == 0 ? 70 : 10;
        byte[] k = pool.get(rnd.nextInt(pool.size())).clone();
        ByteBuffer mk = ByteBuffer.wrap(k.clone());
        int what = rnd.nextInt(100);
        if (what < putShare) {
          byte[] v = random(rnd, es);
          byte[] prev = model.put(mk, v.clone());
          assertThat(m.put(k, v)).isEqualTo(prev);
          v[0] ^= 1; // the map copied the caller's arrays
          k[0] ^= 1;
        } else if (what < 85) {
          assertThat(m.remove(k)).isEqualTo(model.remove(mk));
        } else if (what < 93) {
          byte[] got = m.get(k);
          assertThat(got).isEqualTo(model.get(mk));
          if (got != null) {
            got[0] ^= 1; // a returned copy does not write through
          }
        } else if (what < 97) {
          assertThat(m.containsKey(k)).isEqualTo(model.containsKey(mk));
        } else if (what < 99 || rnd.nextInt(40) != 0) {
          assertThat(entries(m)).isEqualTo(model);
        } else {
          m.clear();
          model.clear();
          assertThat(m.heapHandles()).as("clear empties the side table").isZero();
        }
        assertThat(m.size()).isEqualTo(model.size());
        assertThat(m.heapHandlesInUse()).isEqualTo(indirect * model.size());
        maxCount = Math.max(maxCount, model.size());
        shrank |= m.stats().shrinking();
        maxB = Math.max(maxB, m.stats().B());
        MapInternals.checkInvariants(m);
      }
      assertThat(entries(m)).isEqualTo(model);
      // Freed handles are reused: the side table never held more than the peak's buffers.
      assertThat(m.heapHandles()).isLessThanOrEqualTo(indirect * maxCount);
    }
    assertThat(maxB).as("the map grew").isGreaterThanOrEqualTo(5);
    if (policy.equals("go119-shrink")) {
      assertThat(shrank).as("the map shrank").isTrue();
    }
  }

  /** The map's entries; fails on a key returned twice. */
  private static Map<ByteBuffer, byte[]> entries(BytesGoMap m) {
    Map<ByteBuffer, byte[]> out = new HashMap<>();
    m.forEach((k, v) -> {
      assertThat(k).hasSize(m.keySize());
      assertThat(v).hasSize(m.elemSize());
      assertThat(out.put(ByteBuffer.wrap(k), v)).as("key returned twice").isNull();
    });
    return new ArrayMap(out);
  }

  /** A map whose equals compares byte[] values by content. */
  private static final class ArrayMap extends HashMap<ByteBuffer, byte[]> {
    ArrayMap(Map<ByteBuffer, byte[]> m) {
      super(m);
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Map) || ((Map<?, ?>) o).size() != size()) {
        return false;
      }
      for (Map.Entry<ByteBuffer, byte[]> e : entrySet()) {
        Object v = ((Map<?, ?>) o).get(e.getKey());
        if (!(v instanceof byte[]) || !Arrays.equals((byte[]) v, e.getValue())) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return keySet().hashCode();
    }
  }

  // ---- handle reuse -----------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  @DisplayName("Put/remove churn reuses freed handles: the side table does not grow")
  void churnReusesHandles(String layout) {
    for (String policy : List.of("go119", "go119-shrink")) {
      BytesMap m = (BytesMap) build(layout, 9, policy, "[200]byte", "[300]byte");
      Random rnd = new Random(9);
      List<byte[]> live = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        byte[] k = random(rnd, 200);
        live.add(k);
        m.put(k, random(rnd, 300));
      }
      long sideAfterFill = m.sideHeapBytes(4);
      assertThat(sideAfterFill).isGreaterThanOrEqualTo(100L * (16 + 200 + 16 + 300));
      for (int round = 0; round < 20_000; round++) {
        byte[] fresh = random(rnd, 200);
        byte[] gone = live.set(rnd.nextInt(live.size()), fresh);
        assertThat(m.remove(gone)).isNotNull();
        assertThat(m.put(fresh, random(rnd, 300))).isNull();
        if (round % 1000 == 0) {
          MapInternals.checkInvariants(m);
        }
      }
      // Each remove frees two handles and the next put takes them back.
      assertThat(m.size()).isEqualTo(100);
      assertThat(m.heapHandles()).as(policy).isEqualTo(2 * 100);
      assertThat(m.heapHandlesInUse()).isEqualTo(2 * 100);
      assertThat(m.sideHeapBytes(4)).as(policy).isLessThanOrEqualTo(sideAfterFill + 256);
      MapInternals.checkInvariants(m);
      m.clear();
      assertThat(m.heapHandles()).isZero();
      MapInternals.checkInvariants(m);
    }
  }

  static Stream<String> layouts() {
    return Stream.of(TestPlugins.AMD64, TestPlugins.I386);
  }

  // ---- float struct keys through the indirection ------------------------------------------------

  /** A {@link #FLOAT_STRUCT} key: {@code f}, {@code p[0] = p0}, {@code b}, random padding. */
  private static byte[] floatKey(Random rnd, int size, ByteOrder o, double f, long p0, byte b) {
    byte[] k = random(rnd, size); // random tail padding
    ByteBuffer bb = ByteBuffer.wrap(k).order(o);
    bb.putDouble(0, f);
    for (int i = 0; i < 16; i++) {
      bb.putLong(8 + 8 * i, i == 0 ? p0 : 0);
    }
    k[136] = b;
    return k;
  }

  /** The key Go's == sees: {@code +0} for {@code -0}, padding dropped; null for a NaN. */
  private static ByteBuffer canon(byte[] k, ByteOrder o) {
    double f = ByteBuffer.wrap(k).order(o).getDouble(0);
    if (f != f) {
      return null;
    }
    byte[] c = Arrays.copyOf(k, 137);
    ByteBuffer.wrap(c).order(o).putDouble(0, f + 0.0);
    return ByteBuffer.wrap(c);
  }

  static Stream<Arguments> floatSubjects() {
    List<Arguments> out = new ArrayList<>();
    for (String layout : List.of(TestPlugins.AMD64, TestPlugins.I386)) {
      for (String policy : List.of("go119", "go119-shrink")) {
        out.add(Arguments.of(layout, policy));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("floatSubjects")
  @DisplayName("A struct key over 128 bytes with a float: ±0 are one key and the last spelling is"
      + " stored, NaN keys are equal to nothing, padding is ignored; model-based with invariants")
  void floatStructKeys(String layout, String policy) {
    ByteOrder o = order(layout);
    double[] floats = {0.0, -0.0, 1.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY};
    boolean shrank = false;
    for (long seed : new long[] {1, 2}) {
      Random rnd = new Random(seed);
      BytesMap m = (BytesMap) build(layout, seed, policy, FLOAT_STRUCT, "[129]byte");
      assertThat(m.keySize()).isEqualTo(layout.equals(TestPlugins.AMD64) ? 144 : 140);
      // canonical key -> {stored key bytes (the last spelling put), value}
      Map<ByteBuffer, byte[][]> model = new HashMap<>();
      List<byte[]> nanValues = new ArrayList<>();
      for (int step = 0; step < 4000; step++) {
        // Phases: mostly puts, then mostly removes; NaN entries only go with a clear.
        int putShare = (step / 1000) % 2 == 0 ? 65 : 5;
        double f = rnd.nextInt(6) == 0 ? floats[rnd.nextInt(floats.length)] : rnd.nextInt(30);
        byte[] k = floatKey(rnd, m.keySize(), o, f, rnd.nextInt(5), (byte) rnd.nextInt(2));
        ByteBuffer c = canon(k, o);
        int what = rnd.nextInt(100);
        if (what < putShare) {
          byte[] v = random(rnd, 129);
          byte[] prev = m.put(k, v);
          if (c == null) {
            assertThat(prev).as("a NaN key is never found").isNull();
            nanValues.add(v);
          } else {
            byte[][] was = model.put(c, new byte[][] {k.clone(), v});
            assertThat(prev).isEqualTo(was == null ? null : was[1]);
          }
        } else if (what < 85) {
          byte[][] was = c == null ? null : model.remove(c);
          assertThat(m.remove(k)).isEqualTo(was == null ? null : was[1]);
        } else if (what < 95) {
          byte[][] want = c == null ? null : model.get(c);
          assertThat(m.get(k)).isEqualTo(want == null ? null : want[1]);
          assertThat(m.containsKey(k)).isEqualTo(want != null);
        } else if (what < 99 || step % 7 != 0) {
          checkIteration(m, model, nanValues, o);
        } else {
          m.clear();
          model.clear();
          nanValues.clear();
        }
        assertThat(m.size()).isEqualTo(model.size() + nanValues.size());
        assertThat(m.heapHandlesInUse()).isEqualTo(2 * m.size());
        shrank |= m.stats().shrinking();
        MapInternals.checkInvariants(m);
      }
      checkIteration(m, model, nanValues, o);
    }
    if (policy.equals("go119-shrink")) {
      assertThat(shrank).as("the map shrank").isTrue();
    }
  }

  /**
   * Iteration returns every non-NaN key once, in the bytes of its last put (Go's
   * {@code needkeyupdate} writes the whole key through the pointer, padding included), and every
   * NaN entry once.
   */
  private static void checkIteration(
      BytesGoMap m, Map<ByteBuffer, byte[][]> model, List<byte[]> nanValues, ByteOrder o) {
    Map<ByteBuffer, byte[][]> seen = new HashMap<>();
    List<ByteBuffer> nans = new ArrayList<>();
    m.forEach((k, v) -> {
      ByteBuffer c = canon(k, o);
      if (c == null) {
        nans.add(ByteBuffer.wrap(v));
      } else {
        assertThat(seen.put(c, new byte[][] {k, v})).as("key returned twice").isNull();
      }
    });
    assertThat(seen.keySet()).isEqualTo(model.keySet());
    for (Map.Entry<ByteBuffer, byte[][]> e : model.entrySet()) {
      assertThat(seen.get(e.getKey())[0]).as("the last spelling").isEqualTo(e.getValue()[0]);
      assertThat(seen.get(e.getKey())[1]).isEqualTo(e.getValue()[1]);
    }
    List<ByteBuffer> want = new ArrayList<>();
    for (byte[] v : nanValues) {
      want.add(ByteBuffer.wrap(v));
    }
    assertThat(nans).containsExactlyInAnyOrderElementsOf(want);
  }

  @Test
  @DisplayName("+0 then -0: one entry whose stored key becomes -0 through the pointer")
  void signedZeroUpdatesIndirectKey() {
    ByteOrder o = ByteOrder.LITTLE_ENDIAN;
    BytesGoMap m = build(TestPlugins.AMD64, 5, "go119", FLOAT_STRUCT, "int32");
    Random rnd = new Random(5);
    byte[] plus = floatKey(rnd, 144, o, 0.0, 3, (byte) 1);
    byte[] minus = floatKey(rnd, 144, o, -0.0, 3, (byte) 1);
    assertThat(m.put(plus, new byte[] {1, 0, 0, 0})).isNull();
    assertThat(m.put(minus, new byte[] {2, 0, 0, 0})).isEqualTo(new byte[] {1, 0, 0, 0});
    assertThat(m.size()).isEqualTo(1);
    assertThat(m.get(plus)).isEqualTo(new byte[] {2, 0, 0, 0});
    List<byte[]> keys = new ArrayList<>();
    m.forEach((k, v) -> keys.add(k));
    assertThat(keys).hasSize(1);
    assertThat(keys.get(0)).isEqualTo(minus);
    MapInternals.checkInvariants(m);
  }

  // ---- iteration with writes --------------------------------------------------------------------

  /**
   * Writes during iteration move entries (growth, shrink) and free handles that the iterator may
   * still read through evacuated slots of its snapshot: every entry present throughout, NaN keys
   * included, is visited exactly once with its own value, and the deferred frees are made once the
   * iteration ends.
   */
  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("floatSubjects")
  @DisplayName("Iteration with removes and puts across growth and shrink visits every entry once")
  void iterationWithWrites(String layout, String policy) {
    ByteOrder o = order(layout);
    boolean moved = false;
    for (long seed = 1; seed <= 12; seed++) {
      Random rnd = new Random(seed);
      BytesMap m = (BytesMap) build(layout, seed, policy, FLOAT_STRUCT, "[129]byte");
      int n = 200 + rnd.nextInt(300);
      List<byte[]> deletable = new ArrayList<>();
      boolean[] kept = new boolean[n];
      for (int id = 0; id < n; id++) {
        boolean nan = rnd.nextInt(10) == 0;
        byte[] k = floatKey(rnd, m.keySize(), o, nan ? Double.NaN : id + 0.25, id, (byte) 0);
        m.put(k, value(id, o));
        kept[id] = nan || rnd.nextInt(20) == 0;
        if (!kept[id]) {
          deletable.add(k);
        }
      }
      Collections.shuffle(deletable, rnd);
      int[] visits = new int[n];
      int[] added = {0};
      boolean[] sawMove = {false};
      boolean shrinkPolicy = policy.equals("go119-shrink");
      m.forEach((k, v) -> {
        int id = ByteBuffer.wrap(v).order(o).getInt(0);
        if (id < n) {
          visits[id]++;
          double f = ByteBuffer.wrap(k).order(o).getDouble(0);
          if (f == f) {
            assertThat(f).isEqualTo(id + 0.25);
          }
        }
        for (int d = 0; d < 3 && !deletable.isEmpty(); d++) {
          assertThat(m.remove(deletable.remove(deletable.size() - 1))).isNotNull();
        }
        if (!shrinkPolicy) {
          // New keys make the map grow while the iterator walks its snapshot.
          for (int a = 0; a < 4; a++) {
            int nid = n + added[0]++;
            m.put(floatKey(rnd, m.keySize(), o, nid + 0.25, nid, (byte) 1), value(nid, o));
          }
        }
        sawMove[0] |= m.stats().shrinking() || m.stats().growing();
        MapInternals.checkInvariants(m);
      });
      for (int id = 0; id < n; id++) {
        if (kept[id]) {
          assertThat(visits[id]).as("seed %d entry %d (present throughout)", seed, id)
              .isEqualTo(1);
        } else {
          assertThat(visits[id]).as("seed %d deleted entry %d", seed, id).isLessThanOrEqualTo(1);
        }
      }
      assertThat(m.heapHandlesInUse()).as("deferred frees made").isEqualTo(2 * m.size());
      MapInternals.checkInvariants(m);
      moved |= sawMove[0];
    }
    assertThat(moved).as("some iteration ran across a grow or shrink").isTrue();
  }

  private static byte[] value(int id, ByteOrder o) {
    byte[] v = new byte[129];
    ByteBuffer.wrap(v).order(o).putInt(0, id);
    v[128] = (byte) id;
    return v;
  }
}
