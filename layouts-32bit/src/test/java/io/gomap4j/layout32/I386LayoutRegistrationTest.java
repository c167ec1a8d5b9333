package io.gomap4j.layout32;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.tck.ServiceRegistrations;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How {@link I386Layout} is registered as a service. */
final class I386LayoutRegistrationTest {

  @Test
  @DisplayName("module-info.java and META-INF/services register the same PlatformLayout providers")
  void registrationsAgree() {
    ServiceRegistrations.assertAgree(I386Layout.class);
    assertThat(ServiceRegistrations.moduleProvides(I386Layout.class))
        .containsOnlyKeys(PlatformLayout.class.getName());
    assertThat(ServiceRegistrations.moduleProvides(I386Layout.class)
            .get(PlatformLayout.class.getName()))
        .contains(I386Layout.class.getName());
  }

  @Test
  @DisplayName("ServiceLoader finds exactly one PlatformLayout named 386, and it is I386Layout")
  void serviceLoaderFindsItByName() {
    List<PlatformLayout> found =
        ServiceLoader.load(PlatformLayout.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(l -> l.name().equals("386"))
            .collect(Collectors.toList());
    assertThat(found).singleElement().isInstanceOf(I386Layout.class);
  }
}
