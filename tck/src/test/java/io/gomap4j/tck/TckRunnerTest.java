package io.gomap4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
