package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.BytesGoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.engine.growth.Go119ShrinkGrowthPolicy;
import io.gomap4j.engine.testing.ShrinkPolicies;
import io.gomap4j.engine.testing.TestLayouts;
import io.gomap4j.engine.testing.TestPlugins;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BytesMap} with keys Go does not hash as plain memory: floats and complex numbers
 * ({@code +0 == -0}, NaN equal to nothing), and structs with padding or {@code _} fields.
 */
class BytesMapKeyAlgTest {

  private static BytesGoMap build(String layout, long seed, String key, String elem) {
    return TestPlugins.builder(layout, seed).keyType(GoType.parse(key))
        .elemType(GoType.parse(elem)).buildBytes();
  }

  private static ByteOrder order(String layout) {
    return layout.equals(TestPlugins.S390X) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
  }

  private static byte[] f64(double v, ByteOrder o) {
    return ByteBuffer.allocate(8).order(o).putDouble(v).array();
  }

  private static byte[] i32(int v, ByteOrder o) {
    return ByteBuffer.allocate(4).order(o).putInt(v).array();
  }

  private static int readI32(byte[] b, ByteOrder o) {
    return ByteBuffer.wrap(b).order(o).getInt();
  }

  /** A NaN with a random payload: every NaN is a NaN to Go. */
  private static double nan(Random rnd) {
    return Double.longBitsToDouble(0x7FF0000000000001L | (rnd.nextLong() & 0x800FFFFFFFFFFFFFL));
  }

  @Test
  @DisplayName("Float, complex, padded and blank-field keys are accepted, with Go's key algs")
  void accepted() {
    PlatformLayoutCase amd64 = new PlatformLayoutCase(new TestLayouts.Amd64());
    assertThat(amd64.alg("float64")).isEqualTo("f64hash(0)");
    assertThat(amd64.alg("complex64")).isEqualTo("f32hash(0) f32hash(4)");
    assertThat(amd64.alg("[2]float32")).isEqualTo("f32hash(0) f32hash(4)");
    assertThat(amd64.alg("struct { a float32 }")).isEqualTo("f32hash(0)");
    assertThat(amd64.alg("struct { a int32; b float32 }"))
        .isEqualTo("memhash(0,4) f32hash(4)");
    assertThat(amd64.alg("struct { a int8; b int64 }"))
        .isEqualTo("memhash(0,1) memhash(8,8)");
    assertThat(amd64.alg("struct { a int32; b int32; c int8 }"))
        .isEqualTo("memhash(0,9)");
    assertThat(amd64.alg("struct { a int32; _ int32; b int64 }"))
        .isEqualTo("memhash(0,4) memhash(8,8)");
    assertThat(amd64.alg("struct { _ int64 }")).isEqualTo("memhash0");
    assertThat(amd64.alg("[2]struct { a int16; b int8 }"))
        .isEqualTo("memhash(0,3) memhash(4,3)");
    assertThat(amd64.alg("[0]float64")).isEqualTo("memhash0");
    assertThat(amd64.alg("struct { a int32; b int32 }"))
        .isEqualTo("memhash64(0)");
    // mips (loads must be 4-aligned): a run stops before it outgrows the struct's alignment
    // (checked in go1.19's output of GOARCH=mips go build -gcflags=-S); amd64 has no such limit.
    assertThat(amd64.alg("struct { a int16; b int16; c int16; f float32 }"))
        .isEqualTo("memhash(0,6) f32hash(8)");
    PlatformLayoutCase mips = new PlatformLayoutCase(new TestLayouts.Mips());
    {
      assertThat(mips.alg("struct { a int16; b int16; c int16; f float32 }"))
          .isEqualTo("memhash(0,4) memhash(4,2) f32hash(8)");
    }
    for (String t : List.of("float32", "float64", "complex64", "complex128", "[3]float64",
        "struct{a int8; b int32}", "struct{a int32; _ int32}", "[2]struct{a int16; b int8}",
        "struct{a int64; b int8}", "struct{a bool; c complex128; _ float32}")) {
      assertThat(build(TestPlugins.AMD64, 1, t, "int32").keyType()).isEqualTo(GoType.parse(t));
    }
  }

