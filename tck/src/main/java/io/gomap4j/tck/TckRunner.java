package io.gomap4j.tck;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs checks over combinations and collects a {@link TckReport}. Each check gets a seed derived
 * from the run's seed, the combination and the check, so one failure can be run again alone with
 * the reproduce line of its result.
 */
public final class TckRunner {

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 0x60A4A9L;

  /** Told about each check as it runs, for progress displays. */
  public interface Listener {
    /** Before a check runs. */
    default void started(int index, int total, Combination combination, TckCheck check) {}

    /** After a check ran. */
    default void finished(int index, int total, CheckResult result) {}
  }

  private TckRunner() {}

  /** The seed a check runs with: a mix of the run seed and the names. */
  public static long checkSeed(long runSeed, Combination c, TckCheck check) {
    long h = runSeed;
    for (char ch : (c.id() + "#" + check.id()).toCharArray()) {
      h = (h ^ ch) * 0x100000001b3L;
    }
    h ^= h >>> 29;
    return h;
  }

  /**
   * The checks of {@code all} whose ids are in {@code ids}, in the order of {@code ids}; all of them
   * when {@code ids} is empty.
   *
   * @throws IllegalArgumentException naming the valid ids, if an id is unknown
   */
  public static List<TckCheck> select(List<TckCheck> all, List<String> ids) {
    requireNonNull(all, "all is null");
    requireNonNull(ids, "ids is null");
    if (ids.isEmpty()) {
      return all;
    }
    Map<String, TckCheck> byId = new LinkedHashMap<>();
    for (TckCheck c : all) {
      byId.put(c.id(), c);
    }
    List<TckCheck> out = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      TckCheck c = byId.get(id.trim());
      if (c == null) {
        throw new IllegalArgumentException(
            "unknown TCK check '" + id + "'; valid ids: " + String.join(", ", byId.keySet()));
      }
      out.add(c);
    }
    return out;
  }

  /** Runs every check on every combination. */
  public static TckReport run(
      List<Combination> combinations, List<TckCheck> checks, long seed, Listener listener) {
    requireNonNull(combinations, "combinations is null");
    requireNonNull(checks, "checks is null");
    requireNonNull(listener, "listener is null");
    List<CheckResult> results = new ArrayList<>();
    int total = combinations.size() * checks.size();
    int index = 0;
    for (Combination c : combinations) {
      for (TckCheck check : checks) {
        index++;
        listener.started(index, total, c, check);
        CheckResult r = runOne(c, check, checkSeed(seed, c, check), seed);
        results.add(r);
        listener.finished(index, total, r);
      }
    }
    return new TckReport(results);
  }

  /** Runs one check with an explicit check seed. */
  public static CheckResult runOne(Combination c, TckCheck check, long checkSeed, long runSeed) {
    String reproduce = "-D" + TckMatrix.HASH + "=" + c.hash().name()
        + " -D" + TckMatrix.LAYOUT + "=" + c.layout().name()
        + " -D" + TckMatrix.GROWTH + "=" + c.growth().name()
        + " -D" + TckMatrix.SEED + "=" + runSeed
        + " -D" + TckMatrix.CHECK + "=" + check.id()
        + "  (or: ./gomap4j tck --hash " + c.hash().name() + " --layout " + c.layout().name()
        + " --growth " + c.growth().name() + " --seed " + runSeed + " --check " + check.id()
        + "; check seed " + checkSeed + ")";
    return timed(c.id(), check.id(), check.description(), checkSeed, reproduce,
        () -> check.run(c, checkSeed));
  }

  /** The body of one check run. */
  @FunctionalInterface
  public interface CheckBody {
    /** Runs the check: returns to pass, throws to fail, throws {@link TckCheck.CheckSkipped}. */
    void run() throws Exception;
  }

  /**
   * Runs {@code body} and records its outcome and time: passed if it returns, skipped with the
   * reason if it throws {@link TckCheck.CheckSkipped}, failed with the exception otherwise. A
   * {@link VirtualMachineError} other than a stack overflow is not a result and propagates.
   */
  public static CheckResult timed(String subject, String checkId, String description,
      long checkSeed, String reproduce, CheckBody body) {
    long start = System.nanoTime();
    CheckResult.Status status;
    String message;
    Throwable failure = null;
    try {
      body.run();
      status = CheckResult.Status.PASSED;
      message = "";
    } catch (TckCheck.CheckSkipped e) {
      status = CheckResult.Status.SKIPPED;
      message = e.getMessage();
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
        throw (VirtualMachineError) e;
      }
      status = CheckResult.Status.FAILED;
      message = e.getClass().getName() + ": " + e.getMessage();
      failure = e;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new CheckResult(subject, checkId, description, status, message, failure, checkSeed,
        reproduce, millis);
  }
}
