package io.gomap4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.GoType;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The runtime's map structs (spec section 1) and the bucket as a field table (section 2). */
class RuntimeStructLayoutTest {

  private static final GcPlatformLayout AMD64 = layout("amd64", 8);
  private static final GcPlatformLayout I386 = layout("386", 4);

  private static GcPlatformLayout layout(String goarch, int ptr) {
    return new GcPlatformLayout(new Platform(goarch, ptr, ptr, ByteOrder.LITTLE_ENDIAN)) {
      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }
    };
  }

  private static void assertOffsets(StructLayout s, Map<String, Long> offsets) {
    assertThat(s.declaredFields()).extracting(StructLayout.Field::name)
        .containsExactlyInAnyOrderElementsOf(offsets.keySet());
    offsets.forEach((name, off) ->
        assertThat(s.field(name).orElseThrow().offset()).as(s.name() + "." + name).isEqualTo(off));
    long end = 0;
    for (StructLayout.Field f : s.fields()) {
      assertThat(f.offset()).as("rows are contiguous at " + f).isEqualTo(end);
      end = f.end();
    }
    assertThat(end).isEqualTo(s.size());
  }

  private static Map<String, Long> offsets(Object... nameThenOffset) {
    java.util.LinkedHashMap<String, Long> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < nameThenOffset.length; i += 2) {
      m.put((String) nameThenOffset[i], ((Number) nameThenOffset[i + 1]).longValue());
    }
    return m;
  }

  @Test
  @DisplayName("hmap is 48 bytes on amd64 with the spec's offsets")
  void hmap64() {
    StructLayout h = AMD64.hmapLayout();
    assertThat(h.size()).isEqualTo(48);
    assertThat(h.align()).isEqualTo(8);
    assertOffsets(h, offsets("count", 0, "flags", 8, "B", 9, "noverflow", 10, "hash0", 12,
        "buckets", 16, "oldbuckets", 24, "nevacuate", 32, "extra", 40));
    assertThat(h.field("count").orElseThrow().size()).isEqualTo(8);
    assertThat(h.field("extra").orElseThrow().goType()).isEqualTo("*mapextra");
    assertThat(h.fields()).noneMatch(StructLayout.Field::padding);
  }

  @Test
  @DisplayName("hmap is 28 bytes on 386 with the spec's offsets")
  void hmap32() {
    StructLayout h = I386.hmapLayout();
    assertThat(h.size()).isEqualTo(28);
    assertThat(h.align()).isEqualTo(4);
    assertOffsets(h, offsets("count", 0, "flags", 4, "B", 5, "noverflow", 6, "hash0", 8,
        "buckets", 12, "oldbuckets", 16, "nevacuate", 20, "extra", 24));
    assertThat(h.field("count").orElseThrow().size()).isEqualTo(4);
  }

  @Test
  @DisplayName("mapextra is three words: 24 bytes on amd64, 12 on 386")
  void mapextra() {
    assertThat(AMD64.mapextraLayout().size()).isEqualTo(24);
    assertOffsets(AMD64.mapextraLayout(),
        offsets("overflow", 0, "oldoverflow", 8, "nextOverflow", 16));
    assertThat(I386.mapextraLayout().size()).isEqualTo(12);
    assertOffsets(I386.mapextraLayout(),
        offsets("overflow", 0, "oldoverflow", 4, "nextOverflow", 8));
  }

  @Test
  @DisplayName("hiter is twelve words: 96 bytes on amd64, 48 on 386, with padding after i on amd64")
  void hiter() {
    StructLayout h64 = AMD64.hiterLayout();
    assertThat(h64.size()).isEqualTo(96);
    assertOffsets(h64, offsets("key", 0, "elem", 8, "t", 16, "h", 24, "buckets", 32, "bptr", 40,
        "overflow", 48, "oldoverflow", 56, "startBucket", 64, "offset", 72, "wrapped", 73,
        "B", 74, "i", 75, "bucket", 80, "checkBucket", 88));
    assertThat(h64.fields()).filteredOn(StructLayout.Field::padding)
        .containsExactly(StructLayout.Field.padding(76, 4));

    StructLayout h32 = I386.hiterLayout();
    assertThat(h32.size()).isEqualTo(48);
    assertOffsets(h32, offsets("key", 0, "elem", 4, "t", 8, "h", 12, "buckets", 16, "bptr", 20,
        "overflow", 24, "oldoverflow", 28, "startBucket", 32, "offset", 36, "wrapped", 37,
        "B", 38, "i", 39, "bucket", 40, "checkBucket", 44));
    assertThat(h32.fields()).noneMatch(StructLayout.Field::padding);
  }

  @Test
  @DisplayName("A bucket's field table: map[int64]string on 386 (spec 2.5)")
  void bucketFields386() {
    List<StructLayout.Field> f = I386.bucketLayout(GoType.INT64, GoType.STRING).fields();
    assertThat(f).containsExactly(
        StructLayout.Field.of("tophash", "[8]uint8", 0, 8),
        StructLayout.Field.of("keys", "[8]int64", 8, 64),
        StructLayout.Field.of("elems", "[8]string", 72, 64),
        StructLayout.Field.of("overflow", "unsafe.Pointer", 136, 4));
  }

  @Test
  @DisplayName("Pointer-free buckets type overflow as uintptr; indirect slots are pointers")
  void bucketFieldsIndirect() {
    assertThat(AMD64.bucketLayout(GoType.INT64, GoType.INT64).fields())
        .extracting(StructLayout.Field::goType)
        .containsExactly("[8]uint8", "[8]int64", "[8]int64", "uintptr");
    BucketLayout b = AMD64.bucketLayout(GoType.arrayOf(200, GoType.UINT8), GoType.INT);
    assertThat(b.fields()).containsExactly(
        StructLayout.Field.of("tophash", "[8]uint8", 0, 8),
        StructLayout.Field.of("keys", "[8]*[200]uint8", 8, 64),
        StructLayout.Field.of("elems", "[8]int", 72, 64),
        StructLayout.Field.of("overflow", "unsafe.Pointer", 136, 8));
    assertThat(b.structLayout().size()).isEqualTo(144);
  }

  @Test
  @DisplayName("Padding rows appear where offsets jump and at the tail")
  void bucketPaddingRows() {
    BucketLayout b = new BucketLayout(GoType.INT8, GoType.INT64, new TypeLayout(1, 1),
        new TypeLayout(8, 8), 1, 8, false, false, 8, 24, 88, 4, 96, 8);
    assertThat(b.fields()).containsExactly(
        StructLayout.Field.of("tophash", "[8]uint8", 0, 8),
        StructLayout.Field.of("keys", "[8]int8", 8, 8),
        StructLayout.Field.padding(16, 8),
        StructLayout.Field.of("elems", "[8]int64", 24, 64),
        StructLayout.Field.of("overflow", "uintptr", 88, 4),
        StructLayout.Field.padding(92, 4));
    assertThat(StructLayout.Field.padding(16, 8).goType()).isEqualTo("[8]byte");
  }

  @Test
  @DisplayName("A type layout that makes a struct smaller than its fields is refused, in words")
  void structSmallerThanItsFields() {
    GoType int16 = GoType.parse("int16");
    assertThatThrownBy(() -> StructLayout.of("s", List.of(StructLayout.Member.of("a", int16)),
        t -> t instanceof GoType.Struct ? new TypeLayout(1, 1) : new TypeLayout(2, 2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("struct s is 1 byte, but its fields end at 2");
  }

  @Test
  @DisplayName("The bucket of indirect keys and elems already GoType.MAX_NESTING levels deep shows"
      + " their pointer slots, one level deeper than a GoType may nest")
  void indirectSlotsOfTheDeepestTypes() {
    GoType key = deepest(GoType.arrayOf(200, GoType.INT8));
    GoType elem = deepest(GoType.arrayOf(300, GoType.UINT8));
    StructLayout bucket = AMD64.bucketLayout(key, elem).structLayout();
    assertThat(bucket.field("keys").orElseThrow().goType()).isEqualTo("[8]*" + key.goSyntax());
    assertThat(bucket.field("elems").orElseThrow().goType()).isEqualTo("[8]*" + elem.goSyntax());
    assertThat(bucket.field("overflow").orElseThrow().goType()).isEqualTo("unsafe.Pointer");
  }

  /** {@code inner}, 2 levels deep, in arrays of one up to GoType.MAX_NESTING levels. */
  private static GoType deepest(GoType inner) {
    GoType t = inner;
    for (int level = 2; level < GoType.MAX_NESTING; level++) {
      t = GoType.arrayOf(1, t);
    }
    return t;
  }
}