  private static final class PlatformLayoutCase {
    final io.gomap4j.spi.PlatformLayout layout;

    PlatformLayoutCase(io.gomap4j.spi.PlatformLayout layout) {
      this.layout = layout;
    }

    String alg(String type) {
      String s = KeyAlg.of(GoType.parse(type), layout).toString();
      return s.substring(s.indexOf(':') + 1).trim();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestPlugins.AMD64, TestPlugins.I386, TestPlugins.S390X})
  @DisplayName("+0 and -0 are one key, and the last one stored is kept (needkeyupdate)")
  void signedZeros(String layout) {
    ByteOrder o = order(layout);
    BytesGoMap m = build(layout, 7, "float64", "int32");
    assertThat(m.put(f64(0.0, o), i32(1, o))).isNull();
    assertThat(readI32(m.put(f64(-0.0, o), i32(2, o)), o)).isEqualTo(1);
    assertThat(m.size()).isEqualTo(1);
    assertThat(readI32(m.get(f64(0.0, o)), o)).isEqualTo(2);
    List<byte[]> keys = new ArrayList<>();
    m.forEach((k, v) -> keys.add(k));
    assertThat(keys).hasSize(1);
    assertThat(keys.get(0)).isEqualTo(f64(-0.0, o));
    assertThat(readI32(m.remove(f64(0.0, o)), o)).isEqualTo(2);
    assertThat(m.isEmpty()).isTrue();

    BytesGoMap c = build(layout, 7, "complex64", "int32");
    byte[] pp = ByteBuffer.allocate(8).order(o).putFloat(0f).putFloat(0f).array();
    byte[] nn = ByteBuffer.allocate(8).order(o).putFloat(-0f).putFloat(-0f).array();
    byte[] pn = ByteBuffer.allocate(8).order(o).putFloat(0f).putFloat(-0f).array();
    c.put(pp, i32(1, o));
    c.put(nn, i32(2, o));
    assertThat(c.size()).isEqualTo(1);
    assertThat(readI32(c.get(pn), o)).isEqualTo(2);
    MapInternals.checkInvariants(m);
    MapInternals.checkInvariants(c);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestPlugins.AMD64, TestPlugins.I386, TestPlugins.S390X})
  @DisplayName("NaN keys: each put adds an entry, get and remove never find one, iteration visits"
      + " each once, clear removes them")
  void nanKeys(String layout) {
    ByteOrder o = order(layout);
    Random rnd = new Random(3);
    BytesGoMap m = build(layout, 11, "float64", "int32");
    byte[] nanKey = f64(Double.NaN, o);
    for (int i = 0; i < 300; i++) {
      assertThat(m.put(i % 2 == 0 ? nanKey : f64(nan(rnd), o), i32(i, o))).isNull();
      assertThat(m.size()).isEqualTo(i + 1);
    }
    m.put(f64(1.5, o), i32(-1, o));
    assertThat(m.get(nanKey)).isNull();
    assertThat(m.containsKey(nanKey)).isFalse();
    assertThat(m.remove(nanKey)).isNull();
    assertThat(m.size()).isEqualTo(301);
    MapInternals.checkInvariants(m);
    boolean[] seen = new boolean[300];
    int[] others = new int[1];
    m.forEach((k, v) -> {
      int i = readI32(v, o);
      if (i < 0) {
        others[0]++;
        return;
      }
      assertThat(Double.isNaN(ByteBuffer.wrap(k).order(o).getDouble())).isTrue();
      assertThat(seen[i]).as("entry %d visited twice", i).isFalse();
      seen[i] = true;
    });
    assertThat(others[0]).isEqualTo(1);
    for (int i = 0; i < 300; i++) {
      assertThat(seen[i]).as("entry %d visited", i).isTrue();
    }
    m.clear();
    assertThat(m.size()).isZero();
    m.forEach((k, v) -> {
      throw new AssertionError("cleared map iterated");
    });
    assertThat(m.get(f64(1.5, o))).isNull();
    MapInternals.checkInvariants(m);
  }

  @Test
  @DisplayName("A NaN anywhere in a struct or array key makes it unequal to itself")
  void nanInsideAggregates() {
    ByteOrder o = ByteOrder.LITTLE_ENDIAN;
    BytesGoMap m = build(TestPlugins.AMD64, 5, "struct{a int32; f float32}", "int32");
    byte[] k = ByteBuffer.allocate(8).order(o).putInt(7).putFloat(Float.NaN).array();
    m.put(k, i32(1, o));
    m.put(k, i32(2, o));
    assertThat(m.size()).isEqualTo(2);
    assertThat(m.get(k)).isNull();
    byte[] ok = ByteBuffer.allocate(8).order(o).putInt(7).putFloat(-0f).array();
    m.put(ok, i32(3, o));
    m.put(ByteBuffer.allocate(8).order(o).putInt(7).putFloat(0f).array(), i32(4, o));
    assertThat(m.size()).isEqualTo(3);
    // A NaN in a blank field is skipped by == and so by the map.
    BytesGoMap b = build(TestPlugins.AMD64, 5, "struct{a int32; _ float32}", "int32");
    b.put(k, i32(1, o));
    b.put(k, i32(2, o));
    assertThat(b.size()).isEqualTo(1);
    assertThat(readI32(b.get(k), o)).isEqualTo(2);
    MapInternals.checkInvariants(m);
    MapInternals.checkInvariants(b);
  }

  @Test
  @DisplayName("Keys that differ only in padding or _ fields are one key; the first bytes stay")
  void paddingAndBlankFields() {
    ByteOrder o = ByteOrder.LITTLE_ENDIAN;
    BytesGoMap m = build(TestPlugins.AMD64, 9, "struct{a int8; b int64}", "int32");
    byte[] k1 = ByteBuffer.allocate(16).order(o).put((byte) 5).put(new byte[] {1, 2, 3, 4, 5, 6, 7})
        .putLong(99).array();
    byte[] k2 = ByteBuffer.allocate(16).order(o).put((byte) 5).put(new byte[] {9, 9, 9, 9, 9, 9, 9})
        .putLong(99).array();
    byte[] k3 = ByteBuffer.allocate(16).order(o).put((byte) 5).put(new byte[7]).putLong(99)
        .array();
    m.put(k1, i32(1, o));
    assertThat(readI32(m.put(k2, i32(2, o)), o)).isEqualTo(1);
    assertThat(m.size()).isEqualTo(1);
    assertThat(readI32(m.get(k3), o)).isEqualTo(2);
    m.forEach((k, v) -> assertThat(k).isEqualTo(k1));
    byte[] other = k3.clone();
    other[0] = 6;
    assertThat(m.get(other)).isNull();

    BytesGoMap b = build(TestPlugins.I386, 9, "[2]struct{a int32; _ int32}", "int32");
    Random rnd = new Random(1);
    for (int i = 0; i < 200; i++) {
      byte[] k = new byte[16];
      rnd.nextBytes(k);
      ByteBuffer.wrap(k).order(o).putInt(0, i % 10).putInt(8, i % 3);
      b.put(k, i32(i, o));
    }
    assertThat(b.size()).isEqualTo(30);
    MapInternals.checkInvariants(m);
    MapInternals.checkInvariants(b);
  }

  /**
   * Writes during iteration, with a grow under way when the iterator starts or starting after it:
   * every entry present throughout is visited exactly once, NaN keys included. This is what Go's
   * {@code tophash & 1} rule for NaN keys in {@code evacuate} and {@code mapiternext} ensures.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestPlugins.AMD64, TestPlugins.I386, TestPlugins.S390X})
  @DisplayName("Iteration across growth visits every NaN and other key exactly once")
  void iterationAcrossGrowth(String layout) {
    ByteOrder o = order(layout);
    for (long seed = 1; seed <= 60; seed++) {
      Random rnd = new Random(seed);
      BytesGoMap m = build(layout, seed, "float64", "int32");
      int n = 20 + rnd.nextInt(200);
      boolean startDuringGrow = seed % 2 == 0;
      int id = 0;
      while (id < n || (startDuringGrow && !MapInternals.state(m).growing())) {
        double k = rnd.nextInt(3) == 0 ? Double.NaN : rnd.nextDouble();
        m.put(f64(k, o), i32(id++, o));
      }
      int present = id;
      int size = m.size();
      assertThat(size).isEqualTo(present);
      int[] visits = new int[present];
      int[] next = {present};
      m.forEach((k, v) -> {
        int i = readI32(v, o);
        if (i < present) {
          visits[i]++;
        }
        // Writes while iterating: new keys (some NaN) make the map grow, and grow work
        // evacuates buckets the iterator has not reached.
        for (int w = 0; w < 3; w++) {
          double nk = rnd.nextInt(3) == 0 ? Double.NaN : rnd.nextDouble() + 10;
          m.put(f64(nk, o), i32(next[0]++, o));
        }
      });
      for (int i = 0; i < present; i++) {
        assertThat(visits[i]).as("seed %d entry %d", seed, i).isEqualTo(1);
      }
      MapInternals.checkInvariants(m);
    }
  }

  /**
   * An iterator walking an old bucket's chain during a same-size grow still returns every NaN key
   * in it when, mid-chain, the same-size grow finishes and a doubling grow starts. The filter for
   * entries that split between two new buckets applies only to a position decided during a
   * doubling grow; a NaN key's tophash bit was never chosen as a destination in a same-size grow.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestPlugins.AMD64, TestPlugins.I386})
  @DisplayName("NaN keys in an old chain survive a same-size grow giving way to a doubling grow")
  void sameSizeGrowThenDoublingMidChain(String layout) {
    ByteOrder o = order(layout);
    int transitions = 0;
    for (long seed = 1; seed <= 40; seed++) {
      Random rnd = new Random(seed);
      ShrinkPolicies.Scripted policy = new ShrinkPolicies.Scripted();
      policy.insertAnswer = GrowthPolicy.Grow.NONE;
      BytesGoMap m = TestPlugins.builder(layout, seed).growth(policy).expectedSize(50)
          .keyType(GoType.FLOAT64).elemType(GoType.INT32).buildBytes();
      int n = 80;
      for (int id = 0; id < n; id++) {
        m.put(f64(rnd.nextInt(4) == 0 ? id + 0.5 : nan(rnd), o), i32(id, o));
      }
      policy.insertAnswer = GrowthPolicy.Grow.SAME_SIZE;
      m.put(f64(-1, o), i32(n, o));
      policy.insertAnswer = GrowthPolicy.Grow.NONE;
      assertThat(m.stats().sameSizeGrow()).isTrue();
      int present = n + 1;
      int[] visits = new int[present];
      double[] fresh = {1e6};
      boolean[] switched = {false};
      m.forEach((k, v) -> {
        int id = readI32(v, o);
        if (id < present) {
          visits[id]++;
        }
        if (!switched[0]) {
          // Finish the same-size grow with writes, then start a doubling grow, all before the
          // iterator takes its next slot of the old chain it is walking.
          while (m.stats().growing()) {
            m.put(f64(fresh[0]++, o), i32(present + 1000, o));
          }
          policy.insertAnswer = GrowthPolicy.Grow.DOUBLE;
          m.put(f64(fresh[0]++, o), i32(present + 1000, o));
          policy.insertAnswer = GrowthPolicy.Grow.NONE;
          switched[0] = m.stats().growing() && !m.stats().sameSizeGrow();
        }
      });
      if (switched[0]) {
        transitions++;
      }
      for (int id = 0; id < present; id++) {
        assertThat(visits[id]).as("%s seed %d entry %d", layout, seed, id).isEqualTo(1);
      }
      MapInternals.checkInvariants(m);
    }
    assertThat(transitions).as("iterations that saw the grows switch").isPositive();
  }

  /**
   * While deletes make a shrinking map halve under a live iterator, every entry present throughout
   * (NaN keys, which no delete can reach, and the keys not deleted) is visited exactly once, and
   * no deleted key more than once.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestPlugins.AMD64, TestPlugins.I386, TestPlugins.S390X})
  @DisplayName("Iteration across a shrink visits every NaN and other key exactly once")
  void iterationAcrossShrink(String layout) {
    ByteOrder o = order(layout);
    boolean shrankDuringIteration = false;
    for (long seed = 1; seed <= 30; seed++) {
      Random rnd = new Random(seed);
      BytesGoMap m = TestPlugins.builder(layout, seed).growth(new Go119ShrinkGrowthPolicy())
          .keyType(GoType.FLOAT64).elemType(GoType.INT32).buildBytes();
      int n = 300 + rnd.nextInt(300);
      List<byte[]> deletable = new ArrayList<>();
      boolean[] kept = new boolean[n];
      for (int id = 0; id < n; id++) {
        boolean nan = rnd.nextInt(5) == 0;
        byte[] k = f64(nan ? nan(rnd) : id + rnd.nextDouble() / 2, o);
        m.put(k, i32(id, o));
        kept[id] = nan || rnd.nextInt(6) == 0;
        if (!kept[id]) {
          deletable.add(k);
        }
      }
      Collections.shuffle(deletable, rnd);
      int[] visits = new int[n];
      boolean[] shrank = {false};
      m.forEach((k, v) -> {
        visits[readI32(v, o)]++;
        for (int d = 0; d < 4 && !deletable.isEmpty(); d++) {
          m.remove(deletable.remove(deletable.size() - 1));
          shrank[0] |= m.stats().shrinking();
        }
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
      shrankDuringIteration |= shrank[0];
    }
    assertThat(shrankDuringIteration).as("some iteration ran across a shrink").isTrue();
  }

  /**
   * Random puts, gets and removes of struct keys with a float, a byte and padding (random padding
   * bytes, ±0, NaN), checked against a model after every step, with the map's invariants.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestPlugins.AMD64, TestPlugins.I386, TestPlugins.S390X})
  @DisplayName("Random operations on float and padded struct keys agree with a model")
  void modelBased(String layout) {
    ByteOrder o = order(layout);
    for (long seed : new long[] {1, 2, 3}) {
      Random rnd = new Random(seed);
      BytesGoMap m = build(layout, seed, "struct{f float32; b int8}", "int32");
      assertThat(m.keySize()).isEqualTo(8);
      Map<Long, Integer> model = new HashMap<>();
      int nans = 0;
      float[] floats = {0f, -0f, 1f, -1f, 2.5f, Float.NaN, Float.POSITIVE_INFINITY};
      for (int step = 0; step < 4000; step++) {
        byte[] k = new byte[8];
        rnd.nextBytes(k);
        float f = rnd.nextInt(4) == 0 ? floats[rnd.nextInt(floats.length)] : rnd.nextInt(40);
        ByteBuffer.wrap(k).order(o).putFloat(0, f);
        byte b = (byte) rnd.nextInt(4);
        k[4] = b;
        long canon = f != f ? -1
            : ((Float.floatToIntBits(f + 0f) & 0xFFFFFFFFL) << 8) | (b & 0xFF);
        int op = rnd.nextInt(10);
        if (op < 5) {
          byte[] prev = m.put(k, i32(step, o));
          if (canon < 0) {
            assertThat(prev).as("seed %d step %d", seed, step).isNull();
            nans++;
          } else {
            Integer want = model.put(canon, step);
            assertThat(prev == null ? null : readI32(prev, o))
                .as("seed %d step %d", seed, step).isEqualTo(want);
          }
        } else if (op < 8) {
          byte[] got = m.get(k);
          Integer want = canon < 0 ? null : model.get(canon);
          assertThat(got == null ? null : readI32(got, o))
              .as("seed %d step %d", seed, step).isEqualTo(want);
        } else if (op < 9 || step % 997 != 0) {
          byte[] prev = m.remove(k);
          Integer want = canon < 0 ? null : model.remove(canon);
          assertThat(prev == null ? null : readI32(prev, o)).isEqualTo(want);
        } else {
          m.clear();
          model.clear();
          nans = 0;
        }
        assertThat(m.size()).as("seed %d step %d", seed, step).isEqualTo(model.size() + nans);
        if (step % 50 == 0 || MapInternals.state(m).growing()) {
          MapInternals.checkInvariants(m);
        }
      }
      int[] seen = new int[2];
      m.forEach((k, v) -> seen[Float.isNaN(ByteBuffer.wrap(k).order(o).getFloat()) ? 1 : 0]++);
      assertThat(seen[0]).isEqualTo(model.size());
      assertThat(seen[1]).isEqualTo(nans);
    }
  }
}
