package io.gomap4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gomap4j.api.GoType;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
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
  @DisplayName("invalidKeyType explains a key that is not comparable only: a null argument is a"
      + " NullPointerException naming it, a comparable key an IllegalArgumentException naming it")
  void invalidKeyTypeArguments() {
    GoType slice = GoType.sliceOf(GoType.INT);
    assertThatThrownBy(() -> GcPlatformLayout.invalidKeyType(null, GoType.INT))
        .isInstanceOf(NullPointerException.class).hasMessage("key is null");
    assertThatThrownBy(() -> GcPlatformLayout.invalidKeyType(slice, null))
        .isInstanceOf(NullPointerException.class).hasMessage("elem is null");
    GoType comparable = GoType.parse("[2]string");
    assertThatThrownBy(() -> GcPlatformLayout.invalidKeyType(comparable, GoType.INT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("key type [2]string is comparable");
    assertThat(GcPlatformLayout.invalidKeyType(slice, GoType.INT))
        .startsWith("invalid map key type []int: ");
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
        "struct{_ int; a bool}", "*func()", "chan []int", "struct{error}"}) {
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

  /** A layout of {@code ptr}-byte pointers that counts its typeLayout calls by type identity. */
  private static GcPlatformLayout counting(int ptr, Map<GoType, Integer> calls) {
    return new GcPlatformLayout(new Platform("test", ptr, ptr, ByteOrder.LITTLE_ENDIAN)) {
      @Override
      public TypeLayout typeLayout(GoType type) {
        calls.merge(type, 1, Integer::sum);
        return super.typeLayout(type);
      }

      @Override
      public int spiVersion() {
        return SPI_VERSION;
      }
    };
  }

  /** {@code struct{a T; b T}} made {@code levels - 1} times around {@code base}. */
  private static GoType doubled(GoType base, int levels) {
    GoType t = base;
    for (int i = 1; i < levels; i++) {
      t = GoType.structOf(new GoType.Field("a", t), new GoType.Field("b", t));
    }
    return t;
  }

  @Test
  @DisplayName("In one typeLayout call each part is laid out once, through typeLayout, however"
      + " often the type uses it; a call that is refused leaves the next call the same")
  void sharedPartsAreLaidOutOncePerCall() {
    Map<GoType, Integer> calls = new IdentityHashMap<>();
    GcPlatformLayout layout = counting(4, calls);
    GoType t = doubled(GoType.INT16, 12);
    TypeLayout laidOut = layout.typeLayout(t);
    assertThat(laidOut.size()).isEqualTo(2L << 11); // int16's 2 bytes, doubled 11 times
    assertThat(laidOut.align()).isEqualTo(2);
    assertThat(calls).hasSize(12).containsValue(1).doesNotContainValue(2);

    GoType tooLong = GoType.structOf(new GoType.Field("a", t),
        new GoType.Field("b", GoType.arrayOf(1L << 31, t)));
    assertThatThrownBy(() -> layout.typeLayout(tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("array length 2147483648 of type [2147483648]struct{");
    calls.clear();
    assertThat(layout.typeLayout(t)).isEqualTo(laidOut);
    assertThat(calls).hasSize(12).doesNotContainValue(2);
  }

  @Test
  @DisplayName("A struct that uses one part twice at every level up to MAX_NESTING is laid out")
  void typesDoubledToTheLimitAreLaidOut() {
    // Only a safety net: typeLayout laid out each of the 2^99 or 2^39 paths of these types.
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      GoType empty = doubled(GoType.EMPTY_STRUCT, GoType.MAX_NESTING);
      assertThat(layout(8, 8).typeLayout(empty)).isEqualTo(new TypeLayout(0, 1));
      GoType bytes = doubled(GoType.INT8, 41); // 2^40 bytes, below Go's 2^50
      assertThat(layout(8, 8).typeLayout(bytes)).isEqualTo(new TypeLayout(1L << 40, 1));
    });
  }

  @Test
  @DisplayName("A refusal names a type whose spelling doubles at every level by its abbreviated"
      + " spelling, without spelling it whole")
  void refusalsAbbreviateTheType() {
    GoType maps = GoType.INT;
    for (int level = 2; level <= GoType.MAX_NESTING; level++) {
      maps = GoType.mapOf(maps, maps);
    }
    GoType key = maps;
    GoType empty = doubled(GoType.EMPTY_STRUCT, GoType.MAX_NESTING - 1);
    // 2^31 and 2^50 bytes: field b ends past what Go allows on a 32-bit and a 64-bit target
    GoType bytes32 = doubled(GoType.INT8, 32);
    GoType bytes50 = doubled(GoType.INT8, 51);
    GoType longArray = GoType.arrayOf(1L << 31, empty);
    GoType wideArray = GoType.arrayOf(1L << 40, doubled(GoType.INT8, 12));
    // Only a safety net: each message spelled 2^30 or more characters.
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      assertThat(GcPlatformLayout.invalidKeyType(key, key)).isEqualTo("invalid map key type "
          + key.abbreviated() + ": Go's compiler refuses map[" + key.abbreviated() + "]"
          + key.abbreviated() + "; " + GcPlatformLayout.KEY_RULE);
      assertThatThrownBy(() -> layout(8, 8).bucketLayout(key, GoType.INT))
          .hasMessage(GcPlatformLayout.invalidKeyType(key, GoType.INT));
      assertThatThrownBy(() -> layout(4, 4).typeLayout(longArray))
          .hasMessageStartingWith("array length 2147483648 of type " + longArray.abbreviated()
              + " does not fit in test's int");
      assertThatThrownBy(() -> layout(8, 8).typeLayout(wideArray))
          .hasMessageStartingWith("type " + wideArray.abbreviated() + " is larger than the"
              + " address space of test");
      GoType.Field half32 = ((GoType.Struct) bytes32).fields().get(1);
      assertThatThrownBy(() -> layout(4, 4).typeLayout(bytes32))
          .hasMessageStartingWith("type " + bytes32.abbreviated() + " is too large for test:"
              + " field " + half32.abbreviated() + " ends at byte");
      assertThatThrownBy(() -> layout(8, 8).typeLayout(bytes50))
          .hasMessageStartingWith("type " + bytes50.abbreviated() + " is too large for test:"
              + " field " + ((GoType.Struct) bytes50).fields().get(1).abbreviated());
    });
    assertThat(key.abbreviated()).contains("...").hasSizeLessThan(61);
  }
}
