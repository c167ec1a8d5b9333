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
      "struct{a [9223372036854775807]byte; b int64}",
      // adding the second field's size passes 2^63-1
      "struct{a [9223372036854775807]byte; b byte}",
      // the byte of padding after a trailing zero-size field passes 2^63-1
      "struct{a [9223372036854775807]byte; b [0]int8}",
      // the round-up of the whole struct to its alignment passes 2^63-1
      "struct{a int64; b [9223372036854775799]byte}",
      // in an array of two
      "[2]struct{a [4611686018427387904]byte}",
  })
  @DisplayName("Sizes and offsets past 2^63-1 are refused naming the type, never wrapped negative")
  void structOverflow(String type) {
    GoType t = GoType.parse(type);
    assertThatThrownBy(() -> layout(8, 8).typeLayout(t))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("type " + t.goSyntax() + " ")
        .hasMessageContaining("2^63-1 bytes");
    assertThatThrownBy(() -> layout(8, 8).bucketLayout(GoType.INT64, t))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("type " + t.goSyntax() + " ");
  }
}
