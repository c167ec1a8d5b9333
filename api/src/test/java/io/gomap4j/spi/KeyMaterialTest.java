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
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("aeskeysched must be 256 hex digits (a 128-byte aeskeysched, any platform) or"
            + " 128 hex digits (64 bytes, 32-bit platforms only), got 2 characters");
    assertThatThrownBy(() -> KeyMaterial.fromHex(SCHED_64.substring(1), "1,2,3,4"))
        .hasMessageEndingWith("got 255 characters");
    assertThatThrownBy(() -> KeyMaterial.fromHex(SCHED_64.substring(2) + "+f", "1,2,3,4"))
        .hasMessageEndingWith("got a non-hex character at position 255");
    assertThatThrownBy(() -> KeyMaterial.fromHex(SCHED_64, "1,2,3"))
        .hasMessage("hashkey must be 4 hex words separated by commas, got 3 words");
    assertThatThrownBy(() -> KeyMaterial.fromHex(SCHED_64, "1"))
        .hasMessage("hashkey must be 4 hex words separated by commas, got 1 word");
    assertThatThrownBy(() -> KeyMaterial.fromHex("f", "1,2,3,4"))
        .hasMessageEndingWith("got 1 character");
    assertThatThrownBy(() -> KeyMaterial.fromHex(SCHED_64, "1,2,3,xyz"))
        .hasMessage("hashkey word 3 must be 1 to 16 hex digits, got a non-hex character at"
            + " position 1");
    assertThatThrownBy(() -> KeyMaterial.fromHex(SCHED_64, "1,2,3,+ff"))
        .hasMessageContaining("hashkey word 3 must be 1 to 16 hex digits, got a non-hex");
    assertThatThrownBy(() -> KeyMaterial.fromHex(SCHED_64, "1,2,3,11112222333344445"))
        .hasMessage("hashkey word 3 must be 1 to 16 hex digits, got 17 characters");
    assertThatThrownBy(() -> KeyMaterial.of(new long[3], new byte[128]))
        .hasMessageContaining("4 words");
  }

  @Test
  @DisplayName("Messages about bad key material never repeat its digits: it is a secret")
  void badInputIsNotEchoed() {
    byte[] bytes = new byte[128];
    new Random(3).nextBytes(bytes);
    String sched = java.util.HexFormat.of().formatHex(bytes);
    String words = "4d65822107fcfd53,78629a0f5f3f164f,d5104dc76695721d";
    String[][] cases = {
      {sched.substring(0, 200) + "zz" + sched.substring(202), "1,2,3,4"},
      {sched + "ab", "1,2,3,4"},
      {sched.substring(2), "1,2,3,4"},
      {sched, words},
      {sched, words + ",xyz"},
      {sched, words + ",4d65822107fcfd53a"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> KeyMaterial.fromHex(c[0], c[1]))
          .isInstanceOf(IllegalArgumentException.class)
          .message().doesNotContain(sched.substring(100, 110)).doesNotContain("4d65822107")
          .doesNotContain("78629a0f5f");
    }
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
