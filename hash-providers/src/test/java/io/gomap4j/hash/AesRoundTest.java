package io.gomap4j.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The table-driven AESENC round, checked independently of Go's vectors: against FIPS-197's AES-128
 * example (nine AESENC rounds and a final round give the published ciphertext) and against a
 * byte-by-byte model written from the definition.
 */
@DisplayName("The software AESENC round is the AES round")
class AesRoundTest {

  private static final HexFormat HEX = HexFormat.of();

  /** FIPS-197 Appendix C.1: AES-128 of 00112233..eeff under the key 000102..0f. */
  @Test
  @DisplayName("Nine AESENC rounds and a final round encrypt FIPS-197's AES-128 example")
  void fips197Aes128() {
    byte[][] roundKeys = expandKey128(HEX.parseHex("000102030405060708090a0b0c0d0e0f"));
    byte[] state = HEX.parseHex("00112233445566778899aabbccddeeff");
    xorInto(state, roundKeys[0]);
    for (int round = 1; round <= 9; round++) {
      state = aesenc(state, roundKeys[round]);
      if (round == 1) {
        // FIPS-197 C.1, round[2].start: the state after the first full round.
        assertThat(HEX.formatHex(state)).isEqualTo("89d810e8855ace682d1843d8cb128fe4");
      }
    }
    byte[] out = new byte[16];
    for (int i = 0; i < 16; i++) {
      out[i] = (byte) AesRound.sbox(state[shiftRowsSource(i)] & 0xff);
    }
    xorInto(out, roundKeys[10]);
    assertThat(HEX.formatHex(out)).isEqualTo("69c4e0d86a7b0430d8cdb78070b4c55a");
  }

  /** The key expansion itself is checked against FIPS-197 Appendix A.1's last round key. */
  @Test
  @DisplayName("The test's key expansion gives FIPS-197's round keys")
  void keyExpansion() {
    byte[][] rk = expandKey128(HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"));
    assertThat(HEX.formatHex(rk[1])).isEqualTo("a0fafe1788542cb123a339392a6c7605");
    assertThat(HEX.formatHex(rk[10])).isEqualTo("d014f9a8c9ee2589e13f0cc8b6630ca6");
  }

  /** A few S-box entries from FIPS-197 Figure 7. */
  @Test
  @DisplayName("The derived S-box has FIPS-197's entries")
  void sbox() {
    assertThat(AesRound.sbox(0x00)).isEqualTo(0x63);
    assertThat(AesRound.sbox(0x01)).isEqualTo(0x7c);
    assertThat(AesRound.sbox(0x53)).isEqualTo(0xed);
    assertThat(AesRound.sbox(0xff)).isEqualTo(0x16);
  }

  /**
   * On random states and keys, the table-driven round equals the definition: ShiftRows with
   * {@code out[r+4c] = in[r+4((c+r) mod 4)]}, SubBytes, MixColumns by [[2,3,1,1],[1,2,3,1],
   * [1,1,2,3],[3,1,1,2]], then the round key.
   */
  @Test
  @DisplayName("On random inputs the table-driven round equals a byte-by-byte model")
  void matchesByteModel() {
    Random rnd = new Random(99);
    for (int i = 0; i < 10_000; i++) {
      byte[] s = new byte[16];
      byte[] k = new byte[16];
      rnd.nextBytes(s);
      rnd.nextBytes(k);
      byte[] expected = referenceAesenc(s, k);
      byte[] actual = aesenc(s, k);
      assertThat(HEX.formatHex(actual)).as("state %s key %s", HEX.formatHex(s), HEX.formatHex(k))
          .isEqualTo(HEX.formatHex(expected));
      long lo = le64(s, 0);
      long hi = le64(s, 8);
      assertThat(AesRound.enc32(lo, hi, (int) le64(k, 0)))
          .isEqualTo((int) AesRound.encLo(lo, hi, le64(k, 0)));
    }
  }

  /** AESENC through {@link AesRound}: the state and key as two little-endian longs each. */
  private static byte[] aesenc(byte[] s, byte[] k) {
    long lo = le64(s, 0);
    long hi = le64(s, 8);
    long outLo = AesRound.encLo(lo, hi, le64(k, 0));
    long outHi = AesRound.encHi(lo, hi, le64(k, 8));
    return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(outLo).putLong(outHi)
        .array();
  }

  private static byte[] referenceAesenc(byte[] in, byte[] k) {
    byte[] t = new byte[16];
    for (int i = 0; i < 16; i++) {
      t[i] = (byte) AesRound.sbox(in[shiftRowsSource(i)] & 0xff);
    }
    byte[] out = new byte[16];
    int[][] m = {{2, 3, 1, 1}, {1, 2, 3, 1}, {1, 1, 2, 3}, {3, 1, 1, 2}};
    for (int c = 0; c < 4; c++) {
      for (int r = 0; r < 4; r++) {
        int v = 0;
        for (int j = 0; j < 4; j++) {
          v ^= AesRound.gmul(m[r][j], t[j + 4 * c] & 0xff);
        }
        out[r + 4 * c] = (byte) (v ^ k[r + 4 * c]);
      }
    }
    return out;
  }

  /** ShiftRows: output byte {@code r + 4c} comes from input byte {@code r + 4((c + r) mod 4)}. */
  private static int shiftRowsSource(int i) {
    int r = i % 4;
    int c = i / 4;
    return r + 4 * ((c + r) % 4);
  }

  /** FIPS-197 section 5.2, AES-128: 11 round keys of 16 bytes. */
  private static byte[][] expandKey128(byte[] key) {
    int[] rcon = {0x00, 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1b, 0x36};
    byte[] w = new byte[176];
    System.arraycopy(key, 0, w, 0, 16);
    for (int i = 16; i < 176; i += 4) {
      int[] t = {w[i - 4] & 0xff, w[i - 3] & 0xff, w[i - 2] & 0xff, w[i - 1] & 0xff};
      if (i % 16 == 0) {
        t = new int[] {
          AesRound.sbox(t[1]) ^ rcon[i / 16], AesRound.sbox(t[2]), AesRound.sbox(t[3]),
          AesRound.sbox(t[0])
        };
      }
      for (int j = 0; j < 4; j++) {
        w[i + j] = (byte) (w[i - 16 + j] ^ t[j]);
      }
    }
    byte[][] out = new byte[11][16];
    for (int r = 0; r < 11; r++) {
      System.arraycopy(w, 16 * r, out[r], 0, 16);
    }
    return out;
  }

  private static void xorInto(byte[] a, byte[] b) {
    for (int i = 0; i < 16; i++) {
      a[i] ^= b[i];
    }
  }

  private static long le64(byte[] b, int off) {
    return ByteBuffer.wrap(b, off, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }
}
