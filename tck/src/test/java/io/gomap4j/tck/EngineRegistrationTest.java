package io.gomap4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gomap4j.engine.growth.Go119GrowthPolicy;
import io.gomap4j.engine.growth.Go119ShrinkGrowthPolicy;
import io.gomap4j.spi.GrowthPolicy;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine module provides the {@code go119} and {@code go119-shrink} growth policies; their
 * registration is checked here
 * because the engine's own tests cannot depend on the kit without a build cycle.
 */
class EngineRegistrationTest {

  @Test
  @DisplayName("The engine registers go119 and go119-shrink alike in module-info and"
      + " META-INF/services")
  void engineRegistrationsAgree() {
    ServiceRegistrations.assertProvidesExactly(Go119GrowthPolicy.class, GrowthPolicy.class,
        List.of(new Go119GrowthPolicy(), new Go119ShrinkGrowthPolicy()));
  }

  @Test
  @DisplayName("A registration check that leaves a registered plugin out fails, naming both lists")
  void aMissingPluginIsReported() {
    assertThatThrownBy(() -> ServiceRegistrations.assertProvidesExactly(
            Go119GrowthPolicy.class, GrowthPolicy.class, List.of(new Go119GrowthPolicy())))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(Go119ShrinkGrowthPolicy.class.getName())
        .hasMessageContaining("expected [" + Go119GrowthPolicy.class.getName() + "]");
  }

  @Test
  @DisplayName("ServiceLoader finds the go119 and go119-shrink growth policies")
  void discoverable() {
    assertThat(ServiceLoader.load(GrowthPolicy.class).stream().map(p -> p.get().name()))
        .contains(Go119GrowthPolicy.NAME, Go119ShrinkGrowthPolicy.NAME);
  }
}
