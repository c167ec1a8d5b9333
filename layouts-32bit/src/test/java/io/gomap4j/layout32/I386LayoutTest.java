package io.gomap4j.layout32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.GoType;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.spi.TypeLayout;
import java.nio.ByteOrder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link I386Layout}'s platform facts, the spec's worked examples and its argument checks. */
final class I386LayoutTest {

  private final PlatformLayout layout = new I386Layout();

  @Test
  @DisplayName("The layout is named 386 and reports SPI version 1")
  void nameAndSpiVersion() {
    assertThat(layout.name()).isEqualTo("386");
    assertThat(layout.spiVersion()).isEqualTo(PlatformLayout.SPI_VERSION);
  }

  @Test
  @DisplayName("386 is 32-bit little-endian with 4-byte pointers and registers")
  void platform() {
    Platform p = layout.platform();
    assertThat(p).isEqualTo(new Platform("386", 4, 4, ByteOrder.LITTLE_ENDIAN));
    assertThat(p.goarch()).isEqualTo("386");
    assertThat(p.ptrSize()).isEqualTo(4);
    assertThat(p.regSize()).isEqualTo(4);
    assertThat(p.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    assertThat(p.bits()).isEqualTo(32);
    assertThat(p.bigEndian()).isFalse();
  }

  @ParameterizedTest(name = "{0} is 8 bytes aligned to 4")
  @CsvSource({"int64", "uint64", "float64"})
  @DisplayName("8-byte integers and float64 align to the 4-byte register size on 386")
  void eightByteScalarsAlignToFour(String type) {
    assertThat(layout.typeLayout(GoType.basic(type))).isEqualTo(new TypeLayout(8, 4));
  }

  // go-map-spec 2.5, first table: the 386 rows whose types are scalars or strings.
  @ParameterizedTest(name = "map[{0}]{1}: keys @{4}, elems @{5}, overflow @{6}, bucket {7} bytes")
  @CsvSource({
    "int64,  int64,  8, 8, 8, 72, 136, 140",
    "int32,  int8,   4, 1, 8, 40,  48,  52",
    "string, int,    8, 4, 8, 72, 104, 108",
    "int64,  string, 8, 8, 8, 72, 136, 140",
  })
  @DisplayName("The spec's worked 386 examples have the slot sizes, offsets and bucket size Go "
      + "measured")
  void specWorkedExamples(
      String key, String elem, int keySlot, int elemSlot, int keysOff, int elemsOff,
      int overflowOff, int bucketSize) {
    BucketLayout b = layout.bucketLayout(GoType.basic(key), GoType.basic(elem));
    assertThat(b.keySlotSize()).as("keysize").isEqualTo(keySlot);
    assertThat(b.elemSlotSize()).as("elemsize").isEqualTo(elemSlot);
    assertThat(b.keysOffset()).as("keys @").isEqualTo(keysOff);
    assertThat(b.elemsOffset()).as("elems @").isEqualTo(elemsOff);
    assertThat(b.overflowOffset()).as("overflow @").isEqualTo(overflowOff);
    assertThat(b.bucketSize()).as("bucketsize").isEqualTo(bucketSize);
    assertThat(b.indirectKey()).as("indirectkey").isFalse();
    assertThat(b.indirectElem()).as("indirectelem").isFalse();
  }

  // go-map-spec 2.5, "more measured examples" with scalar types only. map[int8]struct{} (20) needs
  // struct types, which GoType does not model yet.
  @ParameterizedTest(name = "map[{0}]{1} has a {2}-byte bucket")
  @CsvSource({
    "int64,   int8, 84",
    "float64, int,  108",
  })
  @DisplayName("The spec's further measured 386 bucket sizes are reproduced")
  void specMeasuredBucketSizes(String key, String elem, int bucketSize) {
    assertThat(layout.bucketLayout(GoType.basic(key), GoType.basic(elem)).bucketSize())
        .isEqualTo(bucketSize);
  }

  @Test
  @DisplayName("bucketLayout refuses a null key or elem with a message naming it")
  void bucketLayoutRefusesNull() {
    assertThatThrownBy(() -> layout.bucketLayout(null, GoType.INT64))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("key");
    assertThatThrownBy(() -> layout.bucketLayout(GoType.INT64, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("elem");
  }

  @Test
  @DisplayName("typeLayout refuses a null type with a message")
  void typeLayoutRefusesNull() {
    assertThatThrownBy(() -> layout.typeLayout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("type");
  }
}
