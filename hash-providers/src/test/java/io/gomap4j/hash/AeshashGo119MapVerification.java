package io.gomap4j.hash;

import io.gomap4j.tck.kit.MapContractVerification;

/**
 * Maps with {@code aeshash-go119}, every bundled layout it supports and every growth policy
 * keep the map contract. With the other hash's kit this covers every bundled combination, so
 * the layouts and the growth policy need no map kit of their own.
 */
class AeshashGo119MapVerification extends MapContractVerification {
  @Override
  protected Object createPlugin() {
    return new AeshashGo119Provider();
  }
}
