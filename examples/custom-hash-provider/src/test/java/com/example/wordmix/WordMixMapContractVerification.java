package com.example.wordmix;

import io.gomap4j.tck.kit.MapContractVerification;

/** Maps hashed by wordmix-v1 keep the map contract on every bundled layout and growth policy. */
class WordMixMapContractVerification extends MapContractVerification {

  @Override
  protected Object createPlugin() {
    return new WordMixHashProvider();
  }
}
