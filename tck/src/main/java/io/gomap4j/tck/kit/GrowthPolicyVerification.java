package io.gomap4j.tck.kit;

import io.gomap4j.spi.GrowthPolicy;
import java.util.List;

/**
 * The kit for a {@link GrowthPolicy} plugin. Subclass it in a test and implement {@link #createGrowthPolicy()}.
 */
public abstract class GrowthPolicyVerification extends Verification {

  /** The plugin under test; called once per check, so return a fresh or an immutable instance. */
  protected abstract GrowthPolicy createGrowthPolicy();

  @Override
  public String subject() {
    return "growth " + createGrowthPolicy().name();
  }

  @Override
  public List<KitCheck> checks() {
    return List.of(); // TODO(issue 5): the growth checks
  }
}
