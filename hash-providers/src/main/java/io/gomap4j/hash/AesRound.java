package io.gomap4j.hash;

/**
 * One x86 {@code AESENC} round in software: {@code MixColumns(SubBytes(ShiftRows(s))) ^ k}.
 *
 * <p>A 16-byte state is held in two longs: {@code lo} is bytes 0-7 and {@code hi} bytes 8-15,
 * each read little-endian, so byte {@code i} of the state is bits {@code 8(i mod 8)} of its half.
 * This is how x86 loads memory into an XMM register. Column {@code c} of the AES state is the 4
 * bytes {@code 4c .. 4c+3} (byte {@code r + 4c} is row {@code r}), i.e. the 32-bit words
 * {@code w0 = (int) lo}, {@code w1 = (int) (lo >>> 32)}, {@code w2 = (int) hi},
 * {@code w3 = (int) (hi >>> 32)}, with row {@code r} at bits {@code 8r}.
 *
 * <p>ShiftRows makes output column {@code c} take row {@code r} from input column {@code c + r}
 * (mod 4). SubBytes and MixColumns of one input byte in row {@code r} together add a fixed multiple
 * of a column to the output; the table {@link #T} holds those columns for rows 0..3 one after
 * another, so a round is 16 table look-ups ({@link #r0} to {@link #r3}) and XORs. One table rather
 * than four leaves the JIT one base register instead of four for the rounds' many live values. The
 * table and the S-box are derived here from their definitions over GF(2^8) at class initialisation.
 */
final class AesRound {

  /** The AES S-box: multiplicative inverse in GF(2^8) mod 0x11B, then the affine map. */
  private static final int[] SBOX = new int[256];

  /**
   * Entry {@code 256r + a}: the column that the input byte {@code a} in row {@code r} adds to its
   * output column. With {@code x = S(a)}, row 0 adds (2x, x, x, 3x) to rows (0, 1, 2, 3), row 1
   * (3x, 2x, x, x), row 2 (x, 3x, 2x, x) and row 3 (x, x, 3x, 2x): each row's entry is row 0's
   * rotated by 8r bits.
   */
  private static final int[] T = new int[1024];

  static {
    for (int a = 0; a < 256; a++) {
      int inv = 0;
      if (a != 0) {
        for (int b = 1; b < 256; b++) {
          if (gmul(a, b) == 1) {
            inv = b;
            break;
          }
        }
      }
      SBOX[a] = inv ^ rotl8(inv, 1) ^ rotl8(inv, 2) ^ rotl8(inv, 3) ^ rotl8(inv, 4) ^ 0x63;
    }
    for (int a = 0; a < 256; a++) {
      int x = SBOX[a];
      int x2 = gmul(x, 2);
      int x3 = gmul(x, 3);
      int t = x2 | x << 8 | x << 16 | x3 << 24;
      for (int row = 0; row < 4; row++) {
        T[256 * row + a] = Integer.rotateLeft(t, 8 * row);
      }
    }
  }

  private AesRound() {}

  /** Multiplication in GF(2^8) with the AES polynomial x^8 + x^4 + x^3 + x + 1 (0x11B). */
  static int gmul(int a, int b) {
    int p = 0;
    for (int i = 0; i < 8; i++) {
      if ((b & 1) != 0) {
        p ^= a;
      }
      a <<= 1;
      if ((a & 0x100) != 0) {
        a ^= 0x11b;
      }
      b >>>= 1;
    }
    return p;
  }

  private static int rotl8(int x, int n) {
    return ((x << n) | (x >>> (8 - n))) & 0xff;
  }

  /** The AES S-box entry for byte {@code b} (0..255). */
  static int sbox(int b) {
    return SBOX[b];
  }

  /** Row 0 (byte 0) of column {@code w}, looked up: its share of the output column. */
  static int r0(int w) {
    return T[w & 0xff];
  }

  /** Row 1 (byte 1) of column {@code w}, looked up. */
  static int r1(int w) {
    return T[256 + ((w >>> 8) & 0xff)];
  }

  /** Row 2 (byte 2) of column {@code w}, looked up. */
  static int r2(int w) {
    return T[512 + ((w >>> 16) & 0xff)];
  }

  /** Row 3 (byte 3) of column {@code w}, looked up. */
  static int r3(int w) {
    return T[768 + (w >>> 24)];
  }

  /** Bytes 0-7 of {@code AESENC(state, key)}; {@code kLo} is bytes 0-7 of the round key. */
  static long encLo(long lo, long hi, long kLo) {
    int w0 = (int) lo;
    int w1 = (int) (lo >>> 32);
    int w2 = (int) hi;
    int w3 = (int) (hi >>> 32);
    return ((col(w0, w1, w2, w3) & 0xffffffffL) | (long) col(w1, w2, w3, w0) << 32) ^ kLo;
  }

