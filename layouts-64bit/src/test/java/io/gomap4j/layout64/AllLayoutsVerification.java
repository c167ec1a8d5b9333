package io.gomap4j.layout64;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.tck.ServiceRegistrations;
import io.gomap4j.tck.kit.PlatformLayoutVerification;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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

  static Stream<PlatformLayout> layouts() {
    return Stream.of(
        new Amd64Layout(), new Arm64Layout(), new Loong64Layout(), new Mips64Layout(),
        new Mips64leLayout(), new Ppc64Layout(), new Ppc64leLayout(), new Riscv64Layout(),
        new S390xLayout(), new WasmLayout());
  }

  /** The kit for one layout, as a plugin author's subclass would be. */
  static PlatformLayoutVerification kit(PlatformLayout layout) {
    return new PlatformLayoutVerification() {
      @Override
      protected PlatformLayout createPlatformLayout() {
        return layout;
      }
    };
  }

  @TestFactory
  @DisplayName("Each layout passes the layout kit")
  Stream<DynamicContainer> layoutKit() {
    return layouts().map(l -> DynamicContainer.dynamicContainer(l.name(), kit(l).verify()));
  }

  @Test
  @DisplayName("module-info.java and META-INF/services register every layout of the module")
  void everyLayoutIsRegistered() {
    ServiceRegistrations.assertAgree(Amd64Layout.class);
    Set<String> classes = layouts().map(l -> l.getClass().getName())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(ServiceRegistrations.moduleProvides(Amd64Layout.class)
        .get(PlatformLayout.class.getName())).isEqualTo(classes);
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
