package io.gomap4j.tck.kit;

import io.gomap4j.spi.HashProvider;
import java.util.List;

/**
 * The kit for a {@link HashProvider} plugin. Subclass it in a test and implement {@link #createHashProvider()}.
 */
public abstract class HashProviderVerification extends Verification {

  /** The plugin under test; called once per check, so return a fresh or an immutable instance. */
  protected abstract HashProvider createHashProvider();

  @Override
  public String subject() {
    return "hash " + createHashProvider().name();
  }

  @Override
  public List<KitCheck> checks() {
    return List.of(); // TODO(issue 5): the hash checks
  }
}
