package io.gomap4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.GoType;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** gc's sizes and alignments of composite types (size.go CalcSize, calcStructOffset). */
class GcCompositeLayoutTest {

  private static GcPlatformLayout layout(int ptr, int reg) {
    return new GcPlatformLayout(new Platform("test", ptr, reg, ByteOrder.LITTLE_ENDIAN)) {
      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }
    };
  }

  private static GcPlatformLayout layout(int ptr, long maxWidth) {
    return new GcPlatformLayout(new Platform("test", ptr, ptr, ByteOrder.LITTLE_ENDIAN),
        maxWidth) {
      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }
    };
  }

  @ParameterizedTest(name = "{0}: {1}/{2} on 64-bit, {3}/{4} on 32-bit")
  @CsvSource(delimiter = '|', value = {
      "[3]byte|3|1|3|1",
      "[0]int64|0|8|0|4",
      "[2]int64|16|8|16|4",
      "[3]complex64|24|4|24|4",
      "[]byte|24|8|12|4",
      "any|16|8|8|4",
      "interface{ M() }|16|8|8|4",
      "map[string]int|8|8|4|4",
      "chan int|8|8|4|4",
      "<-chan [200]byte|8|8|4|4",
      "func(int) int|8|8|4|4",
      "struct{}|0|1|0|1",
      "struct{a int8; b int64}|16|8|12|4",
      "struct{a int64; b int8}|16|8|12|4",
      "struct{a int16; b float64; c int8}|24|8|16|4",
      "struct{a bool; b string}|24|8|12|4",
      "struct{a int32; b int32; c int32}|12|4|12|4",
      // a trailing zero-size field gets a byte of padding before the round-up
      "struct{a int8; b [0]int64}|16|8|8|4",
      "struct{a int8; b struct{}}|2|1|2|1",
      "struct{a int32; b struct{}}|8|4|8|4",
      "struct{a int8; b [0]int64; c [0]int8}|16|8|8|4",
      // but not a leading one, nor an all-zero struct
      "struct{a struct{}; b int8}|1|1|1|1",
      "struct{a struct{}; b [0]int64}|0|8|0|4",
      "[2]struct{a int8; b struct{}}|4|1|4|1",
  })
  @DisplayName("Composite types have gc's size and alignment")
  void compositeSizes(String type, long size64, int align64, long size32, int align32) {
    GoType t = GoType.parse(type);
    assertThat(layout(8, 8).typeLayout(t)).isEqualTo(new TypeLayout(size64, align64));
    assertThat(layout(4, 4).typeLayout(t)).isEqualTo(new TypeLayout(size32, align32));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource(delimiter = '|', value = {
      "struct{error}|struct{e error}",
      "struct{a int8; error}|struct{a int8; e error}",
      "struct{error; a int8; b [0]int64}|struct{e error; a int8; b [0]int64}",
      "[5]struct{a int64; error}|[5]struct{a int64; e error}",
      "[6]struct{a int64; error}|[6]struct{a int64; e error}",
  })
  @DisplayName("A struct that embeds error is laid out as the struct with a named field of type"
      + " error, alone and as a map key, on 64- and 32-bit targets: an interface is two words")
  void embeddedErrorIsLaidOutAsANamedField(String embedded, String named) {
    GoType e = GoType.parse(embedded);
    GoType n = GoType.parse(named);
    for (GcPlatformLayout layout : new GcPlatformLayout[] {layout(8, 8), layout(4, 4)}) {
      assertThat(layout.typeLayout(e)).isEqualTo(layout.typeLayout(n));
      assertThat(layout.bucketLayout(e, GoType.INT)).usingRecursiveComparison()
          .ignoringFields("key").isEqualTo(layout.bucketLayout(n, GoType.INT));
      assertThat(layout.bucketLayout(GoType.INT, e)).usingRecursiveComparison()
          .ignoringFields("elem").isEqualTo(layout.bucketLayout(GoType.INT, n));
    }
    assertThat(layout(8, 8).typeLayout(GoType.parse("struct{error}")))
        .isEqualTo(layout(8, 8).typeLayout(GoType.parse("any")));
  }

  @Test
  @DisplayName("Spec 2.5's struct example: map[struct{a int8; b int64}]bool is 152 bytes on amd64, "
      + "116 on 386")
  void structBucket() {
    GoType key = GoType.parse("struct{a int8; b int64}");
    assertThat(layout(8, 8).bucketLayout(key, GoType.BOOL).bucketSize()).isEqualTo(152);
    assertThat(layout(4, 4).bucketLayout(key, GoType.BOOL).bucketSize()).isEqualTo(116);
    assertThat(layout(8, 8).bucketLayout(GoType.parse("interface{}"), GoType.INT).bucketSize())
        .isEqualTo(208);
    BucketLayout big = layout(8, 8).bucketLayout(GoType.parse("[129]byte"), GoType.INT);
    assertThat(big.indirectKey()).isTrue();
    assertThat(big.bucketSize()).isEqualTo(144);
  }

  @Test
  @DisplayName("An array larger than the address space is refused")
  void hugeArray() {
    assertThatThrownBy(() -> layout(8, 8).typeLayout(GoType.parse("[4611686018427387904]int64")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("larger than the address space");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // the second field's offset, rounded up to 8, passes 2^63-1
      "struct{a [9223372036854775806]byte; b int64}|its size passes 2^63-1 bytes",
      "struct{a [9223372036854775806]byte; b [0]int64}|its size passes 2^63-1 bytes",
      // the round-up of the whole struct to its alignment passes 2^63-1
      "struct{a int64; b [9223372036854775798]byte}|its size passes 2^63-1 bytes",
      // an array of two: the size in the message is exact
      "[2]struct{a [4611686018427387904]byte}|make 9223372036854775808 bytes",
  })
  @DisplayName("With no limit below 2^63-1, sizes and offsets past it are refused naming the type,"
      + " never wrapped negative")
  void sizeOverflow(String type, String reason) {
    GoType t = GoType.parse(type);
    GcPlatformLayout unlimited = layout(8, Long.MAX_VALUE);
    assertThatThrownBy(() -> unlimited.typeLayout(t))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("type " + t.goSyntax() + " ")
        .hasMessageContaining(reason);
    assertThatThrownBy(() -> unlimited.bucketLayout(GoType.INT64, t))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("type " + t.goSyntax() + " ");
    assertThat(unlimited.typeLayout(GoType.parse("struct{a [9223372036854775806]byte; b [0]byte}")))
        .isEqualTo(new TypeLayout(Long.MAX_VALUE, 1));
  }

  @ParameterizedTest(name = "{0} on a {1}-byte target with MAXWIDTH {2}: {3}")
  @CsvSource(delimiter = '|', value = {
      // arrays: at most MAXWIDTH-1 bytes
      "[1125899906842623]byte|8|1125899906842624|1125899906842623",
      "[1125899906842624]byte|8|1125899906842624|",
      "[140737488355327]int64|8|1125899906842624|1125899906842616",
      "[140737488355328]int64|8|1125899906842624|",
      "[9223372036854775807]struct{}|8|1125899906842624|0",
      // struct fields end below MAXWIDTH; the padding and round-up after them are not checked
      "struct{a [1125899906842622]byte; b byte}|8|1125899906842624|1125899906842623",
      "struct{a [1125899906842623]byte; b byte}|8|1125899906842624|",
      "struct{a [1125899906842623]byte; b [0]byte}|8|1125899906842624|1125899906842624",
      "struct{a int32; b [1125899906842619]byte}|8|1125899906842624|1125899906842624",
      "struct{a int32; b [1125899906842620]byte}|8|1125899906842624|",
      // 32-bit: array lengths and sizes at most 2^31-1; struct fields end below 2^31-1
      "[2147483647]byte|4|4294967295|2147483647",
      "[2147483648]struct{}|4|4294967295|",
      "[268435455]int64|4|4294967295|2147483640",
      "[268435456]int64|4|4294967295|",
      "struct{a [2147483645]byte; b byte}|4|4294967295|2147483646",
      "struct{a [2147483646]byte; b byte}|4|4294967295|",
      "struct{a [2147483646]byte; b [0]byte}|4|4294967295|2147483647",
      "struct{a int32; b [2147483640]byte}|4|4294967295|2147483644",
      "struct{a int32; b [2147483641]byte}|4|4294967295|",
      // mips: MAXWIDTH 2^31-1, so arrays of at most 2^31-2 bytes
      "[2147483646]byte|4|2147483647|2147483646",
      "[2147483647]byte|4|2147483647|",
  })
  @DisplayName("Types larger than Go 1.19's compiler allows are refused: arrays over MAXWIDTH-1"
      + " bytes, struct fields ending at MAXWIDTH (2^31-1 on 32-bit), on 32-bit anything over"
      + " 2^31-1 bytes or elements")
  void goSizeLimits(String type, int ptr, long maxWidth, Long size) {
    GoType t = GoType.parse(type);
    GcPlatformLayout l = layout(ptr, maxWidth);
    if (size != null) {
      assertThat(l.typeLayout(t).size()).isEqualTo(size);
      assertThat(l.bucketLayout(t, t).indirectElem()).isEqualTo(size > 128);
    } else {
      assertThatThrownBy(() -> l.typeLayout(t))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(t.goSyntax())
          .hasMessageContaining("Go 1.19");
      assertThatThrownBy(() -> l.bucketLayout(GoType.INT64, t))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  @DisplayName("The refusals name the type, its size and the limit")
  void sizeLimitMessages() {
    GcPlatformLayout amd64 = layout(8, GcPlatformLayout.MAX_WIDTH_64);
    assertThatThrownBy(() -> amd64.typeLayout(GoType.parse("[1125899906842624]int16")))
        .hasMessage("type [1125899906842624]int16 is larger than the address space of test:"
            + " 1125899906842624 elements of 2 bytes make 2251799813685248 bytes, where Go 1.19's"
            + " compiler allows at most 1125899906842623 bytes for an array");
    assertThatThrownBy(() -> amd64.typeLayout(
        GoType.parse("struct{a [1125899906842623]byte; b int8}")))
        .hasMessage("type struct{a [1125899906842623]uint8; b int8} is too large for test: field"
            + " b int8 ends at byte 1125899906842624, so the struct is at least 1125899906842624"
            + " bytes, where Go 1.19's compiler needs every field to end below byte"
            + " 1125899906842624");
    GcPlatformLayout i386 = layout(4, GcPlatformLayout.MAX_WIDTH_32);
    assertThatThrownBy(() -> i386.typeLayout(GoType.parse("[3]struct{a [1073741824]byte}")))
        .hasMessage("type [3]struct{a [1073741824]uint8} is too large for test: 3221225472"
            + " bytes, where Go 1.19's compiler allows at most 2147483647 (2^31-1) on a 32-bit"
            + " target");
    assertThatThrownBy(() -> i386.typeLayout(GoType.parse("[2147483648]struct{}")))
        .hasMessage("array length 2147483648 of type [2147483648]struct{} does not fit in test's"
            + " int: Go 1.19 allows array lengths of at most 2147483647 (2^31-1) on a 32-bit"
            + " target");
  }

  @Test
  @DisplayName("The default MAXWIDTH follows the pointer size; one below 2^31-1 is refused")
  void defaultMaxWidth() {
    assertThat(layout(8, 8).maxWidth()).isEqualTo(1L << 50);
    assertThat(layout(4, 4).maxWidth()).isEqualTo((1L << 32) - 1);
    assertThatThrownBy(() -> layout(4, 1L << 20))
        .hasMessage("maxWidth of test must be at least 2147483647 (2^31-1), got 1048576");
  }
}
