package io.gomap4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TckRunnerTest {

  @Test
  @DisplayName("A sound hash passes every check of the map contract on 32- and 64-bit layouts")
  void soundPluginsPass() {
    Fixtures.MixHash hash = new Fixtures.MixHash("mix", false);
    List<Combination> combos = List.of(
        new Combination(hash, Fixtures.WIDE, Fixtures.GO119),
        new Combination(hash, Fixtures.NARROW, Fixtures.GO119));
    TckReport report = TckRunner.run(combos, MapContract.checks(), 3, new TckRunner.Listener() {});
    assertThat(report.failures()).isEmpty();
    assertThat(report.passed()).isEqualTo(2L * MapContract.checks().size());
    assertThat(report.table()).contains("mix/wide/go119").contains("total (2 combinations)");
    assertThat(TckRunner.run(combos.subList(0, 1), MapContract.checks(), 3,
        new TckRunner.Listener() {}).table()).contains("total (1 combination)");
  }

  @Test
  @DisplayName("A hash that is not stable is rejected, naming the broken rule and how to reproduce")
  void unstableHashFails() {
    Combination c = new Combination(new Fixtures.UnstableHash(), Fixtures.WIDE, Fixtures.GO119);
    TckReport report = TckRunner.run(
        List.of(c), MapContract.checks(List.of("map.model.longlong")), 11,
        new TckRunner.Listener() {});
    assertThat(report.ok()).isFalse();
    CheckResult r = report.failures().get(0);
    assertThat(r.checkId()).isEqualTo("map.model.longlong");
    assertThat(r.message()).containsAnyOf("invariant", "HashMap");
    assertThat(r.reproduce()).contains("-Dtck.hash=unstable").contains("-Dtck.seed=11")
        .contains("-Dtck.check=map.model.longlong");
  }

  @Test
  @DisplayName("A check that does not apply is reported as skipped with its reason, never passed")
  void skipped() {
    TckCheck check = new TckCheck() {
      @Override
      public String id() {
        return "x.skip";
      }

      @Override
      public String description() {
        return "never applies";
      }

      @Override
      public void run(Combination combination, long seed) {
        throw new CheckSkipped("not for this plugin");
      }
    };
    Combination c = new Combination(new Fixtures.MixHash("mix", false), Fixtures.WIDE,
        Fixtures.GO119);
    CheckResult r = TckRunner.runOne(c, check, 1, 1);
    assertThat(r.status()).isEqualTo(CheckResult.Status.SKIPPED);
    assertThat(r.message()).isEqualTo("not for this plugin");
  }

  @Test
  @DisplayName("A result quotes the plugins and what they threw without raw control characters, and"
      + " an unknown check id is quoted so too")
  void controlCharactersAreEscaped() {
    String raw = "x\u001b[2J\ny";
    String escaped = "x\\u001b[2J\\u000ay";
    Combination c = new Combination(new Fixtures.MixHash(raw, false), Fixtures.WIDE,
        Fixtures.GO119);
    TckCheck throwing = check("x.throws", () -> {
      throw new IllegalStateException("the plugin said " + raw);
    });
    CheckResult r = TckRunner.runOne(c, throwing, 1, 1);
    assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
    assertThat(List.of(r.combination(), r.message(), r.reproduce()))
        .allSatisfy(text -> assertThat(text).doesNotContainPattern("\\p{Cntrl}")
            .contains(escaped));
    assertThat(r.message()).endsWith("the plugin said " + escaped);
    assertThat(r.failure()).hasMessage("the plugin said " + raw);
    CheckResult made = new CheckResult(raw, raw, raw, CheckResult.Status.FAILED, raw, null, 1, raw,
        0);
    assertThat(List.of(made.combination(), made.checkId(), made.description(), made.message(),
        made.reproduce())).containsOnly(escaped);

    assertThatThrownBy(() -> TckRunner.select(List.of(throwing), List.of(raw)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown TCK check '" + escaped + "'; valid ids: x.throws");
  }

  /** A check with the given body. */
  private static TckCheck check(String id, TckRunner.CheckBody body) {
    return new TckCheck() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return "a check";
      }

      @Override
      public void run(Combination combination, long seed) throws Exception {
        body.run();
      }
    };
  }

  /**
   * A check that waits until {@code release} is counted down, ignoring interrupts as a stuck plugin
   * might; it counts each start in {@code starts}.
   */
  private static TckCheck stuck(String id, CountDownLatch release, AtomicInteger starts) {
    return check(id, () -> {
      starts.incrementAndGet();
      while (release.getCount() > 0) {
        try {
          release.await();
        } catch (InterruptedException e) {
          // ignored, as a stuck plugin might
        }
      }
    });
  }

  private static Combination combination(String hash) {
    return new Combination(new Fixtures.MixHash(hash, false), Fixtures.WIDE, Fixtures.GO119);
  }

  @Test
  @Timeout(60) // a guard: without the per-check timeout the run would never end
  @DisplayName("A check that does not finish, even ignoring interrupts, fails after the timeout,"
      + " naming it; the later checks of its combination fail at once without running, naming it,"
      + " and the run goes on with the next combination")
  void aHangingCheckFailsAfterTheTimeoutAndTheRunGoesOn() {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger starts = new AtomicInteger();
    AtomicInteger nextRuns = new AtomicInteger();
    TckCheck hangs = stuck("x.hangs", release, starts);
    TckCheck next = check("x.next", nextRuns::incrementAndGet);
    Combination a = combination("a");
    Combination b = combination("b");
    try {
      TckReport report = TckRunner.run(List.of(a), List.of(next, hangs, next), 1,
          Duration.ofMillis(50), new TckRunner.Listener() {});
      assertThat(report.results()).extracting(CheckResult::checkId, CheckResult::status)
          .containsExactly(tuple("x.next", CheckResult.Status.PASSED),
              tuple("x.hangs", CheckResult.Status.FAILED),
              tuple("x.next", CheckResult.Status.FAILED));
      assertThat(nextRuns).hasValue(1);
      CheckResult failed = report.failures().get(0);
      assertThat(failed.message()).contains("x.hangs did not finish within 50 ms")
          .contains("--timeout").contains("-Dtck.timeout");
      assertThat(failed.failure().getStackTrace()).isNotEmpty();
      assertThat(failed.reproduce()).contains("-Dtck.timeout=50ms", "--timeout 50ms");
      CheckResult notRun = report.failures().get(1);
      assertThat(notRun.message()).isEqualTo("not run: check x.hangs did not finish within 50 ms"
          + " and its thread may still be running; the later checks of a/wide/go119 are not run,"
          + " so as not to leave more threads stuck in it");
      assertThat(notRun.failure()).isInstanceOf(TckRunner.NotRun.class);
      assertThat(notRun.reproduce()).contains("-Dtck.check=x.next");

      TckRunner.Guard guard = new TckRunner.Guard();
      TckReport two = TckRunner.run(List.of(a, b), List.of(hangs, next), 1,
          Duration.ofMillis(50), guard, new TckRunner.Listener() {});
      assertThat(two.results()).extracting(CheckResult::combination, CheckResult::checkId,
              CheckResult::status)
          .containsExactly(tuple("a/wide/go119", "x.hangs", CheckResult.Status.FAILED),
              tuple("a/wide/go119", "x.next", CheckResult.Status.FAILED),
              tuple("b/wide/go119", "x.hangs", CheckResult.Status.FAILED),
              tuple("b/wide/go119", "x.next", CheckResult.Status.FAILED));
      assertThat(two.results().get(3).message())
          .startsWith("not run: check x.hangs did not finish within 50 ms")
          .contains("later checks of b/wide/go119");
      assertThat(guard.timeouts()).isEqualTo(2);
      assertThat(starts).hasValue(3);
      assertThat(nextRuns).hasValue(1);
    } finally {
      release.countDown();
    }
  }

  @Test
  @Timeout(60)
  @DisplayName("A timeout names where the check was, in the check's own code, and every place a"
      + " timeout is set")
  void aTimeoutNamesWhereTheCheckWas() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TckRunner.CheckBody body = () -> {
      started.countDown();
      while (release.getCount() > 0) {
        try {
          release.await();
        } catch (InterruptedException e) {
          // ignored, as a stuck plugin might
        }
      }
    };
    TckRunner.Guard guard = new TckRunner.Guard();
    // Times out once the body has started, however long its thread took to get there.
    TckRunner.Wait onceStarted = (task, nanos) -> {
      started.await();
      throw new TimeoutException();
    };
    try {
      assertThatThrownBy(() -> TckRunner.within(Duration.ofSeconds(30), "a/wide/go119",
          "x.hangs", guard, onceStarted, body))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("x.hangs did not finish within 30 s, the per-check timeout,"
              + " and was interrupted; it was at " + TckRunnerTest.class.getName() + ".lambda$")
          .hasMessageEndingWith("give a longer timeout (--timeout on the command line; under"
              + " JUnit -Dtck.timeout, or the kit's timeout() where it overrides it)")
          .satisfies(e -> assertThat(e.getStackTrace()).isNotEmpty());
      assertThat(guard.timeouts()).isEqualTo(1);
    } finally {
      release.countDown();
    }
  }

  @Test
  @Timeout(60)
  @DisplayName("After 3 checks of a run time out, every later check of the run fails at once"
      + " without running, naming them, so a hanging plugin costs a run 3 timeouts at most")
  void aRunStopsRunningChecksAfterThreeTimeouts() {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger starts = new AtomicInteger();
    AtomicInteger nextRuns = new AtomicInteger();
    List<Combination> five = List.of(combination("a"), combination("b"), combination("c"),
        combination("d"), combination("e"));
    TckRunner.Guard guard = new TckRunner.Guard();
    try {
      TckReport report = TckRunner.run(five,
          List.of(stuck("x.hangs", release, starts), check("x.next", nextRuns::incrementAndGet)),
          1, Duration.ofMillis(50), guard, new TckRunner.Listener() {});
      assertThat(TckRunner.Guard.MAX_TIMEOUTS).isEqualTo(3);
      assertThat(starts).hasValue(3);
      assertThat(nextRuns).hasValue(0);
      assertThat(guard.timeouts()).isEqualTo(3);
      assertThat(report.failed()).isEqualTo(10);
      assertThat(report.results().get(6).message()).isEqualTo("not run: 3 checks did not"
          + " finish in time and their threads may still be running (check x.hangs of"
          + " a/wide/go119 within 50 ms; check x.hangs of b/wide/go119 within 50 ms; check"
          + " x.hangs of c/wide/go119 within 50 ms); after 3 such checks no later check of the run"
          + " is run");
      assertThat(report.results().get(9).message()).startsWith("not run: 3 checks");

      // The same guard in a kit of the same run: nothing runs.
      TckRunner.CheckBody body = nextRuns::incrementAndGet;
      CheckResult kit = TckRunner.timed("hash a", "hash.any", "a rule", 1, "", Duration.ZERO,
          guard, body);
      assertThat(kit.status()).isEqualTo(CheckResult.Status.FAILED);
      assertThat(kit.message()).startsWith("not run: 3 checks");
      assertThat(nextRuns).hasValue(0);
      assertThatThrownBy(() -> TckRunner.within(Duration.ZERO, "hash a", "hash.any", guard, body))
          .isInstanceOf(TckRunner.NotRun.class).hasMessageStartingWith("not run: 3 checks");
      assertThat(nextRuns).hasValue(0);
    } finally {
      release.countDown();
    }
  }

  @Test
  @DisplayName("A check's own failure, skip or success passes through the timeout unchanged")
  void outcomesPassThroughTheTimeout() {
    Combination c = new Combination(new Fixtures.MixHash("mix", false), Fixtures.WIDE,
        Fixtures.GO119);
    TckCheck fails = check("x.fails", () -> {
      throw new AssertionError("broken rule");
    });
    CheckResult r = TckRunner.runOne(c, fails, 1, 1, TckRunner.DEFAULT_TIMEOUT);
    assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
    assertThat(r.message()).isEqualTo("java.lang.AssertionError: broken rule");
    assertThat(r.reproduce()).doesNotContain("timeout");
    TckCheck skips = check("x.skips", () -> {
      throw new TckCheck.CheckSkipped("not for this plugin");
    });
    assertThat(TckRunner.runOne(c, skips, 1, 1, Duration.ofSeconds(30)).status())
        .isEqualTo(CheckResult.Status.SKIPPED);
    assertThat(TckRunner.runOne(c, skips, 1, 1, Duration.ZERO).status())
        .isEqualTo(CheckResult.Status.SKIPPED);
  }

  @Test
  @DisplayName("tck.timeout and --timeout read 500ms, 60s, 2m or seconds alone, 0 for no limit,"
      + " and refuse anything else naming the setting and the allowed forms")
  void timeouts() {
    assertThat(TckMatrix.parseTimeout("tck.timeout", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(TckMatrix.parseTimeout("tck.timeout", "60s")).isEqualTo(Duration.ofSeconds(60));
    assertThat(TckMatrix.parseTimeout("tck.timeout", " 2m ")).isEqualTo(Duration.ofMinutes(2));
    assertThat(TckMatrix.parseTimeout("tck.timeout", "45")).isEqualTo(Duration.ofSeconds(45));
    assertThat(TckMatrix.parseTimeout("tck.timeout", "0")).isEqualTo(Duration.ZERO);
    for (String bad : List.of("", "-1", "1h", "1.5s", "fast", "999999999999999999")) {
      assertThatThrownBy(() -> TckMatrix.parseTimeout("tck.timeout", bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tck.timeout must be a time such as 60s, 500ms or 2m")
          .hasMessageContaining("got '" + bad + "'");
    }
    assertThat(TckMatrix.parseTimeout("tck.timeout", "1440m")).isEqualTo(Duration.ofDays(1));
    assertThat(TckMatrix.parseTimeout("tck.timeout", "86400")).isEqualTo(Duration.ofDays(1));
    for (String tooLong : List.of("1441m", "86401", "86400001ms", "999999999999999m")) {
      assertThatThrownBy(() -> TckMatrix.parseTimeout("tck.timeout", tooLong))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("tck.timeout must be at most 1440m (24 hours; 0 for no limit), got '"
              + tooLong + "'");
    }
    assertThat(TckRunner.timeOption(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(TckRunner.timeOption(Duration.ofSeconds(60))).isEqualTo("60s");
    assertThat(TckRunner.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(60));
    assertThat(TckRunner.timeOption(TckRunner.DEFAULT_TIMEOUT))
        .isEqualTo(TckRunner.DEFAULT_TIMEOUT_OPTION);
  }

  @Test
  @DisplayName("A timeout is written in seconds or milliseconds without overflow, however long,"
      + " and a positive one never as 0")
  void timeOptionsDoNotOverflow() {
    assertThat(TckRunner.timeOption(Duration.ofMinutes(999_999_999_999_999L)))
        .isEqualTo("59999999999999940s");
    assertThat(TckRunner.describe(Duration.ofMinutes(999_999_999_999_999L)))
        .isEqualTo("59999999999999940 s");
    assertThat(TckRunner.timeOption(Duration.ofSeconds(Long.MAX_VALUE / 1000, 1)))
        .isEqualTo((Long.MAX_VALUE / 1000 + 1) + "s");
    assertThat(TckRunner.timeOption(Duration.ofSeconds(Long.MAX_VALUE / 1000 - 2, 1)))
        .isEqualTo((Long.MAX_VALUE / 1000 - 2) * 1000 + 1 + "ms");
    assertThat(TckRunner.timeOption(Duration.ofNanos(1))).isEqualTo("1ms");
    assertThat(TckRunner.describe(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThatThrownBy(() -> TckRunner.timeOption(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    // A kit or a caller may pass any duration: the reproduce line is still written.
    TckCheck skips = check("x.skips", () -> {
      throw new TckCheck.CheckSkipped("not for this plugin");
    });
    CheckResult r = TckRunner.runOne(combination("a"), skips, 1, 1,
        Duration.ofMinutes(999_999_999_999_999L));
    assertThat(r.status()).isEqualTo(CheckResult.Status.SKIPPED);
    assertThat(r.reproduce()).contains("--timeout 59999999999999940s");
  }

  @Test
  @DisplayName("Each check's seed depends on the run seed, the combination and the check")
  void seeds() {
    Combination c = new Combination(new Fixtures.MixHash("mix", false), Fixtures.WIDE,
        Fixtures.GO119);
    List<TckCheck> checks = MapContract.checks();
    assertThat(TckRunner.checkSeed(1, c, checks.get(0)))
        .isEqualTo(TckRunner.checkSeed(1, c, checks.get(0)))
        .isNotEqualTo(TckRunner.checkSeed(2, c, checks.get(0)))
        .isNotEqualTo(TckRunner.checkSeed(1, c, checks.get(1)));
  }
}
