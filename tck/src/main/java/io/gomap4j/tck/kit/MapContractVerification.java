package io.gomap4j.tck.kit;

import java.util.List;

/**
 * The kit for the whole map: the author's plugin combined with every bundled plugin of the other
 * two kinds, checked against the map contract. Subclass it in a test and implement
 * {@link #createPlugin()}.
 */
public abstract class MapContractVerification extends Verification {

  /** The plugin under test: a HashProvider, PlatformLayout or GrowthPolicy. */
  protected abstract Object createPlugin();

  @Override
  public String subject() {
    return "map with " + createPlugin();
  }

  @Override
  public List<KitCheck> checks() {
    return List.of(); // TODO(issue 5): the map contract over the combinations
  }
}
