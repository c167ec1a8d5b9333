package io.gomap4j.hash;

import static io.gomap4j.hash.AesRound.col;
import static io.gomap4j.hash.AesRound.enc32;
import static io.gomap4j.hash.AesRound.encHi;
import static io.gomap4j.hash.AesRound.encLo;
import static io.gomap4j.hash.AesRound.scramble3Lo32;
import static java.util.Objects.requireNonNull;

import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.Platform;
import java.util.Objects;

/**
 * Go 1.19's AES hash on 386 ({@code runtime/asm_386.s}: {@code aeshashbody}, {@code memhash32},
 * {@code memhash64}) with the 32-bit float hashes of {@code runtime/alg.go}.
 *
 * <p>Notation as in {@link Aeshash64Hasher}, with these differences: the seed is a 32-bit
 * {@code uintptr}, so I = seed32 ‖ 4 zero bytes ‖ the 16-bit length four times; {@code aeskeysched}
 * is 64 bytes (Ks[0..3]; a 128-byte schedule is read up to its 64th byte); each result is bytes 0-3
 * of the final state, in {@code [0, 2^32)}. Inputs of 65 bytes and more take a 4-lane loop of their
 * own, and the typed paths put seed and value in other places than on amd64.
 */
final class Aeshash32Hasher implements Hasher {

  private static final long MASK = 0xffffffffL;

  private final Platform platform;

  /**
   * Ks[0..3], bytes 0-7 and 8-15 of each, little-endian (with Ks[4..7] after them when the schedule
   * has 128 bytes, which this hasher does not read); shared, never written (RoundKeys).
   */
  private final long[] kLo;

  private final long[] kHi;

  /** Ks[0..2] again, as fields, for the typed paths' three keyed rounds. */
  private final long k0Lo;

  private final long k0Hi;
  private final long k1Lo;
  private final long k1Hi;
  private final int k2Lo32;

  /** By length 1-16, the last seed round of the 1-16 byte path; see {@link SeedBlock}. */
  private final SeedBlock[] blocks = new SeedBlock[17];

  /** By length, the last seed that missed {@link #blocks}; as in the 64-bit hasher. */
  private final long[] missed = new long[17];

  /** @param roundKeys the round keys of a 64- or 128-byte {@code aeskeysched}; Ks[0..3] are read */
  Aeshash32Hasher(Platform platform, RoundKeys roundKeys) {
    this.platform = platform;
    this.kLo = roundKeys.lo;
    this.kHi = roundKeys.hi;
    k0Lo = kLo[0];
    k0Hi = kHi[0];
    k1Lo = kLo[1];
    k1Hi = kHi[1];
    k2Lo32 = (int) kLo[2];
  }

  @Override
  public int bits() {
    return 32;
  }

  @Override
  public long memhash(byte[] data, int offset, int length, long seed) {
    requireNonNull(data, "data is null");
    Objects.checkFromIndexSize(offset, length, data.length);
    long iLo = seed & MASK;
    if (length > 16) {
      return above16(data, offset, length, iLo, SeedBlock.spread(length));
    }
    if (length == 0) {
      return empty(iLo);
    }
    long dLo;
    long dHi;
    if (length >= 8) {
      dLo = Words.r8(false, data, offset);
      dHi = AesRound.partial(data, offset + 8, length - 8);
    } else {
      dLo = AesRound.partial(data, offset, length);
      dHi = 0;
    }
    return upTo16(dLo, dHi, length, iLo);
  }

  /** No bytes: {@code lo32(S(S(I ^ Ks[0])))} with the length part of I zero. */
  private long empty(long iLo) {
    long a = iLo ^ k0Lo;
    long b = k0Hi;
    long xLo = encLo(a, b, a);
    long xHi = encHi(a, b, b);
    return enc32(xLo, xHi, (int) xLo) & MASK;
  }

  /**
   * 17 bytes and more, in a method of its own so that {@link #memhash} stays small enough to be
   * inlined where short keys are hashed.
   */
  private long above16(byte[] data, int offset, int length, long iLo, long iHi) {
    int end = offset + length;
    if (length <= 32) {
      return (lane(data, offset, 0, iLo, iHi) ^ lane(data, end - 16, 1, iLo, iHi)) & MASK;
    }
    if (length <= 64) {
      return (lane(data, offset, 0, iLo, iHi)
              ^ lane(data, offset + 16, 1, iLo, iHi)
              ^ lane(data, end - 32, 2, iLo, iHi)
              ^ lane(data, end - 16, 3, iLo, iHi))
          & MASK;
    }
    // aes65plus: lane j starts as E(L(end - 64 + 16j), Xj), Xj being the round key here; each of
    // the m 64-byte blocks from the start is absorbed by one E (data block as the round key) and
    // one S; then three S.
    int m = (length - 1) >>> 6;
    int acc = 0;
    for (int j = 0; j < 4; j++) {
      long a = iLo ^ kLo[j];
      long b = iHi ^ kHi[j];
      long xLo = encLo(a, b, a);
      long xHi = encHi(a, b, b);
      int at = end - 64 + 16 * j;
      long dLo = Words.r8(false, data, at);
      long dHi = Words.r8(false, data, at + 8);
      long lo = encLo(dLo, dHi, xLo);
      long hi = encHi(dLo, dHi, xHi);
      at = offset + 16 * j;
      for (int block = 0; block < m; block++, at += 64) {
        long l = encLo(lo, hi, Words.r8(false, data, at));
        long h = encHi(lo, hi, Words.r8(false, data, at + 8));
        lo = encLo(l, h, l);
        hi = encHi(l, h, h);
      }
      acc ^= scramble3Lo32(lo, hi);
    }
    return acc & MASK;
  }

