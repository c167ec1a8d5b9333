package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.BytesGoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.engine.GoMaps;
import io.gomap4j.engine.testing.TestLayouts;
import io.gomap4j.engine.testing.TestPlugins;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link BytesMap}: a byte-array map in Go's bucket geometry, checked against a model. */
class BytesMapTest {

  private static final int PAGE_BUCKETS = 1 << BucketArray.MAX_PAGE_SHIFT;

  static Stream<Arguments> subjects() {
    List<Arguments> out = new ArrayList<>();
    for (String layout : List.of(TestPlugins.AMD64, TestPlugins.I386, TestPlugins.S390X)) {
      out.add(Arguments.of(layout, "[12]byte", "[3]uint16"));
      out.add(Arguments.of(layout, "int32", "struct{a int32; b int16}"));
      out.add(Arguments.of(layout, "int64", "uint8"));
      out.add(Arguments.of(layout, "[2]uint8", "struct{}"));
    }
    return out.stream();
  }

  private static BytesGoMap build(String layout, long seed, String key, String elem) {
    return TestPlugins.builder(layout, seed).keyType(GoType.parse(key))
        .elemType(GoType.parse(elem)).buildBytes();
  }

  private static byte[] random(Random rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  @ParameterizedTest(name = "map[{1}]{2} on {0}")
  @MethodSource("subjects")
  @DisplayName("Random operations agree with a HashMap model; invariants hold after every one")
  void modelBased(String layout, String key, String elem) {
    for (long seed : new long[] {1L, 0x5eedL}) {
      BytesGoMap m = build(layout, seed, key, elem);
      Map<ByteBuffer, byte[]> model = new HashMap<>();
      Random rnd = new Random(seed * 31 + layout.hashCode());
      int ks = m.keySize();
      int es = m.elemSize();
      // A pool small enough for hits, large enough for growth and overflow chains.
      int poolSize = ks == 2 ? 300 : 700;
      List<byte[]> pool = new ArrayList<>();
      for (int i = 0; i < poolSize; i++) {
        pool.add(random(rnd, ks));
      }
      for (int op = 0; op < 4000; op++) {
        byte[] k = pool.get(rnd.nextInt(pool.size())).clone();
        ByteBuffer mk = ByteBuffer.wrap(k.clone());
        int what = rnd.nextInt(100);
        if (what < 50) {
          byte[] v = random(rnd, es);
          byte[] prev = model.put(mk, v.clone());
          assertThat(m.put(k, v)).isEqualTo(prev);
          if (es > 0) {
            v[0] ^= 1; // the map copied the caller's array
          }
          k[0] ^= 1;
        } else if (what < 75) {
          assertThat(m.remove(k)).isEqualTo(model.remove(mk));
        } else if (what < 90) {
          assertThat(m.get(k)).isEqualTo(model.get(mk));
        } else if (what < 99) {
          assertThat(m.containsKey(k)).isEqualTo(model.containsKey(mk));
        } else if (rnd.nextInt(20) == 0) {
          m.clear();
          model.clear();
        } else {
          assertThat(entries(m)).isEqualTo(model);
        }
        assertThat(m.size()).isEqualTo(model.size());
        assertThat(m.isEmpty()).isEqualTo(model.isEmpty());
        MapInternals.checkInvariants(m);
      }
      assertThat(entries(m)).isEqualTo(model);
      for (ByteBuffer present : model.keySet()) {
        byte[] got = m.get(present.array().clone());
        if (got.length > 0) {
          got[0] ^= 1; // a returned copy does not write through
        }
      }
      assertThat(entries(m)).isEqualTo(model);
    }
  }

  /** The map's entries; fails on a key returned twice. Values compare as arrays via wrapping. */
  private static Map<ByteBuffer, byte[]> entries(BytesGoMap m) {
    Map<ByteBuffer, byte[]> out = new LinkedHashMap<>();
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
      if (!(o instanceof Map)) {
        return false;
      }
      Map<?, ?> other = (Map<?, ?>) o;
      if (other.size() != size()) {
        return false;
      }
      for (Map.Entry<ByteBuffer, byte[]> e : entrySet()) {
        Object v = other.get(e.getKey());
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

  @Test
  @DisplayName("Keys are read in the platform's byte order: an int32 key on s390x is big-endian")
  void platformByteOrder() {
    BytesGoMap le = build(TestPlugins.AMD64, 3, "int32", "int32");
    BytesGoMap be = build(TestPlugins.S390X, 3, "int32", "int32");
    assertThat(le.keySize()).isEqualTo(4);
    byte[] k = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(0x01020304).array();
    be.put(k, k);
    assertThat(be.get(k)).containsExactly(1, 2, 3, 4);
    assertThat(be.get(new byte[] {4, 3, 2, 1})).isNull();
  }

  // ---- errors -----------------------------------------------------------------------------------

  @Test
  @DisplayName("Wrong lengths and nulls are refused with messages naming size and type;"
      + " the map is unchanged")
  void badArguments() {
    BytesGoMap m = build(TestPlugins.AMD64, 5, "[12]byte", "[3]uint16");
    byte[] k = new byte[12];
    k[0] = 7;
    m.put(k, new byte[] {1, 2, 3, 4, 5, 6});
    assertThat(m.keySize()).isEqualTo(12);
    assertThat(m.elemSize()).isEqualTo(6);
    assertThat(m.keyType()).isEqualTo(GoType.parse("[12]byte"));
    assertThat(m.elemType()).isEqualTo(GoType.parse("[3]uint16"));

    assertThatThrownBy(() -> m.put(new byte[11], new byte[6]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11 bytes").hasMessageContaining("[12]uint8")
        .hasMessageContaining("12 bytes");
    assertThatThrownBy(() -> m.put(k, new byte[8]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[3]uint16").hasMessageContaining("6 bytes");
    assertThatThrownBy(() -> m.get(new byte[13])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12 bytes");
    assertThatThrownBy(() -> m.containsKey(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.remove(new byte[1])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.remove(new byte[1]))
        .hasMessage("key has 1 byte; the map's key type [12]uint8 is 12 bytes on amd64");
    BytesGoMap small = build(TestPlugins.AMD64, 5, "int8", "bool");
    assertThatThrownBy(() -> small.put(new byte[2], new byte[1]))
        .hasMessage("key has 2 bytes; the map's key type int8 is 1 byte on amd64");
    assertThatThrownBy(() -> small.put(new byte[1], new byte[0]))
        .hasMessage("value has 0 bytes; the map's elem type bool is 1 byte on amd64");
    assertThat(small.isEmpty()).isTrue();
    assertThatThrownBy(() -> m.put(null, new byte[6])).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("key");
    assertThatThrownBy(() -> m.put(k, null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("value");
    assertThatThrownBy(() -> m.get(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("key");
    assertThatThrownBy(() -> m.forEach(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("action");

    assertThat(m.size()).isEqualTo(1);
    assertThat(m.get(k)).containsExactly(1, 2, 3, 4, 5, 6);
    MapInternals.checkInvariants(m);
  }

  @Test
  @DisplayName("Key types that are not fixed-size and pointer-free are refused, naming type and"
      + " reason")
  void unsupportedKeyTypes() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("string", "string keys");
    cases.put("*int64", "pointer keys");
    cases.put("unsafe.Pointer", "pointer keys");
    cases.put("any", "interface keys");
    cases.put("chan int", "chan keys");
    cases.put("[]byte", "not comparable");
    cases.put("map[int]int", "not comparable");
    cases.put("struct{a int32; s string}", "field s string: string keys");
    cases.put("[2]struct{a float64; p *int8}", "field p *int8: pointer keys");
    cases.put("struct{a int32; e error}", "field e interface{Error() string}: interface keys");
    cases.put("struct{a int32; error}", "field error: interface keys");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      assertThatThrownBy(() -> build(TestPlugins.AMD64, 1, c.getKey(), "int32"))
          .as(c.getKey()).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("BytesGoMap key type " + GoType.parse(c.getKey()).goSyntax())
          .hasMessageContaining(c.getValue());
    }
    assertThatThrownBy(() -> build(TestPlugins.AMD64, 1, "string", "int32"))
        .hasMessageContaining("booleans, integers, floats, complex numbers, and arrays and"
            + " structs of those");
    // 386 aligns int64 to 4: struct{a int32; b int64} has no padding there, 4 bytes on amd64.
    assertThat(build(TestPlugins.I386, 1, "struct{a int32; b int64}", "int32").keySize())
        .isEqualTo(12);
    assertThat(build(TestPlugins.AMD64, 1, "struct{a int32; b int64}", "int32").keySize())
        .isEqualTo(16);
  }

  @Test
  @DisplayName("Pointer-holding elems and missing types are refused; indirect keys and elems are"
      + " accepted")
  void unsupportedElemsAndSizes() {
    assertThatThrownBy(() -> build(TestPlugins.AMD64, 1, "int32", "string"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("elem type string holds pointers");
    assertThatThrownBy(() -> build(TestPlugins.AMD64, 1, "int32", "struct{a int32; p *int32}"))
        .hasMessageContaining("holds pointers");
    // Over 128 bytes: stored indirectly, as Go does (BytesMapIndirectTest).
    assertThat(build(TestPlugins.AMD64, 1, "[129]byte", "int32").keySize()).isEqualTo(129);
    assertThat(build(TestPlugins.I386, 1, "int32", "[200]byte").elemSize()).isEqualTo(200);
    assertThatThrownBy(() -> build(TestPlugins.AMD64, 1, "int32", "[200]*int32"))
        .hasMessageContaining("holds pointers");
    assertThat(build(TestPlugins.AMD64, 1, "[128]byte", "[128]byte").keySize()).isEqualTo(128);

    GoMaps.Builder noElem = TestPlugins.builder(TestPlugins.AMD64, 1).keyType(GoType.INT32);
    assertThatThrownBy(noElem::buildBytes).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing: elemType");
    assertThatThrownBy(() -> TestPlugins.builder(TestPlugins.AMD64, 1).buildBytes())
        .hasMessageContaining("missing: keyType, elemType");
  }

  // ---- geometry ---------------------------------------------------------------------------------

  @Test
  @DisplayName("Buckets have the layout's size: map[[12]byte]uint8 is 8+96+8+8=120 bytes on amd64;"
      + " Java heap bytes follow it")
  void storageGeometry() {
    BucketLayout amd64 =
        new TestLayouts.Amd64().bucketLayout(GoType.parse("[12]byte"), GoType.UINT8);
    assertThat(amd64.bucketSize()).isEqualTo(120);
    assertThat(amd64.keysOffset()).isEqualTo(8);
    assertThat(amd64.elemsOffset()).isEqualTo(104);
    assertThat(amd64.overflowOffset()).isEqualTo(112);
    for (PlatformLayout pl : List.<PlatformLayout>of(
        new TestLayouts.Amd64(), new TestLayouts.I386(), new TestLayouts.S390x())) {
      int size = pl.bucketLayout(GoType.parse("[12]byte"), GoType.UINT8).bucketSize();
      BytesGoMap empty = TestPlugins.builder(pl.name(), 2).keyType(GoType.parse("[12]byte"))
          .elemType(GoType.UINT8).expectedSize(5000).buildBytes();
      BytesGoMap one = TestPlugins.builder(pl.name(), 2).keyType(GoType.parse("[12]byte"))
          .elemType(GoType.UINT8).expectedSize(5000).buildBytes();
      one.put(new byte[12], new byte[] {9});
      assertThat(empty.stats().B()).isEqualTo(10);
      assertThat(one.stats().javaHeapBytes() - empty.stats().javaHeapBytes())
          .as("one touched page on %s", pl.name()).isEqualTo(16 + PAGE_BUCKETS * size);
      MapInternals.checkInvariants(one);
    }
    assertThat(new TestLayouts.I386().bucketLayout(GoType.parse("[12]byte"), GoType.UINT8)
        .bucketSize()).isEqualTo(116);
  }
}
