package io.gomap4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.GoType;
import java.nio.ByteOrder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GcPlatformLayoutTest {

  private static GcPlatformLayout layout(int ptr, int reg) {
    return new GcPlatformLayout(new Platform("test", ptr, reg, ByteOrder.LITTLE_ENDIAN)) {
      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }
    };
  }

  @Test
  @DisplayName("8-byte scalars align to the register size; strings are two words")
  void scalarRules() {
    assertThat(layout(4, 4).typeLayout(GoType.INT64)).isEqualTo(new TypeLayout(8, 4));
    assertThat(layout(8, 8).typeLayout(GoType.FLOAT64)).isEqualTo(new TypeLayout(8, 8));
    assertThat(layout(4, 4).typeLayout(GoType.COMPLEX64)).isEqualTo(new TypeLayout(8, 4));
    assertThat(layout(4, 4).typeLayout(GoType.STRING)).isEqualTo(new TypeLayout(8, 4));
    assertThat(layout(8, 8).typeLayout(GoType.pointerTo(GoType.INT8)))
        .isEqualTo(new TypeLayout(8, 8));
  }

  @Test
  @DisplayName("A bucket is 8 tophash bytes, 8 keys, 8 elems and a trailing overflow word")
  void bucketFormula() {
    BucketLayout b = layout(4, 4).bucketLayout(GoType.INT64, GoType.INT64);
    assertThat(b.keysOffset()).isEqualTo(8);
    assertThat(b.elemsOffset()).isEqualTo(72);
    assertThat(b.overflowOffset()).isEqualTo(136);
    assertThat(b.bucketSize()).isEqualTo(140);
    assertThat(b.keyOffset(3)).isEqualTo(32);
    assertThat(b.elemOffset(1)).isEqualTo(80);
  }

  @Test
  @DisplayName("A layout that would pad the bucket's tail is refused, as Go's compiler refuses it")
  void overflowMustBeLast() {
    assertThatThrownBy(() -> layout(4, 8).bucketLayout(GoType.INT64, GoType.INT64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad offset of overflow in bmap for map[int64]int64");
  }

  @Test
  @DisplayName("Key types Go refuses as not comparable are refused (go1.19: \"invalid map key"
      + " type\"); interfaces, pointers, chans and arrays and structs of comparable types are keys")
  void nonComparableKeys() {
    // each checked with go1.19: go build of `return map[K]int(nil)`
    for (String k : new String[] {"[]int", "map[int]int", "func()", "[0][]int", "[2]func()",
        "struct{_ []int}", "struct{a int; f func()}", "struct{a struct{m map[int]int}}"}) {
      GoType key = GoType.parse(k);
      assertThatThrownBy(() -> layout(8, 8).bucketLayout(key, GoType.INT))
          .as(k)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("invalid map key type " + key.goSyntax() + ": Go's compiler refuses map["
              + key.goSyntax() + "]int; a map key type must be comparable: not a slice, map or"
              + " func, nor an array or struct holding one");
    }
    for (String k : new String[] {"interface{M()}", "any", "error", "chan int", "<-chan int",
        "*[]int", "[2]any", "struct{}", "[0]int", "unsafe.Pointer", "complex128",
        "struct{_ int; a bool}", "*func()", "chan []int"}) {
      assertThat(layout(4, 4).bucketLayout(GoType.parse(k), GoType.INT)).as(k).isNotNull();
    }
  }

  @Test
  @DisplayName("Platform values are validated and name the bad field")
  void platformValidation() {
    assertThatThrownBy(() -> new Platform("x", 2, 4, ByteOrder.BIG_ENDIAN))
        .hasMessageContaining("ptrSize of x must be 4 or 8, got 2");
    assertThatThrownBy(() -> new Platform(" ", 4, 4, ByteOrder.BIG_ENDIAN))
        .hasMessageContaining("goarch is blank");
    assertThat(new Platform("mips", 4, 4, ByteOrder.BIG_ENDIAN).bigEndian()).isTrue();
  }

  @Test
  @DisplayName("Go type names resolve, with byte and rune as aliases; unknown names list the valid ones")
  void goTypeNames() {
    assertThat(GoType.basic("byte")).isEqualTo(GoType.UINT8);
    assertThat(GoType.basic("rune")).isEqualTo(GoType.INT32);
    assertThat(GoType.basic("unsafe.Pointer").goSyntax()).isEqualTo("unsafe.Pointer");
    assertThat(GoType.pointerTo(GoType.STRING).goSyntax()).isEqualTo("*string");
    assertThat(GoType.FLOAT32.isReflexive()).isFalse();
    assertThat(GoType.STRING.hasPointers()).isTrue();
    assertThatThrownBy(() -> GoType.basic("int128"))
        .hasMessageContaining("unknown Go type 'int128'").hasMessageContaining("float64");
  }
}
