package io.gomap4j.layout64;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.spi.PlatformLayout;
import io.gomap4j.tck.ServiceRegistrations;
import io.gomap4j.tck.vectors.LayoutVectors;
import java.nio.ByteOrder;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every layout of this module: its platform facts, its Go layouts and its registration. */
final class AllLayoutsTest {

  /** The module's layouts with the byte order go-map-spec 2.4 and Go's arch table give them. */
  static Stream<Arguments> layouts() {
    return Stream.of(
        Arguments.of(new Amd64Layout(), ByteOrder.LITTLE_ENDIAN),
        Arguments.of(new Arm64Layout(), ByteOrder.LITTLE_ENDIAN),
        Arguments.of(new Loong64Layout(), ByteOrder.LITTLE_ENDIAN),
        Arguments.of(new Mips64Layout(), ByteOrder.BIG_ENDIAN),
        Arguments.of(new Mips64leLayout(), ByteOrder.LITTLE_ENDIAN),
        Arguments.of(new Ppc64Layout(), ByteOrder.BIG_ENDIAN),
        Arguments.of(new Ppc64leLayout(), ByteOrder.LITTLE_ENDIAN),
        Arguments.of(new Riscv64Layout(), ByteOrder.LITTLE_ENDIAN),
        Arguments.of(new S390xLayout(), ByteOrder.BIG_ENDIAN),
        Arguments.of(new WasmLayout(), ByteOrder.LITTLE_ENDIAN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  @DisplayName("Each layout has its GOARCH's pointer size, register size and byte order")
  void platformFacts(PlatformLayout layout, ByteOrder order) {
    assertThat(layout.platform().goarch()).isEqualTo(layout.name());
    assertThat(layout.platform().ptrSize()).isEqualTo(8);
    assertThat(layout.platform().regSize()).isEqualTo(8);
    assertThat(layout.platform().byteOrder()).isEqualTo(order);
    assertThat(layout.spiVersion()).isEqualTo(PlatformLayout.SPI_VERSION);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  @DisplayName("Each layout matches Go 1.19's recorded bucket layouts, field by field")
  void matchesGoVectors(PlatformLayout layout, ByteOrder order) {
    assertThat(LayoutVectors.reference(layout)).hasSize(288);
    assertThat(LayoutVectors.check(layout)).isEmpty();
  }

  @Test
  @DisplayName("module-info.java and META-INF/services register every layout of the module")
  void everyLayoutIsRegistered() {
    ServiceRegistrations.assertAgree(Amd64Layout.class);
    Set<String> classes = layouts().map(a -> a.get()[0].getClass().getName())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(ServiceRegistrations.moduleProvides(Amd64Layout.class)
        .get(PlatformLayout.class.getName())).isEqualTo(classes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  @DisplayName("ServiceLoader finds exactly one layout by each GOARCH name")
  void foundByName(PlatformLayout layout, ByteOrder order) {
    assertThat(ServiceLoader.load(PlatformLayout.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(l -> l.name().equals(layout.name())))
        .singleElement().isInstanceOf(layout.getClass());
  }
}