  /** Bytes 8-15 of {@code AESENC(state, key)}; {@code kHi} is bytes 8-15 of the round key. */
  static long encHi(long lo, long hi, long kHi) {
    int w0 = (int) lo;
    int w1 = (int) (lo >>> 32);
    int w2 = (int) hi;
    int w3 = (int) (hi >>> 32);
    return ((col(w2, w3, w0, w1) & 0xffffffffL) | (long) col(w3, w0, w1, w2) << 32) ^ kHi;
  }

  /** Bytes 0-3 of {@code AESENC(state, key)}: column 0 only, for 32-bit results. */
  static int enc32(long lo, long hi, int k0) {
    int w0 = (int) lo;
    int w1 = (int) (lo >>> 32);
    int w2 = (int) hi;
    int w3 = (int) (hi >>> 32);
    return col(w0, w1, w2, w3) ^ k0;
  }

  /**
   * Column {@code c} of a round before its key is added, for the input columns
   * {@code a = w[c], b = w[c+1], c = w[c+2], d = w[c+3]}: row r comes from column c + r.
   */
  static int col(int a, int b, int c, int d) {
    return r0(a) ^ r1(b) ^ r2(c) ^ r3(d);
  }

  /** Bytes 0-7 of S(S(S(x))), S(x) = E(x, x), for the state {@code lo ‖ hi}. */
  static long scramble3Lo(long lo, long hi) {
    return scramble3((int) lo, (int) (lo >>> 32), (int) hi, (int) (hi >>> 32));
  }

  /** Bytes 0-3 of S(S(S(x))) for the state {@code lo ‖ hi}. */
  static int scramble3Lo32(long lo, long hi) {
    return scramble3Lo32((int) lo, (int) (lo >>> 32), (int) hi, (int) (hi >>> 32));
  }

  /**
   * Bytes 0-7 of S(S(S(x))) for the state given as its four columns. The rounds are written out on
   * ints so that no state is packed into longs between them, and the last round computes only the
   * two columns that are returned.
   */
  static long scramble3(int x0, int x1, int x2, int x3) {
    return scramble2(
        col(x0, x1, x2, x3) ^ x0,
        col(x1, x2, x3, x0) ^ x1,
        col(x2, x3, x0, x1) ^ x2,
        col(x3, x0, x1, x2) ^ x3);
  }

  /**
   * Bytes 0-7 of S(S(y)) for the state given as its four columns: the last two rounds of
   * {@link #scramble3}, for callers that compute the first round themselves.
   */
  static long scramble2(int y0, int y1, int y2, int y3) {
    int z0 = col(y0, y1, y2, y3) ^ y0;
    int z1 = col(y1, y2, y3, y0) ^ y1;
    int z2 = col(y2, y3, y0, y1) ^ y2;
    int z3 = col(y3, y0, y1, y2) ^ y3;
    int out0 = col(z0, z1, z2, z3) ^ z0;
    int out1 = col(z1, z2, z3, z0) ^ z1;
    return (out0 & 0xffffffffL) | (long) out1 << 32;
  }

  /** Bytes 0-3 of S(S(S(x))); the last round computes one column. */
  static int scramble3Lo32(int x0, int x1, int x2, int x3) {
    return scramble2Lo32(
        col(x0, x1, x2, x3) ^ x0,
        col(x1, x2, x3, x0) ^ x1,
        col(x2, x3, x0, x1) ^ x2,
        col(x3, x0, x1, x2) ^ x3);
  }

  /** Bytes 0-3 of S(S(y)): the last two rounds of {@link #scramble3Lo32}, one column in the last. */
  static int scramble2Lo32(int y0, int y1, int y2, int y3) {
    int z0 = col(y0, y1, y2, y3) ^ y0;
    int z1 = col(y1, y2, y3, y0) ^ y1;
    int z2 = col(y2, y3, y0, y1) ^ y2;
    int z3 = col(y3, y0, y1, y2) ^ y3;
    return col(z0, z1, z2, z3) ^ z0;
  }

  static long partial(byte[] data, int p, int n) {
    if (n == 8) {
      return Words.r8(false, data, p);
    }
    long v = 0;
    int i = 0;
    if (n >= 4) {
      v = Words.r4(false, data, p) & 0xffffffffL;
      i = 4;
    }
    for (; i < n; i++) {
      v |= (long) (data[p + i] & 0xff) << (8 * i);
    }
    return v;
  }
}
