package io.gomap4j.hash;

import io.gomap4j.spi.HashProvider;
import io.gomap4j.tck.kit.HashProviderVerification;

/** {@code memhash-go119} passes the hash kit on every platform it supports. */
class MemhashGo119HashVerification extends HashProviderVerification {
  @Override
  protected HashProvider createHashProvider() {
    return new MemhashGo119Provider();
  }
}
