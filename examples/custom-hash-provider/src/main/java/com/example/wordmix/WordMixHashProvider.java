package com.example.wordmix;

import static java.util.Objects.requireNonNull;

import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;

/**
 * {@code wordmix-v1}: a seeded multiply-xorshift hash over 8-byte little-endian words, for every
 * platform (64-bit hashes on 64-bit platforms, 32-bit ones on 32-bit platforms).
 *
 * <p>It is an example of a plugin, not a hash to prefer over Go's: it is simple, keyed by the map
 * seed and the key material, and mixes every input bit into every output bit, which is what a map
 * needs. Its output is a contract, as every named hash's is: a change of output would be
 * {@code wordmix-v2}.
 */
public final class WordMixHashProvider implements HashProvider {

  /** The name users select it by. */
  public static final String NAME = "wordmix-v1";

  /** ServiceLoader's constructor. */
  public WordMixHashProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int spiVersion() {
    return SPI_VERSION;
  }

  @Override
  public Hasher create(Platform platform, KeyMaterial keyMaterial) {
    requireNonNull(platform, "platform is null");
    requireNonNull(keyMaterial, "keyMaterial is null");
    return new WordMixHasher(platform, keyMaterial);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
