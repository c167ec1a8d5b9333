package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.BytesGoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.GoMaps;
import io.gomap4j.spi.KeyMaterial;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * With the real {@code memhash-go119} on amd64, a {@link BytesGoMap} keyed by {@code int64} (8
 * little-endian bytes) hashes its keys as {@link LongLongGoMap} does ({@code memhash64}): with the
 * same seed and key material, both maps iterate the same keys in the same order.
 */
class BytesGoMapHashTest {

  private static final KeyMaterial KEYS = KeyMaterial.fromHex("00".repeat(128),
      "243f6a8885a308d3,13198a2e03707345,a4093822299f31d1,082efa98ec4e6c89");

  private static GoMaps.Builder builder(GoType key) {
    return GoMaps.builder().hash("memhash-go119").layout("amd64").growth("go119").seed(42)
        .keyMaterial(KEYS).keyType(key).elemType(GoType.INT64);
  }

  private static byte[] le(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
  }

  @Test
  @DisplayName("map[int64]int64 as BytesGoMap iterates like LongLongGoMap on amd64")
  void sameHashSameOrder() {
    LongLongGoMap longs = builder(GoType.INT64).buildLongLong();
    BytesGoMap bytes = builder(GoType.INT64).buildBytes();
    BytesGoMap array = builder(GoType.parse("[8]byte")).buildBytes();
    for (long k = 0; k < 500; k++) {
      long key = k * 0x9E3779B97F4A7C15L;
      longs.put(key, k);
      bytes.put(le(key), le(k));
      array.put(le(key), le(k));
    }
    List<Long> expected = new ArrayList<>();
    longs.forEach((k, v) -> expected.add(k));
    List<Long> fromBytes = new ArrayList<>();
    bytes.forEach((k, v) -> fromBytes.add(ByteBuffer.wrap(k).order(ByteOrder.LITTLE_ENDIAN)
        .getLong()));
    List<Long> fromArray = new ArrayList<>();
    array.forEach((k, v) -> fromArray.add(ByteBuffer.wrap(k).order(ByteOrder.LITTLE_ENDIAN)
        .getLong()));
    assertThat(expected).hasSize(500);
    assertThat(fromBytes).isEqualTo(expected);
    assertThat(fromArray).as("[8]byte is AMEM64 too").isEqualTo(expected);
    assertThat(bytes.stats()).isEqualTo(longs.stats());
  }
}
