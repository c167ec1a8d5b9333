package io.gomap4j.cli;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.gomap4j.engine.Plugins;
import io.gomap4j.tck.CheckResult;
import io.gomap4j.tck.Combination;
import io.gomap4j.tck.MapContract;
import io.gomap4j.tck.TckCheck;
import io.gomap4j.tck.TckMatrix;
import io.gomap4j.tck.TckRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * Every check of the map contract on every combination of the plugins on the class path, one
 * dynamic test each. The {@code tck.hash}, {@code tck.layout}, {@code tck.growth},
 * {@code tck.sample}, {@code tck.seed} and {@code tck.check} system properties narrow the run,
 * as the reproduce line of a failure does.
 */
class TckMatrixTest {

  @TestFactory
  Stream<DynamicTest> mapContract() {
    Plugins plugins = Plugins.discovered();
    List<Combination> combinations = TckMatrix.fromSystemProperties(plugins);
    List<TckCheck> checks = TckRunner.select(MapContract.checks(),
        TckMatrix.names(TckMatrix.CHECK));
    long seed = TckMatrix.seed();
    return combinations.stream().flatMap(c -> checks.stream().map(check -> dynamicTest(
        c.id() + " " + check.id() + ": " + check.description(),
        () -> verify(c, check, seed))));
  }

  private static void verify(Combination c, TckCheck check, long seed) {
    CheckResult r = TckRunner.runOne(c, check, TckRunner.checkSeed(seed, c, check), seed);
    switch (r.status()) {
      case PASSED -> { }
      case SKIPPED -> throw new TestAbortedException(r.message());
      case FAILED -> throw new AssertionError(
          r.message() + System.lineSeparator() + "reproduce: " + r.reproduce(), r.failure());
      default -> throw new IllegalStateException("unknown status " + r.status());
    }
  }
}
