package io.gomap4j.cli;

import io.gomap4j.engine.Plugins;
import io.gomap4j.tck.CheckResult;
import io.gomap4j.tck.Combination;
import io.gomap4j.tck.MapContract;
import io.gomap4j.tck.TckCheck;
import io.gomap4j.tck.TckMatrix;
import io.gomap4j.tck.TckRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * Every check of the map contract holds on every compatible combination of the plugins on the
 * class path. The {@code tck.hash}, {@code tck.layout}, {@code tck.growth}, {@code tck.sample},
 * {@code tck.seed} and {@code tck.check} system properties narrow the run, as the reproduce line
 * of a failure does; an unknown or empty name fails the run, naming the property and listing the
 * valid names.
 */
class TckMatrixTest {

  /** The combinations selected by the tck.* properties, each with every selected check. */
  static Stream<Arguments> matrix() {
    Plugins plugins = Plugins.discovered();
    List<Combination> combinations = TckMatrix.fromSystemProperties(plugins);
    List<TckCheck> checks = TckRunner.select(MapContract.checks(), TckMatrix.names(
        TckMatrix.CHECK, MapContract.checks().stream().map(TckCheck::id).toList()));
    return combinations.stream()
        .flatMap(c -> checks.stream().map(check -> Arguments.of(
            Named.of(c.id(), c), Named.of(check.id() + ": " + check.description(), check))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void mapContract(Combination combination, TckCheck check) {
    long seed = TckMatrix.seed();
    CheckResult r = TckRunner.runOne(combination, check,
        TckRunner.checkSeed(seed, combination, check), seed);
    switch (r.status()) {
      case PASSED -> { }
      case SKIPPED -> throw new TestAbortedException(r.message());
      case FAILED -> throw new AssertionError(check.id() + " (" + check.description() + ") on "
          + combination.id() + ": " + r.message() + System.lineSeparator() + "reproduce: "
          + r.reproduce(), r.failure());
      default -> throw new IllegalStateException("unknown status " + r.status());
    }
  }
}
