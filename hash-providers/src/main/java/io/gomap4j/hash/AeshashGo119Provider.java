package io.gomap4j.hash;

import static java.util.Objects.requireNonNull;

import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;

/**
 * {@code aeshash-go119}: Go 1.19's AES hash on x86, the hash Go uses on amd64 and 386 when the CPU
 * has AES, SSSE3 and SSE4.1 (nearly every x86 CPU in use).
 *
 * <p>The {@code AESENC} instruction is computed in software, bit for bit. Only the
 * {@code aeskeysched} of the key material is used (Go 1.19 leaves {@code hashkey} zero on this
 * path); the {@code hashkey} words are ignored. On amd64 the 128-byte schedule and 64-bit results
 * of {@code asm_amd64.s}; on 386 the first 64 bytes of the schedule and the 32-bit results of
 * {@code asm_386.s}, whose long-input loop and typed paths differ. arm64's AES hash composes its
 * rounds differently and gives other values; it is not provided.
 */
public final class AeshashGo119Provider implements HashProvider {

  /** The provider's name. */
  public static final String NAME = "aeshash-go119";

  /** For {@link java.util.ServiceLoader}. */
  public AeshashGo119Provider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int spiVersion() {
    return HashProvider.SPI_VERSION;
  }

  /** amd64 with 8-byte pointers and 386 with 4-byte ones, both little-endian as x86 is. */
  @Override
  public boolean supports(Platform platform) {
    requireNonNull(platform, "platform is null");
    if (platform.bigEndian()) {
      return false;
    }
    switch (platform.goarch()) {
      case "amd64":
        return platform.ptrSize() == 8;
      case "386":
        return platform.ptrSize() == 4;
      default:
        return false;
    }
  }

  @Override
  public String supportedPlatforms() {
    return "amd64, 386 (Go's x86 AES hash; arm64's AES hash differs and is not provided)";
  }

  /**
   * A 64-bit hasher on amd64 and a 32-bit one on 386.
   *
   * @throws IllegalArgumentException if the platform is not amd64 or 386, or {@code keyMaterial}
   *     does not fit it: amd64 needs a 128-byte {@code aeskeysched}
   */
  @Override
  public Hasher create(Platform platform, KeyMaterial keyMaterial) {
    requireNonNull(platform, "platform is null");
    requireNonNull(keyMaterial, "keyMaterial is null");
    if (!supports(platform)) {
      throw new IllegalArgumentException(
          NAME + " does not support " + platform + "; it supports " + supportedPlatforms());
    }
    if (!keyMaterial.fits(platform.bits())) {
      throw new IllegalArgumentException(
          "key material does not fit " + platform + ": a " + platform.bits()
              + "-bit platform needs a " + KeyMaterial.KEYSCHED_BYTES_64
              + "-byte aeskeysched, got " + keyMaterial.aeskeyschedLength() + " bytes");
    }
    RoundKeys keys = roundKeys(keyMaterial);
    if (platform.ptrSize() == 8) {
      return new Aeshash64Hasher(platform, keys);
    }
    return new Aeshash32Hasher(platform, keys);
  }

  /**
   * The round keys of the key material the last hasher was made for. Every map of a process
   * hashes with one key material unless told otherwise ({@link KeyMaterial#processDefault()}, or
   * the key material settings), so their hashers share one copy of its round keys instead of
   * each reading the schedule again. The provider keeps that key material as long as it keeps
   * its round keys, as each hasher made for it keeps them.
   */
  private volatile RoundKeys lastKeys;

  /** The round keys of {@code keyMaterial}: the last ones if they are its, else read anew. */
  private RoundKeys roundKeys(KeyMaterial keyMaterial) {
    RoundKeys keys = lastKeys;
    if (keys == null || keys.material != keyMaterial) {
      keys = new RoundKeys(keyMaterial);
      lastKeys = keys;
    }
    return keys;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
