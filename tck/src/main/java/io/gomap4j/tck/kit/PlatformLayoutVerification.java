package io.gomap4j.tck.kit;

import io.gomap4j.spi.PlatformLayout;
import java.util.List;

/**
 * The kit for a {@link PlatformLayout} plugin. Subclass it in a test and implement {@link #createPlatformLayout()}.
 */
public abstract class PlatformLayoutVerification extends Verification {

  /** The plugin under test; called once per check, so return a fresh or an immutable instance. */
  protected abstract PlatformLayout createPlatformLayout();

  @Override
  public String subject() {
    return "layout " + createPlatformLayout().name();
  }

  @Override
  public List<KitCheck> checks() {
    return List.of(); // TODO(issue 5): the layout checks
  }
}
