package io.gomap4j.tck.kit;

import io.gomap4j.engine.PluginInfo;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.tck.CheckResult;
import io.gomap4j.tck.PluginNames;
import io.gomap4j.tck.TckCheck;
import io.gomap4j.tck.TckMatrix;
import io.gomap4j.tck.TckReport;
import io.gomap4j.tck.TckRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The base of every kit. A plugin author subclasses a kit in a test, implements its one factory
 * method, and JUnit 5 runs each check as a test named by its contract sentence. A check that does
 * not apply is reported as skipped (aborted) with the reason, never as passed.
 *
 * <p>The same checks run without JUnit through {@link #run(long)}, which the {@code gomap4j tck
 * --plugin-jar} command uses.
 */
public abstract class Verification {

  /** What the plugin under test declares; none by default. Override to declare more. */
  protected Set<Capability> capabilities() {
    return EnumSet.noneOf(Capability.class);
  }

  /** What is under test, such as {@code hash memhash-go119}; used in results and messages. */
  public abstract String subject();

  /** Every check of this kit for the plugin under test, in a stable order. */
  public abstract List<KitCheck> checks();

  /**
   * The plugins the plugin under test must not share its name with ({@code *.name.unique}): the
   * plugins {@link java.util.ServiceLoader} finds on the class path or module path, by default.
   *
   * @see Plugins#discovered()
   */
  protected Plugins registry() {
    return Plugins.discovered();
  }

  /**
   * How long one check may run before it fails naming the timeout: {@code -Dtck.timeout} or
   * {@link TckRunner#DEFAULT_TIMEOUT} (60 s) by default; {@link Duration#ZERO} for no limit.
   * Override for a plugin whose checks need longer.
   */
  protected Duration timeout() {
    return TckMatrix.timeout();
  }

  /** The seed checks draw from: {@code -Dtck.seed} or {@link TckRunner#DEFAULT_SEED}. */
  protected long seed() {
    return TckMatrix.seed();
  }

  /**
   * The seed one check runs with, derived from the run seed, the subject and the check id. A kit
   * whose checks are also run elsewhere may derive it as that place does, so that one run seed
   * reproduces a failure in both.
   */
  public long checkSeed(long runSeed, KitCheck check) {
    long h = runSeed;
    for (char ch : (subject() + "#" + check.id()).toCharArray()) {
      h = (h ^ ch) * 0x100000001b3L;
    }
    return h ^ (h >>> 29);
  }

  /** Runs every check, each within {@link #timeout()}, and collects the results. */
  public final TckReport run(long runSeed) {
    return run(runSeed, timeout());
  }

  /**
   * Runs every check and collects the results, as the command line does. A check that has not
   * finished after {@code timeout} fails naming it, and the next check runs.
   *
   * @param timeout how long each check may run; {@link Duration#ZERO} for no limit
   */
  public final TckReport run(long runSeed, Duration timeout) {
    List<CheckResult> results = new ArrayList<>();
    for (KitCheck check : checks()) {
      results.add(runOne(check, runSeed, timeout));
    }
    return new TckReport(results);
  }

  private CheckResult runOne(KitCheck check, long runSeed, Duration timeout) {
    long seed = checkSeed(runSeed, check);
    String reproduce = "-D" + TckMatrix.SEED + "=" + runSeed + " (check seed " + seed + ")";
    return TckRunner.timed(subject(), check.id(), check.contract(), seed, reproduce, timeout,
        () -> check.run(seed));
  }

  /**
   * The body of the {@code *.name} checks: fails naming the first character {@code name} may not
   * have, if it breaks {@link PluginNames}' rule.
   */
  static void assertName(String name) {
    PluginNames.problem(name).ifPresent(p -> {
      throw new AssertionError(p + ". Check name()");
    });
  }

  /**
   * The body of the {@code *.name.unique} checks: fails naming both classes if another plugin of
   * {@code kind} in {@link #registry()} has the name of {@code plugin}, or if the registry itself
   * cannot be built because two of its plugins share a name.
   */
  final void assertUnique(PluginKind kind, Object plugin, String name) {
    if (name == null) {
      throw new AssertionError("name() is null. Check name(): users select the plugin by it");
    }
    Plugins plugins;
    try {
      plugins = registry();
    } catch (IllegalStateException e) {
      throw new AssertionError("the plugins found cannot be registered: " + e.getMessage()
          + ". Check name()", e);
    }
    if (!plugins.contains(kind, name)) {
      return;
    }
    PluginInfo other = plugins.get(kind, name);
    if (other.className().equals(plugin.getClass().getName())) {
      return; // the plugin under test itself, registered
    }
    throw new AssertionError(kind.label() + " plugin " + plugin.getClass().getName() + " is named '"
        + name + "', and so is " + other.className() + " (" + other.location() + "); a name must be"
        + " unique among the plugins of its kind, or selecting it by name selects either. Check"
        + " name(): rename the plugin");
  }

  /** The checks as JUnit 5 dynamic tests; subclasses inherit this and need nothing else. */
  @TestFactory
  public final Stream<DynamicTest> verify() {
    long runSeed = seed();
    Duration timeout = timeout();
    return checks().stream()
        .map(check -> DynamicTest.dynamicTest(check.id() + ": " + check.contract(), () -> {
          try {
            TckRunner.within(timeout, check.id(), () -> check.run(checkSeed(runSeed, check)));
          } catch (TckCheck.CheckSkipped e) {
            Assumptions.abort(check.id() + " does not apply: " + e.getMessage());
          } catch (AssertionError e) {
            throw new AssertionError(subject() + " broke " + check.id() + " (" + check.contract()
                + "): " + e.getMessage() + " [seed -D" + TckMatrix.SEED + "=" + runSeed + "]", e);
          } catch (Exception e) {
            throw new AssertionError(subject() + " broke " + check.id() + " (" + check.contract()
                + "): the plugin threw " + e + " [seed -D" + TckMatrix.SEED + "=" + runSeed + "]",
                e);
          }
        }));
  }
}
