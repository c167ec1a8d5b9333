package io.gomap4j.tck.kit;

import io.gomap4j.engine.growth.Go119ShrinkGrowthPolicy;
import io.gomap4j.spi.GrowthPolicy;
import java.util.EnumSet;
import java.util.Set;

/**
 * The engine's bundled {@code go119-shrink} policy passes the growth kit, declaring
 * {@link Capability#SHRINKS}. It runs here because the engine's own tests cannot depend on the
 * kit, which depends on the engine.
 */
class Go119ShrinkGrowthPolicyVerification extends GrowthPolicyVerification {
  @Override
  protected GrowthPolicy createGrowthPolicy() {
    return new Go119ShrinkGrowthPolicy();
  }

  @Override
  protected Set<Capability> capabilities() {
    return EnumSet.of(Capability.SHRINKS);
  }
}
