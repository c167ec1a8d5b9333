package com.example.wordmix;

import io.gomap4j.spi.HashProvider;
import io.gomap4j.tck.kit.HashProviderVerification;

/** wordmix-v1 keeps the hash provider contract of the gomap4j TCK. */
class WordMixHashProviderVerification extends HashProviderVerification {

  @Override
  protected HashProvider createHashProvider() {
    return new WordMixHashProvider();
  }
}
