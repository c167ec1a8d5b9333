package io.gomap4j.layout64;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.tck.ServiceRegistrations;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How {@link Amd64Layout} is registered as a service. */
final class Amd64LayoutRegistrationTest {

  @Test
  @DisplayName("module-info.java and META-INF/services register the same PlatformLayout providers")
  void registrationsAgree() {
    ServiceRegistrations.assertAgree(Amd64Layout.class);
    assertThat(ServiceRegistrations.moduleProvides(Amd64Layout.class))
        .containsOnlyKeys(PlatformLayout.class.getName());
    assertThat(ServiceRegistrations.moduleProvides(Amd64Layout.class)
            .get(PlatformLayout.class.getName()))
        .contains(Amd64Layout.class.getName());
  }

  @Test
  @DisplayName("ServiceLoader finds exactly one PlatformLayout named amd64, and it is Amd64Layout")
  void serviceLoaderFindsItByName() {
    List<PlatformLayout> found =
        ServiceLoader.load(PlatformLayout.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(l -> l.name().equals("amd64"))
            .collect(Collectors.toList());
    assertThat(found).singleElement().isInstanceOf(Amd64Layout.class);
  }
}
