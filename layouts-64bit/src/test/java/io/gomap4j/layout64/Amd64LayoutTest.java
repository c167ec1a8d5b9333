package io.gomap4j.layout64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.api.GoType;
import io.gomap4j.spi.BucketLayout;
import io.gomap4j.spi.Platform;
import io.gomap4j.spi.PlatformLayout;
import java.nio.ByteOrder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Amd64Layout}'s platform facts, the spec's worked examples and its argument checks. */
final class Amd64LayoutTest {

  private final PlatformLayout layout = new Amd64Layout();

  @Test
  @DisplayName("The layout is named amd64 and reports SPI version 1")
  void nameAndSpiVersion() {
    assertThat(layout.name()).isEqualTo("amd64");
    assertThat(layout.spiVersion()).isEqualTo(PlatformLayout.SPI_VERSION);
  }

  @Test
  @DisplayName("amd64 is 64-bit little-endian with 8-byte pointers and registers")
  void platform() {
    Platform p = layout.platform();
    assertThat(p).isEqualTo(new Platform("amd64", 8, 8, ByteOrder.LITTLE_ENDIAN));
    assertThat(p.goarch()).isEqualTo("amd64");
    assertThat(p.ptrSize()).isEqualTo(8);
    assertThat(p.regSize()).isEqualTo(8);
    assertThat(p.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    assertThat(p.bits()).isEqualTo(64);
    assertThat(p.bigEndian()).isFalse();
  }

  // go-map-spec 2.5, first table: the amd64 rows whose types are scalars or strings.
  @ParameterizedTest(name = "map[{0}]{1}: keys @{4}, elems @{5}, overflow @{6}, bucket {7} bytes")
  @CsvSource({
    "int64,  int64,  8,  8, 8,  72, 136, 144",
    "int32,  int8,   4,  1, 8,  40,  48,  56",
    "string, int,    16, 8, 8, 136, 200, 208",
    "int64,  string, 8, 16, 8,  72, 200, 208",
  })
  @DisplayName("The spec's worked amd64 examples have the slot sizes, offsets and bucket size Go "
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

  // go-map-spec 2.5, "more measured examples" with scalar types only. map[int8]struct{} (24) needs
  // struct types, which GoType does not model yet.
  @ParameterizedTest(name = "map[{0}]{1} has a {2}-byte bucket")
  @CsvSource({
    "int64,   int8, 88",
    "float64, int,  144",
  })
  @DisplayName("The spec's further measured amd64 bucket sizes are reproduced")
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
