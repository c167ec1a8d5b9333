package io.gomap4j.hash;

import static io.gomap4j.hash.AesRound.col;
import static io.gomap4j.hash.AesRound.encHi;
import static io.gomap4j.hash.AesRound.encLo;
import static io.gomap4j.hash.AesRound.r0;
import static io.gomap4j.hash.AesRound.r1;
import static io.gomap4j.hash.AesRound.r2;
import static io.gomap4j.hash.AesRound.r3;
import static io.gomap4j.hash.AesRound.scramble3;
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

  private final Platform platform;

  /** Ks[0..7], bytes 0-7 and 8-15 of each, little-endian; shared, never written (RoundKeys). */
  private final long[] kLo;

  private final long[] kHi;

  /** Ks[0..2] again, as fields, for the typed paths' three keyed rounds. */
  private final long k0Lo;

  private final long k0Hi;
  private final long k1Lo;
  private final long k1Hi;
  private final long k2Lo;
  private final long k2Hi;

  /** Ks[1] and the low half of Ks[2] as columns, for memhash64's last two rounds. */
  private final int k1w0;

  private final int k1w1;
  private final int k1w2;
  private final int k1w3;
  private final int k2w0;
  private final int k2w1;

  /** By length 1-16, the last seed round of the 1-16 byte path; see {@link SeedBlock}. */
  private final SeedBlock[] blocks = new SeedBlock[17];

  /**
   * By length, the last seed that missed {@link #blocks}. A seed is cached when it misses twice in
   * a row, so a map's seed is cached on its second hash, while seeds that change on every call
   * (the running hash of a struct key's fields) allocate nothing. Racy by design: a stale value
   * only decides whether to cache.
   */
  private final long[] missed = new long[17];

  /** The last seed that missed {@link #keys}; see {@link #missed}. */
  private long missedKeys;

  /** The last seed share of memhash64's first round; see {@link SeedKeys}. */
  private SeedKeys keys;

  /** @param roundKeys the round keys of a 128-byte {@code aeskeysched} */
  Aeshash64Hasher(Platform platform, RoundKeys roundKeys) {
    this.platform = platform;
    this.kLo = roundKeys.lo;
    this.kHi = roundKeys.hi;
    k0Lo = kLo[0];
    k0Hi = kHi[0];
    k1Lo = kLo[1];
    k1Hi = kHi[1];
    k2Lo = kLo[2];
    k2Hi = kHi[2];
    k1w0 = (int) k1Lo;
    k1w1 = (int) (k1Lo >>> 32);
    k1w2 = (int) k1Hi;
    k1w3 = (int) (k1Hi >>> 32);
    k2w0 = (int) k2Lo;
    k2w1 = (int) (k2Lo >>> 32);
    keys = new SeedKeys(0, k0Lo, k0Hi);
  }

  @Override
  public int bits() {
    return 64;
  }

  @Override
  public long memhash(byte[] data, int offset, int length, long seed) {
    requireNonNull(data, "data is null");
    Objects.checkFromIndexSize(offset, length, data.length);
    if (length > 16) {
      return above16(data, offset, length, seed, SeedBlock.spread(length));
    }
    if (length == 0) {
      return empty(seed);
    }
    if (length <= 8) {
      return upTo16(AesRound.partial(data, offset, length), 0, length, seed);
    }
    return upTo16(
        Words.r8(false, data, offset), AesRound.partial(data, offset + 8, length - 8), length, seed);
  }

  /** No bytes: {@code lo64(S(S(I ^ Ks[0])))} with the length part of I zero. */
  private long empty(long seed) {
    long a = seed ^ k0Lo;
    long b = k0Hi;
    long xLo = encLo(a, b, a);
    long xHi = encHi(a, b, b);
    return encLo(xLo, xHi, xLo);
  }

  /**
   * 17 bytes and more, in a method of its own so that {@link #memhash} stays small enough to be
   * inlined where short keys are hashed.
   */
  private long above16(byte[] data, int offset, int length, long seed, long iHi) {
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
    return upTo16(Float.floatToRawIntBits(value) & 0xffffffffL, 0, 4, seed);
  }

  /** {@code f64hash}; for other values {@code memhash(p, h, 8)}, which is not memhash64 here. */
  @Override
  public long f64hash(double value, long seed) {
    if (GoFloatHash.special(value)) {
      return GoFloatHash.special64(seed, value != value);
    }
    return upTo16(Double.doubleToRawLongBits(value), 0, 8, seed);
  }

  @Override
  public String toString() {
    return AeshashGo119Provider.NAME + " hasher for " + platform;
  }

  /**
   * {@code lo64(E(E(E(s, Ks[0]), Ks[1]), Ks[2]))} for the state s = seed ‖ value. The first round's
   * look-ups of the seed's bytes, with Ks[0], come from {@link SeedKeys}; the last round computes
   * only the two columns returned.
   */
  private long keyed3(long seed, long value) {
    SeedKeys s = keys;
    if (s.seed != seed) {
      s = seedKeys(seed);
      if (s == null) {
        return keyed3Uncached(seed, value);
      }
    }
    int v0 = (int) value;
    int v1 = (int) (value >>> 32);
    int y0 = s.p0 ^ r2(v0) ^ r3(v1);
    int y1 = s.p1 ^ r1(v0) ^ r2(v1);
    int y2 = s.p2 ^ r0(v0) ^ r1(v1);
    int y3 = s.p3 ^ r0(v1) ^ r3(v0);
    int z0 = col(y0, y1, y2, y3) ^ k1w0;
    int z1 = col(y1, y2, y3, y0) ^ k1w1;
    int z2 = col(y2, y3, y0, y1) ^ k1w2;
    int z3 = col(y3, y0, y1, y2) ^ k1w3;
    int out0 = col(z0, z1, z2, z3) ^ k2w0;
    int out1 = col(z1, z2, z3, z0) ^ k2w1;
    return (out0 & 0xffffffffL) | (long) out1 << 32;
  }

  /**
   * The cached seed share for a seed that missed {@link #keys}: a new entry when the seed missed
   * last time too, else null (the seed is remembered). Out of {@link #keyed3} so that the hot path
   * stays small enough to inline.
   */
  private SeedKeys seedKeys(long seed) {
    if (missedKeys != seed) {
      missedKeys = seed;
      return null;
    }
    SeedKeys s = new SeedKeys(seed, k0Lo, k0Hi);
    keys = s;
    return s;
  }

  /** {@link #keyed3} for a seed seen once: the three rounds in full, nothing cached. */
  private long keyed3Uncached(long seed, long value) {
    long l = encLo(seed, value, k0Lo);
    long h = encHi(seed, value, k0Hi);
    return encLo(encLo(l, h, k1Lo), encHi(l, h, k1Hi), k2Lo);
  }

  /** 1 to 16 bytes, zero-padded to {@code dLo ‖ dHi}: {@code lo64(S³(D ^ X0))}. */
  private long upTo16(long dLo, long dHi, int length, long seed) {
    SeedBlock x = blocks[length];
    if (x == null || x.seed != seed) {
      x = seedBlock(length, seed);
      if (x == null) {
        // A seed seen once, such as the running hash of a struct key's fields: no cache entry.
        long a = seed ^ k0Lo;
        long b = SeedBlock.spread(length) ^ k0Hi;
        return scramble3Lo(dLo ^ encLo(a, b, a), dHi ^ encHi(a, b, b));
      }
    }
    if (length <= 8) {
      return x.scrambleUpTo8(dLo);
    }
    return scramble3(
        (int) dLo ^ x.x0, (int) (dLo >>> 32) ^ x.x1, (int) dHi ^ x.x2, (int) (dHi >>> 32) ^ x.x3);
  }

  /**
   * The cached X0 for a seed that missed {@link #blocks}: a new entry when the seed missed last
   * time too, else null (the seed is remembered); see {@link #missed}.
   */
  private SeedBlock seedBlock(int length, long seed) {
    if (missed[length] != seed) {
      missed[length] = seed;
      return null;
    }
    SeedBlock x = new SeedBlock(seed, SeedBlock.spread(length), k0Lo, k0Hi);
    blocks[length] = x;
    return x;
  }

  /**
   * The seed's share of memhash64's first round: for each output column, the look-ups of the
   * seed's bytes (state bytes 0-7) XOR the column of Ks[0]. Immutable, published like
   * {@link SeedBlock}.
   */
  private static final class SeedKeys {
    final long seed;
    final int p0;
    final int p1;
    final int p2;
    final int p3;

    SeedKeys(long seed, long kLo, long kHi) {
      this.seed = seed;
      int s0 = (int) seed;
      int s1 = (int) (seed >>> 32);
      p0 = r0(s0) ^ r1(s1) ^ (int) kLo;
      p1 = r0(s1) ^ r3(s0) ^ (int) (kLo >>> 32);
      p2 = r2(s0) ^ r3(s1) ^ (int) kHi;
      p3 = r1(s0) ^ r2(s1) ^ (int) (kHi >>> 32);
    }
  }

  /** One lane: {@code lo64(S³(L(at) ^ Xj))}. */
  private long lane(byte[] data, int at, int j, long seed, long iHi) {
    long a = seed ^ kLo[j];
    long b = iHi ^ kHi[j];
    return scramble3Lo(
        Words.r8(false, data, at) ^ encLo(a, b, a), Words.r8(false, data, at + 8) ^ encHi(a, b, b));
  }
}
