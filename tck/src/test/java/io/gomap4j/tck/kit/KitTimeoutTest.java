package io.gomap4j.tck.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gomap4j.tck.CheckResult;
import io.gomap4j.tck.TckReport;
import io.gomap4j.tck.WithoutTckProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A kit check that never finishes fails after the kit's timeout, and the kit goes on. */
@ExtendWith(WithoutTckProperties.class)
class KitTimeoutTest {

  /** A kit of a check that waits until released, ignoring interrupts, and one that passes. */
  private static Verification kit(CountDownLatch release) {
    return new Verification() {
      @Override
      public String subject() {
        return "hash stuck";
      }

      @Override
      public List<KitCheck> checks() {
        return List.of(
            KitCheck.of("hash.stuck", "returns", seed -> {
              while (release.getCount() > 0) {
                try {
                  release.await();
                } catch (InterruptedException e) {
                  // ignored, as a stuck plugin might
                }
              }
            }),
            KitCheck.of("hash.after", "runs after the stuck one", seed -> {}));
      }

      @Override
      protected Duration timeout() {
        return Duration.ofMillis(100);
      }
    };
  }

  @Test
  @Timeout(60) // a guard: without the per-check timeout the kit would never end
  @DisplayName("run(): the stuck check fails naming the timeout, the next one runs")
  void run() {
    CountDownLatch release = new CountDownLatch(1);
    try {
      TckReport report = kit(release).run(1);
      assertThat(report.results()).extracting(CheckResult::checkId, CheckResult::status)
          .containsExactly(tuple("hash.stuck", CheckResult.Status.FAILED),
              tuple("hash.after", CheckResult.Status.PASSED));
      assertThat(report.failures().get(0).message())
          .contains("hash.stuck did not finish within 100 ms");
    } finally {
      release.countDown();
    }
  }

  @Test
  @Timeout(60)
  @DisplayName("Under JUnit: the stuck check's test fails naming the plugin, the rule and the"
      + " timeout")
  void junit() {
    CountDownLatch release = new CountDownLatch(1);
    try {
      DynamicTest stuck = kit(release).verify().findFirst().orElseThrow();
      assertThatThrownBy(() -> stuck.getExecutable().execute())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("hash stuck broke hash.stuck (returns)")
          .hasMessageContaining("did not finish within 100 ms");
    } finally {
      release.countDown();
    }
  }
}
