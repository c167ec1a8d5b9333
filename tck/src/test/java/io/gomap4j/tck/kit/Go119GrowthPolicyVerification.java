package io.gomap4j.tck.kit;

import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.spi.GrowthPolicy;

/**
 * The engine's bundled {@code go119} policy passes the growth kit. It runs here because the
 * engine's own tests cannot depend on the kit, which depends on the engine.
 */
class Go119GrowthPolicyVerification extends GrowthPolicyVerification {
  @Override
  protected GrowthPolicy createGrowthPolicy() {
    return new Go119GrowthPolicy();
  }
}
