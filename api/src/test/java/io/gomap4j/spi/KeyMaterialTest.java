package io.gomap4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

  private static final String SCHED_64 = "ab".repeat(128);
  private static final String SCHED_32 = "cd".repeat(64);

  @Test
  @DisplayName("Hex key material round-trips in the form Go's vectors print it")
  void hexRoundTrip() {
    KeyMaterial km = KeyMaterial.fromHex(SCHED_64, "4d65822107fcfd53,1,ff,b80704bb7b4d7c03");
    assertThat(km.aeskeyschedHex()).isEqualTo(SCHED_64);
    assertThat(km.hashkeyHex()).isEqualTo("4d65822107fcfd53,1,ff,b80704bb7b4d7c03");
    assertThat(km.hashkey(3)).isEqualTo(0xb80704bb7b4d7c03L);
    assertThat(km).isEqualTo(KeyMaterial.fromHex(SCHED_64, "4d65822107fcfd53,1,ff,b80704bb7b4d7c03"));
  }

  @Test
  @DisplayName("A 128-byte schedule serves both word sizes, a 64-byte one 32-bit platforms only")
  void fitsWordSize() {
    assertThat(KeyMaterial.fromHex(SCHED_64, "1,2,3,4").fits(64)).isTrue();
    assertThat(KeyMaterial.fromHex(SCHED_32, "1,2,3,4").fits(32)).isTrue();
    assertThat(KeyMaterial.fromHex(SCHED_32, "1,2,3,4").fits(64)).isFalse();
  }

  @Test
  @DisplayName("Bad hex, a wrong schedule length or a wrong word count is refused with what is expected")
  void badInput() {
    assertThatThrownBy(() -> KeyMaterial.fromHex("zz", "1,2,3,4"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not hex")
        .hasMessageContaining("256 or 128 hex digits");
    assertThatThrownBy(() -> KeyMaterial.fromHex("abcd", "1,2,3,4"))
        .hasMessageContaining("128 bytes (64-bit platforms) or 64 bytes").hasMessageContaining("got 2");
    assertThatThrownBy(() -> KeyMaterial.fromHex(SCHED_64, "1,2,3"))
        .hasMessageContaining("4 hex words").hasMessageContaining("got 3");
    assertThatThrownBy(() -> KeyMaterial.fromHex(SCHED_64, "1,2,3,xyz"))
        .hasMessageContaining("hashkey word 3 is not hex: 'xyz'");
    assertThatThrownBy(() -> KeyMaterial.fromHex(SCHED_64, "1,2,3,11112222333344445"))
        .hasMessageContaining("1 to 16 hex digits");
    assertThatThrownBy(() -> KeyMaterial.of(new long[3], new byte[128]))
        .hasMessageContaining("4 words");
  }

  @Test
  @DisplayName("Random key material sets the low bit of every hashkey word, as Go's alginit does")
  void randomSetsLowBit() {
    KeyMaterial km = KeyMaterial.random(new Random(1));
    for (int i = 0; i < 4; i++) {
      assertThat(km.hashkey(i) & 1).isEqualTo(1);
    }
    assertThat(km.aeskeyschedLength()).isEqualTo(128);
    assertThat(KeyMaterial.processDefault()).isSameAs(KeyMaterial.processDefault());
  }

  @Test
  @DisplayName("Key material never prints its secret")
  void toStringHidesSecret() {
    KeyMaterial km = KeyMaterial.fromHex(SCHED_64, "4d65822107fcfd53,1,2,3");
    assertThat(km.toString()).doesNotContain("abab").doesNotContain("4d65822107fcfd53");
  }

  @Test
  @DisplayName("Copies are returned, so the key material cannot be changed from outside")
  void immutable() {
    KeyMaterial km = KeyMaterial.fromHex(SCHED_64, "1,2,3,4");
    km.aeskeysched()[0] = 0;
    km.hashkeys()[0] = 99;
    assertThat(km.aeskeyschedHex()).isEqualTo(SCHED_64);
    assertThat(km.hashkey(0)).isEqualTo(1);
  }
}
