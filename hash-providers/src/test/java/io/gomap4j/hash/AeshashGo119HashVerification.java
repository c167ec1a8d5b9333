package io.gomap4j.hash;

import io.gomap4j.spi.HashProvider;
import io.gomap4j.tck.kit.HashProviderVerification;

/** {@code aeshash-go119} passes the hash kit on every platform it supports. */
class AeshashGo119HashVerification extends HashProviderVerification {
  @Override
  protected HashProvider createHashProvider() {
    return new AeshashGo119Provider();
  }
}
