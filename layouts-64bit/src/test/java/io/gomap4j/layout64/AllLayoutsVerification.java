package io.gomap4j.layout64;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.tck.ServiceRegistrations;
import io.gomap4j.tck.kit.PlatformLayoutVerification;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layout of this module passes the layout kit (its GOARCH's platform, Go's recorded bucket
 * layouts and the spec's measured examples among its checks) and is registered once by name.
 */
final class AllLayoutsVerification {

  static List<PlatformLayout> layouts() {
    return List.of(
        new Amd64Layout(), new Arm64Layout(), new Loong64Layout(), new Mips64Layout(),
        new Mips64leLayout(), new Ppc64Layout(), new Ppc64leLayout(), new Riscv64Layout(),
        new S390xLayout(), new WasmLayout());
  }

  @TestFactory
  @DisplayName("Each layout passes the layout kit")
  Stream<DynamicContainer> layoutKit() {
    return PlatformLayoutVerification.forEach(layouts());
  }

  @Test
  @DisplayName("module-info.java and META-INF/services register every layout of the module")
  void everyLayoutIsRegistered() {
    ServiceRegistrations.assertProvidesExactly(Amd64Layout.class, PlatformLayout.class, layouts());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  @DisplayName("ServiceLoader finds exactly one layout by each GOARCH name")
  void foundByName(PlatformLayout layout) {
    assertThat(ServiceLoader.load(PlatformLayout.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(l -> l.name().equals(layout.name())))
        .singleElement().isInstanceOf(layout.getClass());
  }
}
