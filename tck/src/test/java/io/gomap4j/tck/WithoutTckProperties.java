package io.gomap4j.tck;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test with the {@code tck.*} system properties unset, and puts them back after it: the
 * TCK's own tests expect the defaults, while a build that reproduces a matrix failure ({@code mvn
 * verify -pl cli -am -Dtck.check=...}) hands the properties to every module's tests.
 */
public final class WithoutTckProperties implements BeforeEachCallback, AfterEachCallback {

  private static final List<String> KEYS = List.of(TckMatrix.HASH, TckMatrix.LAYOUT,
      TckMatrix.GROWTH, TckMatrix.CHECK, TckMatrix.SAMPLE, TckMatrix.SEED, TckMatrix.TIMEOUT);

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(WithoutTckProperties.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    Map<String, String> saved = new HashMap<>();
    for (String key : KEYS) {
      String value = System.clearProperty(key);
      if (value != null) {
        saved.put(key, value);
      }
    }
    context.getStore(NAMESPACE).put("saved", saved);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    @SuppressWarnings("unchecked")
    Map<String, String> saved = context.getStore(NAMESPACE).remove("saved", Map.class);
    for (String key : KEYS) {
      System.clearProperty(key);
    }
    if (saved != null) {
      saved.forEach(System::setProperty);
    }
  }
}
