package io.gomap4j.tck.kit;

import io.gomap4j.api.internal.Printable;
import io.gomap4j.engine.PluginInfo;
import io.gomap4j.engine.PluginKind;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.internal.PluginNames;
import io.gomap4j.tck.CheckResult;
import io.gomap4j.tck.TckCheck;
import io.gomap4j.tck.TckMatrix;
import io.gomap4j.tck.TckReport;
import io.gomap4j.tck.TckRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
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
 * <p>Under JUnit, the kit reads {@code -Dtck.seed}, {@code -Dtck.timeout} and {@code -Dtck.check}
 * (see {@link #selectedChecks()}), and a failure ends with the properties that run it again alone
 * ({@link #reproduce}); Surefire passes the {@code -D} properties given to Maven to the tests.
 *
 * <p>The same checks run without JUnit through {@link #run(long)}, which the {@code gomap4j tck
 * --plugin-jar} command uses; it runs every check, whatever {@code -Dtck.check} says.
 *
 * <p>The kit's messages, test names and results quote the plugin (its name, what it answered, the
 * message of what it threw) and the {@code tck.*} properties with each control character written
 * as {@code \}{@code u00XX}, so that a plugin or a property cannot split a message or reach a
 * terminal with an escape sequence. The exception a failure wraps, its cause, is left as it was.
 */
public abstract class Verification {

  /**
   * The contract of the {@code *.name} checks: the plugin name rule of the {@code io.gomap4j.spi}
   * package documentation, which the registry enforces.
   */
  public static final String NAME_CONTRACT = "the name is made of " + PluginNames.ALLOWED
      + ", so that it can be selected in a comma-separated list and named in a combination id and"
      + " a reproduce line";

  /** The contract of the {@code *.name.unique} checks. */
  public static final String NAME_UNIQUE_CONTRACT = "no other plugin of its kind has the name, so"
      + " that selecting it by name selects this plugin";

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
   * Runs every check and collects the results, with a {@link TckRunner.Guard} of its own, as
   * {@link #run(long, Duration, TckRunner.Guard)} says.
   *
   * @param timeout how long each check may run; {@link Duration#ZERO} for no limit
   */
  public final TckReport run(long runSeed, Duration timeout) {
    return run(runSeed, timeout, new TckRunner.Guard());
  }

  /**
   * Runs every check and collects the results, as the command line does. A check that has not
   * finished after {@code timeout} fails naming it; the later checks of the kit then fail at once
   * without running, naming it, since its thread may still be running in the plugin, as do all
   * checks once {@code guard} has seen {@link TckRunner.Guard#MAX_TIMEOUTS} timeouts.
   *
   * @param timeout how long each check may run; {@link Duration#ZERO} for no limit
   * @param guard the timeouts seen so far in the run, shared by the kits and matrix of one run
   */
  public final TckReport run(long runSeed, Duration timeout, TckRunner.Guard guard) {
    String subject = subject();
    List<CheckResult> results = new ArrayList<>();
    for (KitCheck check : checks()) {
      results.add(runOne(subject, check, runSeed, timeout, guard));
    }
    return new TckReport(results);
  }

  private CheckResult runOne(String subject, KitCheck check, long runSeed, Duration timeout,
      TckRunner.Guard guard) {
    long seed = checkSeed(runSeed, check);
    String reproduce = "-D" + TckMatrix.SEED + "=" + runSeed + " (check seed " + seed + ")";
    return TckRunner.timed(subject, check.id(), check.contract(), seed, reproduce, timeout, guard,
        () -> check.run(seed));
  }

  /**
   * The body of the {@code *.name} checks: fails naming the first character {@code name} may not
   * have, if it breaks the plugin name rule ({@link #NAME_CONTRACT}).
   */
  static void assertName(String name) {
    PluginNames.problem(name).ifPresent(p -> {
      throw new AssertionError(p + ". Check name()");
    });
  }

  /**
   * The body of the {@code *.name.unique} checks: fails naming both classes if another plugin of
   * {@code kind} in {@link #registry()} has the name of {@code plugin}, and with the registry's
   * own message if the registry cannot be built: two of its plugins share a name, or one has a
   * name that breaks the plugin name rule ({@link #NAME_CONTRACT}).
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

  /** {@code id: contract}, the name of {@code check}'s test, without raw control characters. */
  static String testName(KitCheck check) {
    return Printable.of(check.id() + ": " + check.contract());
  }

  /** The id prefixes of the TCK's kits and suites; an id with another prefix is no TCK check. */
  private static final List<String> KINDS = List.of("hash", "layout", "growth", "map");

  /**
   * The checks {@link #verify()} runs: every one of {@link #checks()}, or, when {@code -Dtck.check}
   * lists ids, those of them this kit has. An id of another kit ({@code hash.seed} in the layout
   * kit) is left to that kit, so that one property can select checks of several kits; an id of
   * this kit's kind that it does not have, or that belongs to no kit, is refused.
   *
   * @throws IllegalArgumentException naming {@code tck.check} and this kit's ids, if it lists an
   *     empty name, an id of this kit's kind the kit does not have, or an id of no kit
   */
  public List<KitCheck> selectedChecks() {
    List<String> ids = TckMatrix.names(TckMatrix.CHECK);
    List<KitCheck> all = checks();
    if (ids.isEmpty()) {
      return all;
    }
    Set<String> own = new LinkedHashSet<>(checkIds());
    Set<String> ownKinds = new LinkedHashSet<>();
    own.forEach(id -> ownKinds.add(kindOf(id)));
    for (String id : ids) {
      boolean ofThisKit = own.contains(id) || all.stream().anyMatch(c -> c.id().equals(id));
      if (!ofThisKit && (ownKinds.contains(kindOf(id)) || !KINDS.contains(kindOf(id)))) {
        throw new IllegalArgumentException(Printable.of(TckMatrix.CHECK + " '"
            + System.getProperty(TckMatrix.CHECK) + "' has the unknown check '" + id
            + "'; the checks of " + subject() + " are " + String.join(", ", own)
            + ", and the other kits' start with "
            + KINDS.stream().filter(k -> !ownKinds.contains(k)).map(k -> k + ".").toList()));
      }
    }
    List<KitCheck> out = new ArrayList<>();
    for (KitCheck c : all) {
      if (ids.contains(c.id()) || ids.contains(rule(c.id()))) {
        out.add(c);
      }
    }
    return out;
  }

  /** The system properties {@link #selectedChecks()} reads: {@code tck.check}. */
  protected List<String> selectionProperties() {
    return List.of(TckMatrix.CHECK);
  }

  /**
   * The ids {@code -Dtck.check} may select in this kit: those of {@link #checks()}, each without
   * a bracketed combination ({@code map.order} for {@code map.order[a/b/c]}).
   */
  protected List<String> checkIds() {
    return checks().stream().map(c -> rule(c.id())).distinct().toList();
  }

  /** {@code id} without a bracketed suffix: {@code map.order} for {@code map.order[a/b/c]}. */
  static String rule(String id) {
    int bracket = id.indexOf('[');
    return bracket < 0 ? id : id.substring(0, bracket);
  }

  private static String kindOf(String id) {
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }

  /**
   * The Maven properties that run {@code check} again alone with {@code runSeed}, as a failure
   * under JUnit prints them: {@code -Dtest=} the kit's class (when it is a top-level class),
   * {@code -Dtck.seed}, {@code -Dtck.check} and {@code -Dtck.timeout} if it is not the default.
   */
  protected String reproduce(KitCheck check, long runSeed) {
    Class<?> kit = getClass();
    String time = timeout().equals(TckRunner.DEFAULT_TIMEOUT) ? ""
        : " -D" + TckMatrix.TIMEOUT + "=" + TckRunner.timeOption(timeout());
    return (kit.getEnclosingClass() == null && !kit.isAnonymousClass()
        ? "-Dtest=" + kit.getSimpleName() + " " : "")
        + "-D" + TckMatrix.SEED + "=" + runSeed + " -D" + TckMatrix.CHECK + "=" + rule(check.id())
        + time;
  }

  /**
   * The checks as JUnit 5 dynamic tests, each named {@code id: contract}; subclasses inherit this
   * and need nothing else. It runs {@link #selectedChecks()}: all of them unless {@code
   * -Dtck.check} selects some; when it selects none of this kit's, one aborted test says so. A
   * failure ends with the properties that run it again alone ({@link #reproduce}).
   * Once a check has timed out, the later ones fail at once without running, naming it (see
   * {@link #run(long, Duration, TckRunner.Guard)}).
   */
  @TestFactory
  public final Stream<DynamicTest> verify() {
    long runSeed = seed();
    Duration timeout = timeout();
    List<KitCheck> selected = selectedChecks();
    if (selected.isEmpty()) {
      List<String> set = new ArrayList<>();
      for (String key : selectionProperties()) {
        String value = System.getProperty(key);
        if (value != null && !value.isBlank()) {
          set.add("-D" + key + "=" + value);
        }
      }
      String why = Printable.of(
          String.join(" ", set) + " selects none of the checks of " + subject());
      return Stream.of(DynamicTest.dynamicTest(why, () -> Assumptions.abort(why)));
    }
    TckRunner.Guard guard = new TckRunner.Guard();
    return selected.stream()
        .map(check -> DynamicTest.dynamicTest(testName(check), () -> {
          String subject = subject();
          try {
            TckRunner.within(timeout, subject, check.id(), guard,
                () -> check.run(checkSeed(runSeed, check)));
          } catch (TckRunner.NotRun e) {
            throw new AssertionError(Printable.of(subject + " " + check.id() + " ("
                + check.contract() + "): " + e.getMessage() + " [reproduce: "
                + reproduce(check, runSeed) + "]"), e);
          } catch (TckCheck.CheckSkipped e) {
            Assumptions.abort(Printable.of(check.id() + " does not apply: " + e.getMessage()));
          } catch (AssertionError e) {
            throw new AssertionError(Printable.of(subject + " broke " + check.id() + " ("
                + check.contract() + "): " + e.getMessage() + " [reproduce: "
                + reproduce(check, runSeed) + "]"), e);
          } catch (Exception e) {
            throw new AssertionError(Printable.of(subject + " broke " + check.id() + " ("
                + check.contract() + "): the plugin threw " + e + " [reproduce: "
                + reproduce(check, runSeed) + "]"), e);
          }
        }));
  }
}
