package io.gomap4j.spi;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/**
 * The process-wide secret inputs of Go's hash functions: {@code runtime.hashkey[0..3]} (used by the
 * fallback hash) and {@code runtime.aeskeysched} (used by the AES hash).
 *
 * <p>Go draws both once per process. {@link #processDefault()} does the same once per JVM, from
 * {@link SecureRandom}. Fixed key material ({@link #of}, {@link #fromHex}) makes hashes, and with a
 * fixed map seed whole maps, reproducible.
 *
 * <p>{@code aeskeysched} is 128 bytes on a 64-bit platform and 64 bytes on a 32-bit one. Key material
 * with a 128-byte schedule serves both (a 32-bit hasher reads its first 64 bytes); one with a 64-byte
 * schedule serves 32-bit platforms only. On a 32-bit platform only the low 32 bits of each
 * {@code hashkey} word are used. Instances are immutable.
 */
public final class KeyMaterial {

  /** Length of {@code aeskeysched} on a 64-bit platform. */
  public static final int KEYSCHED_BYTES_64 = 128;

  /** Length of {@code aeskeysched} on a 32-bit platform. */
  public static final int KEYSCHED_BYTES_32 = 64;

  private final long[] hashkey;
  private final byte[] aeskeysched;

  private KeyMaterial(long[] hashkey, byte[] aeskeysched) {
    this.hashkey = hashkey;
    this.aeskeysched = aeskeysched;
  }

  /**
   * Key material from explicit values.
   *
   * @param hashkey the four {@code hashkey} words
   * @param aeskeysched the AES key schedule, 128 bytes (any platform) or 64 bytes (32-bit only)
   * @throws IllegalArgumentException if {@code hashkey} does not have 4 words or
   *     {@code aeskeysched} is not 64 or 128 bytes long
   */
  public static KeyMaterial of(long[] hashkey, byte[] aeskeysched) {
    requireNonNull(hashkey, "hashkey is null");
    requireNonNull(aeskeysched, "aeskeysched is null");
    if (hashkey.length != 4) {
      throw new IllegalArgumentException(
          "hashkey must have 4 words (Go's runtime.hashkey[0..3]), got " + hashkey.length);
    }
    if (aeskeysched.length != KEYSCHED_BYTES_64 && aeskeysched.length != KEYSCHED_BYTES_32) {
      throw new IllegalArgumentException(
          "aeskeysched must be 128 bytes (64-bit platforms) or 64 bytes (32-bit platforms), got "
              + aeskeysched.length);
    }
    return new KeyMaterial(hashkey.clone(), aeskeysched.clone());
  }

  /**
   * Key material from hex, in the form Go's vectors print it. Messages about bad input give lengths
   * and positions, never the digits: key material is a secret.
   *
   * @param aeskeysched 256 hex digits (128 bytes, any platform) or 128 (64 bytes, 32-bit platforms
   *     only)
   * @param hashkey four hex words of 1 to 16 digits separated by commas, such as
   *     {@code 4d65822107fcfd53,...}
   * @throws IllegalArgumentException if either string is not hex of the expected length
   */
  public static KeyMaterial fromHex(String aeskeysched, String hashkey) {
    requireNonNull(aeskeysched, "aeskeysched is null");
    requireNonNull(hashkey, "hashkey is null");
    String s = aeskeysched.trim();
    String expected = "256 hex digits (a 128-byte aeskeysched, any platform) or 128 hex digits "
        + "(64 bytes, 32-bit platforms only)";
    if (s.length() != 2 * KEYSCHED_BYTES_64 && s.length() != 2 * KEYSCHED_BYTES_32) {
      throw new IllegalArgumentException(
          "aeskeysched must be " + expected + ", got " + s.length()
              + (s.length() == 1 ? " character" : " characters"));
    }
    int bad = firstNonHex(s);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          "aeskeysched must be " + expected + ", got a non-hex character at position " + (bad + 1));
    }
    String[] words = hashkey.trim().split(",", -1);
    if (words.length != 4) {
      throw new IllegalArgumentException(
          "hashkey must be 4 hex words separated by commas, got " + words.length
              + (words.length == 1 ? " word" : " words"));
    }
    long[] keys = new long[4];
    for (int i = 0; i < 4; i++) {
      String w = words[i].trim();
      if (w.isEmpty() || w.length() > 16) {
        throw new IllegalArgumentException(
            "hashkey word " + i + " must be 1 to 16 hex digits, got " + w.length() + " characters");
      }
      bad = firstNonHex(w);
      if (bad >= 0) {
        throw new IllegalArgumentException("hashkey word " + i
            + " must be 1 to 16 hex digits, got a non-hex character at position " + (bad + 1));
      }
      keys[i] = Long.parseUnsignedLong(w, 16);
    }
    return of(keys, HexFormat.of().parseHex(s));
  }

  /** The index of the first character of {@code s} that is not an ASCII hex digit, or -1. */
  private static int firstNonHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!HexFormat.isHexDigit(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Fresh key material drawn from {@code random}, as Go's {@code alginit} draws it on the fallback
   * path: every {@code hashkey} word has its low bit set.
   */
  public static KeyMaterial random(Random random) {
    requireNonNull(random, "random is null");
    long[] keys = new long[4];
    for (int i = 0; i < 4; i++) {
      keys[i] = random.nextLong() | 1;
    }
    byte[] sched = new byte[KEYSCHED_BYTES_64];
    random.nextBytes(sched);
    return new KeyMaterial(keys, sched);
  }

  /** The key material of this JVM: drawn once from {@link SecureRandom} on first use. */
  public static KeyMaterial processDefault() {
    return ProcessDefault.INSTANCE;
  }

  /** {@code hashkey[i]}, for i in 0..3. */
  public long hashkey(int i) {
    return hashkey[i];
  }

  /** A copy of the four {@code hashkey} words. */
  public long[] hashkeys() {
    return hashkey.clone();
  }

  /** A copy of {@code aeskeysched}: 128 or 64 bytes. */
  public byte[] aeskeysched() {
    return aeskeysched.clone();
  }

  /** The length of {@code aeskeysched} in bytes. */
  public int aeskeyschedLength() {
    return aeskeysched.length;
  }

  /** Whether this key material serves a platform of {@code bits} (32 or 64). */
  public boolean fits(int bits) {
    return bits == 32 || aeskeysched.length == KEYSCHED_BYTES_64;
  }

  /** The {@code aeskeysched} in hex. */
  public String aeskeyschedHex() {
    return HexFormat.of().formatHex(aeskeysched);
  }

  /** The {@code hashkey} words in hex, comma separated, as Go's vectors print them. */
  public String hashkeyHex() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(Long.toHexString(hashkey[i]));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyMaterial
        && Arrays.equals(hashkey, ((KeyMaterial) o).hashkey)
        && Arrays.equals(aeskeysched, ((KeyMaterial) o).aeskeysched);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(hashkey) + Arrays.hashCode(aeskeysched);
  }

  /** Does not print the secret: only a short fingerprint. */
  @Override
  public String toString() {
    return "KeyMaterial[fingerprint=" + Integer.toHexString(hashCode()) + "]";
  }

  private static final class ProcessDefault {
    static final KeyMaterial INSTANCE = random(new SecureRandom());
  }
}