  /** {@code memhash32}: the state is seed32 ‖ value32 ‖ 8 zero bytes. */
  @Override
  public long memhash32(int value, long seed) {
    return keyed3((seed & MASK) | (long) value << 32, 0);
  }

  /** {@code memhash64}: the state is value64 ‖ seed32 ‖ 4 zero bytes. */
  @Override
  public long memhash64(long value, long seed) {
    return keyed3(value, seed & MASK);
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
      return GoFloatHash.special32(seed, value != value);
    }
    return upTo16(Float.floatToRawIntBits(value) & MASK, 0, 4, seed & MASK);
  }

  /** {@code f64hash}; for other values {@code memhash(p, h, 8)}, which is not memhash64 here. */
  @Override
  public long f64hash(double value, long seed) {
    if (GoFloatHash.special(value)) {
      return GoFloatHash.special32(seed, value != value);
    }
    return upTo16(Double.doubleToRawLongBits(value), 0, 8, seed & MASK);
  }

  @Override
  public String toString() {
    return AeshashGo119Provider.NAME + " hasher for " + platform;
  }

  /** {@code lo32(E(E(E(s, Ks[0]), Ks[1]), Ks[2]))} for the state {@code lo ‖ hi}. */
  private long keyed3(long lo, long hi) {
    int a0 = (int) lo;
    int a1 = (int) (lo >>> 32);
    int a2 = (int) hi;
    int a3 = (int) (hi >>> 32);
    int y0 = col(a0, a1, a2, a3) ^ (int) k0Lo;
    int y1 = col(a1, a2, a3, a0) ^ (int) (k0Lo >>> 32);
    int y2 = col(a2, a3, a0, a1) ^ (int) k0Hi;
    int y3 = col(a3, a0, a1, a2) ^ (int) (k0Hi >>> 32);
    int z0 = col(y0, y1, y2, y3) ^ (int) k1Lo;
    int z1 = col(y1, y2, y3, y0) ^ (int) (k1Lo >>> 32);
    int z2 = col(y2, y3, y0, y1) ^ (int) k1Hi;
    int z3 = col(y3, y0, y1, y2) ^ (int) (k1Hi >>> 32);
    return (col(z0, z1, z2, z3) ^ k2Lo32) & MASK;
  }

  /** 1 to 16 bytes, zero-padded to {@code dLo ‖ dHi}: {@code lo32(S³(D ^ X0))}. */
  private long upTo16(long dLo, long dHi, int length, long iLo) {
    SeedBlock x = blocks[length];
    if (x == null || x.seed != iLo) {
      long iHi = SeedBlock.spread(length);
      if (missed[length] != iLo) {
        // A seed seen once, such as the running hash of a struct key's fields: no cache entry.
        missed[length] = iLo;
        long a = iLo ^ k0Lo;
        long b = iHi ^ k0Hi;
        return scramble3Lo32(dLo ^ encLo(a, b, a), dHi ^ encHi(a, b, b)) & MASK;
      }
      x = new SeedBlock(iLo, iHi, k0Lo, k0Hi);
      blocks[length] = x;
    }
    if (length <= 8) {
      return x.scrambleUpTo8Lo32(dLo) & MASK;
    }
    return scramble3Lo32(
            (int) dLo ^ x.x0, (int) (dLo >>> 32) ^ x.x1, (int) dHi ^ x.x2, (int) (dHi >>> 32) ^ x.x3)
        & MASK;
  }

  /** One lane: {@code lo32(S³(L(at) ^ Xj))}, as an int (to be masked by the caller). */
  private int lane(byte[] data, int at, int j, long iLo, long iHi) {
    long a = iLo ^ kLo[j];
    long b = iHi ^ kHi[j];
    return scramble3Lo32(
        Words.r8(false, data, at) ^ encLo(a, b, a), Words.r8(false, data, at + 8) ^ encHi(a, b, b));
  }
}
