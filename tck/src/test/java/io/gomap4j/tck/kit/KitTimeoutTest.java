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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A kit check that never finishes fails after the kit's timeout, and the kit's later checks fail at
 * once without running.
 */
@ExtendWith(WithoutTckProperties.class)
class KitTimeoutTest {

  /**
   * A kit of a check that passes, one that waits until released, ignoring interrupts, and one that
   * counts its runs in {@code afterRuns}.
   */
  private static Verification kit(CountDownLatch release, AtomicInteger afterRuns) {
    return new Verification() {
      @Override
      public String subject() {
        return "hash stuck";
      }

      @Override
      public List<KitCheck> checks() {
        return List.of(
            KitCheck.of("hash.before", "runs before the stuck one", seed -> {}),
            KitCheck.of("hash.stuck", "returns", seed -> {
              while (release.getCount() > 0) {
                try {
                  release.await();
                } catch (InterruptedException e) {
                  // ignored, as a stuck plugin might
                }
              }
            }),
            KitCheck.of("hash.after", "runs after the stuck one",
                seed -> afterRuns.incrementAndGet()));
      }

      @Override
      protected Duration timeout() {
        return Duration.ofMillis(100);
      }
    };
  }

  @Test
  @Timeout(60) // a guard: without the per-check timeout the kit would never end
  @DisplayName("run(): the stuck check fails naming the timeout; the next one fails at once"
      + " without running, naming it")
  void run() {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger afterRuns = new AtomicInteger();
    try {
      TckReport report = kit(release, afterRuns).run(1);
      assertThat(report.results()).extracting(CheckResult::checkId, CheckResult::status)
          .containsExactly(tuple("hash.before", CheckResult.Status.PASSED),
              tuple("hash.stuck", CheckResult.Status.FAILED),
              tuple("hash.after", CheckResult.Status.FAILED));
      assertThat(report.failures().get(0).message())
          .contains("hash.stuck did not finish within 100 ms");
      assertThat(report.failures().get(1).message())
          .startsWith("not run: check hash.stuck did not finish within 100 ms and its thread may"
              + " still be running; the later checks of hash stuck are not run");
      assertThat(afterRuns).hasValue(0);
    } finally {
      release.countDown();
    }
  }

  @Test
  @Timeout(60)
  @DisplayName("Under JUnit: the stuck check's test fails naming the plugin, the rule and the"
      + " timeout; the next test fails at once without running, naming it")
  void junit() throws Throwable {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger afterRuns = new AtomicInteger();
    try {
      List<DynamicTest> tests = kit(release, afterRuns).verify().toList();
      tests.get(0).getExecutable().execute();
      assertThatThrownBy(() -> tests.get(1).getExecutable().execute())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("hash stuck broke hash.stuck (returns)")
          .hasMessageContaining("did not finish within 100 ms");
      assertThatThrownBy(() -> tests.get(2).getExecutable().execute())
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("hash stuck hash.after (runs after the stuck one): not run: check"
              + " hash.stuck did not finish within 100 ms");
      assertThat(afterRuns).hasValue(0);
    } finally {
      release.countDown();
    }
  }
}
