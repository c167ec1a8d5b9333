package io.gomap4j.hash;

import static java.util.Objects.requireNonNull;

import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;

/**
 * {@code memhash-go119}: Go 1.19's fallback hash, the hash Go uses where the CPU lacks the AES
 * instructions (and on every architecture other than amd64, 386 and arm64).
 *
 * <p>On a 64-bit platform it is {@code runtime/hash64.go}, on a 32-bit one
 * {@code runtime/hash32.go}; both read memory words in the platform's byte order. Only the
 * {@code hashkey} words of the key material are used; the AES key schedule is ignored. Later Go
 * releases changed the fallback hash (go.dev/issue/66841); such output belongs under another name.
 */
public final class MemhashGo119Provider implements HashProvider {

  /** The provider's name. */
  public static final String NAME = "memhash-go119";

  /** For {@link java.util.ServiceLoader}. */
  public MemhashGo119Provider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int spiVersion() {
    return HashProvider.SPI_VERSION;
  }

  /**
   * A 64-bit hasher when {@code platform.ptrSize()} is 8 and a 32-bit one when it is 4.
   *
   * @throws IllegalArgumentException if {@code keyMaterial} does not fit the platform: a 64-bit
   *     platform needs a 128-byte {@code aeskeysched}
   */
  @Override
  public Hasher create(Platform platform, KeyMaterial keyMaterial) {
    requireNonNull(platform, "platform is null");
    requireNonNull(keyMaterial, "keyMaterial is null");
    if (!keyMaterial.fits(platform.bits())) {
      throw new IllegalArgumentException(
          "key material does not fit " + platform + ": a " + platform.bits()
              + "-bit platform needs a " + KeyMaterial.KEYSCHED_BYTES_64
              + "-byte aeskeysched, got " + keyMaterial.aeskeyschedLength() + " bytes");
    }
    if (platform.ptrSize() == 8) {
      return new Memhash64Hasher(platform, keyMaterial.hashkey(0));
    }
    return new Memhash32Hasher(
        platform, keyMaterial.hashkey(0), keyMaterial.hashkey(1), keyMaterial.hashkey(2));
  }

  @Override
  public String toString() {
    return NAME;
  }
}
