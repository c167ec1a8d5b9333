package io.gomap4j.hash;

import static io.gomap4j.hash.AesRound.encHi;
import static io.gomap4j.hash.AesRound.encLo;
import static io.gomap4j.hash.AesRound.scramble3Lo;
import static java.util.Objects.requireNonNull;

import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.Platform;
import java.util.Objects;

/**
 * Go 1.19's AES hash on amd64 ({@code runtime/asm_amd64.s}: {@code aeshashbody}, {@code memhash32},
 * {@code memhash64}) with the 64-bit float hashes of {@code runtime/alg.go}.
 *
 * <p>Notation as in {@link AesRound}: a 16-byte register is two little-endian longs, E(s, k) is one
 * {@code AESENC} and S(x) = E(x, x). Ks[i] is bytes {@code 16i .. 16i+16} of the 128-byte
 * {@code aeskeysched}. The seed block I is the 64-bit seed followed by the low 16 bits of the
 * length repeated four times, and Xj = S(I ^ Ks[j]). Each result is bytes 0-7 of the final state.
 *
 * <p>Go processes the 8 lanes of the long-input paths side by side; the lanes only meet in the
 * final XOR, so here they run one after another, which gives the same bits.
 */
final class Aeshash64Hasher implements Hasher {

  /** {@code PSHUFHW $0}: the 16-bit length in each of the four 16-bit slots of the high half. */
  private static final long LENGTH_SPREAD = 0x0001000100010001L;

  private final Platform platform;

  /** Ks[0..7], bytes 0-7 and 8-15 of each, little-endian. */
  private final long[] kLo = new long[8];

  private final long[] kHi = new long[8];

  /** Ks[0..2] again, as fields, for the typed paths' three keyed rounds. */
  private final long k0Lo;

  private final long k0Hi;
  private final long k1Lo;
  private final long k1Hi;
  private final long k2Lo;
  private final long k2Hi;

  /** @param aeskeysched at least 128 bytes; only the first 128 are read */
  Aeshash64Hasher(Platform platform, byte[] aeskeysched) {
    this.platform = platform;
    for (int i = 0; i < 8; i++) {
      kLo[i] = Words.r8(false, aeskeysched, 16 * i);
      kHi[i] = Words.r8(false, aeskeysched, 16 * i + 8);
    }
    k0Lo = kLo[0];
    k0Hi = kHi[0];
    k1Lo = kLo[1];
    k1Hi = kHi[1];
    k2Lo = kLo[2];
    k2Hi = kHi[2];
  }

  @Override
  public int bits() {
    return 64;
  }

  @Override
  public long memhash(byte[] data, int offset, int length, long seed) {
    requireNonNull(data, "data is null");
    Objects.checkFromIndexSize(offset, length, data.length);
    long iHi = (length & 0xffff) * LENGTH_SPREAD;
    if (length == 0) {
      long a = seed ^ k0Lo;
      long b = iHi ^ k0Hi;
      long xLo = encLo(a, b, a);
      long xHi = encHi(a, b, b);
      return encLo(xLo, xHi, xLo);
    }
    if (length <= 16) {
      long dLo;
      long dHi;
      if (length >= 8) {
        dLo = Words.r8(false, data, offset);
        dHi = AesRound.partial(data, offset + 8, length - 8);
      } else {
        dLo = AesRound.partial(data, offset, length);
        dHi = 0;
      }
      return upTo16(dLo, dHi, iHi, seed);
    }
    int end = offset + length;
    if (length <= 32) {
      return lane(data, offset, 0, seed, iHi) ^ lane(data, end - 16, 1, seed, iHi);
    }
    if (length <= 64) {
      return lane(data, offset, 0, seed, iHi)
          ^ lane(data, offset + 16, 1, seed, iHi)
          ^ lane(data, end - 32, 2, seed, iHi)
          ^ lane(data, end - 16, 3, seed, iHi);
    }
    long acc = 0;
    if (length <= 128) {
      for (int j = 0; j < 4; j++) {
        acc ^= lane(data, offset + 16 * j, j, seed, iHi);
        acc ^= lane(data, end - 64 + 16 * j, j + 4, seed, iHi);
      }
      return acc;
    }
    // aes129plus: each lane starts from the last 128 bytes, then absorbs m 128-byte blocks from the
    // start, one S and one E (data block as the round key) per block, then three S.
    int m = (length - 1) >>> 7;
    for (int j = 0; j < 8; j++) {
      long a = seed ^ kLo[j];
      long b = iHi ^ kHi[j];
      int at = end - 128 + 16 * j;
      long lo = Words.r8(false, data, at) ^ encLo(a, b, a);
      long hi = Words.r8(false, data, at + 8) ^ encHi(a, b, b);
      at = offset + 16 * j;
      for (int block = 0; block < m; block++, at += 128) {
        long l = encLo(lo, hi, lo);
        long h = encHi(lo, hi, hi);
        lo = encLo(l, h, Words.r8(false, data, at));
        hi = encHi(l, h, Words.r8(false, data, at + 8));
      }
      acc ^= scramble3Lo(lo, hi);
    }
    return acc;
  }

