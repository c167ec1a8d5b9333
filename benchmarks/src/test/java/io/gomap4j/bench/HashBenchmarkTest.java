package io.gomap4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.spi.KeyMaterial;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The benchmarks measure what they claim, on inputs that change from call to call. */
class HashBenchmarkTest {

  /** The default hashes that are on this class path (aeshash-go119 may not be yet). */
  static Stream<String> availableHashes() {
    List<String> names = new ArrayList<>();
    for (String name : HashUnderTest.DEFAULT_NAMES) {
      if (name.startsWith("hash4j-") || Plugins.discovered().contains(PluginKind.HASH, name)) {
        names.add(name);
      }
    }
    return names.stream();
  }

  /**
   * The hashes whose 8-byte value hash is their byte hash of the value's little-endian bytes. Not
   * aeshash-go119: Go's AES {@code memhash64} is its own instruction sequence, not {@code aeshash}
   * over 8 bytes, and the two give different hashes.
   */
  static Stream<String> hashesWithInt64EqualToBytes() {
    return Stream.of("memhash-go119", "hash4j-wyhash", "hash4j-komihash");
  }

  @ParameterizedTest
  @MethodSource("availableHashes")
  @DisplayName("bytes hashes a different input on each call, for every length")
  void bytesVariesItsInput(String hash) {
    for (int length : new int[] {8, 16, 64, 1024}) {
      HashBenchmark b = new HashBenchmark();
      b.hash = hash;
      b.length = length;
      b.setUp();
      Cursor cursor = new Cursor();
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < Cursor.INPUTS; i++) {
        seen.add(b.bytes(cursor));
      }
      assertThat(seen).as("%s at length %d", hash, length).hasSize(Cursor.INPUTS);
    }
  }

  @ParameterizedTest
  @MethodSource("availableHashes")
  @DisplayName("int64 hashes a different value on each call")
  void int64VariesItsInput(String hash) {
    Int64HashBenchmark b = new Int64HashBenchmark();
    b.hash = hash;
    b.setUp();
    Cursor cursor = new Cursor();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < Cursor.INPUTS; i++) {
      seen.add(b.int64(cursor));
    }
    assertThat(seen).hasSize(Cursor.INPUTS);
  }

  @ParameterizedTest
  @MethodSource("hashesWithInt64EqualToBytes")
  @DisplayName("int64 of a value equals bytes of its 8 little-endian bytes, as on amd64")
  void int64AgreesWithBytes(String hash) {
    HashUnderTest f = HashUnderTest.create(hash);
    Random random = new Random(7);
    for (int i = 0; i < 100; i++) {
      long v = random.nextLong();
      byte[] b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
      assertThat(f.int64(v)).as("%s of %x", hash, v).isEqualTo(f.bytes(b));
    }
  }

  @Test
  @DisplayName("a Go hash is the provider's hasher on amd64 with key material from Random(1)")
  void goHashUsesFixedKeyMaterial() {
    Random random = new Random(1);
    KeyMaterial km = KeyMaterial.random(random);
    long seed = random.nextInt() & 0xffff_ffffL;
    byte[] data = "gomap4j".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long expected = Plugins.discovered().hash("memhash-go119")
        .create(HashUnderTest.AMD64, km).memhash(data, 0, data.length, seed);
    assertThat(HashUnderTest.create("memhash-go119").bytes(data)).isEqualTo(expected);
  }

  @Test
  @DisplayName("a hash that is not on the class path fails setup, naming it and how to leave it out")
  void missingHashFailsClearly() {
    HashBenchmark b = new HashBenchmark();
    b.hash = "no-such-hash";
    b.length = 8;
    assertThatThrownBy(b::setUp)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'no-such-hash' is not available")
        .hasMessageContaining("memhash-go119")
        .hasMessageContaining("-p hash=");
  }
}