  /** {@code memhash32}: the state is seed (8 bytes) ‖ value (4 bytes) ‖ 4 zero bytes. */
  @Override
  public long memhash32(int value, long seed) {
    return keyed3(seed, value & 0xffffffffL);
  }

  /**
   * {@code memhash64}: the state is seed ‖ value, with three rounds keyed by Ks[0..2] and no length
   * or self-scramble, so it differs from {@code memhash(p, h, 8)}.
   */
  @Override
  public long memhash64(long value, long seed) {
    return keyed3(seed, value);
  }

  @Override
  public long strhash(byte[] utf8, long seed) {
    requireNonNull(utf8, "utf8 is null");
    return memhash(utf8, 0, utf8.length, seed);
  }

  /** {@code f32hash}; for other values {@code memhash(p, h, 4)}, the AES path for 4 bytes. */
  @Override
  public long f32hash(float value, long seed) {
    if (GoFloatHash.special(value)) {
      return GoFloatHash.special64(seed, value != value);
    }
    return upTo16(Float.floatToRawIntBits(value) & 0xffffffffL, 0, 4 * LENGTH_SPREAD, seed);
  }

  /** {@code f64hash}; for other values {@code memhash(p, h, 8)}, which is not memhash64 here. */
  @Override
  public long f64hash(double value, long seed) {
    if (GoFloatHash.special(value)) {
      return GoFloatHash.special64(seed, value != value);
    }
    return upTo16(Double.doubleToRawLongBits(value), 0, 8 * LENGTH_SPREAD, seed);
  }

  @Override
  public String toString() {
    return AeshashGo119Provider.NAME + " hasher for " + platform;
  }

  /** {@code lo64(E(E(E(s, Ks[0]), Ks[1]), Ks[2]))} for the state {@code lo ‖ hi}. */
  private long keyed3(long lo, long hi) {
    long l = encLo(lo, hi, k0Lo);
    long h = encHi(lo, hi, k0Hi);
    lo = encLo(l, h, k1Lo);
    hi = encHi(l, h, k1Hi);
    return encLo(lo, hi, k2Lo);
  }

  /** 1 to 16 bytes, zero-padded to {@code dLo ‖ dHi}: {@code lo64(S³(D ^ X0))}. */
  private long upTo16(long dLo, long dHi, long iHi, long seed) {
    long a = seed ^ k0Lo;
    long b = iHi ^ k0Hi;
    return scramble3Lo(dLo ^ encLo(a, b, a), dHi ^ encHi(a, b, b));
  }

  /** One lane: {@code lo64(S³(L(at) ^ Xj))}. */
  private long lane(byte[] data, int at, int j, long seed, long iHi) {
    long a = seed ^ kLo[j];
    long b = iHi ^ kHi[j];
    return scramble3Lo(
        Words.r8(false, data, at) ^ encLo(a, b, a), Words.r8(false, data, at + 8) ^ encHi(a, b, b));
  }
}
