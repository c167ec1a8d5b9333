package io.gomap4j.tck;

import static java.util.Objects.requireNonNull;

import io.gomap4j.api.internal.Printable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs checks over combinations and collects a {@link TckReport}. Each check gets a seed derived
 * from the run's seed, the combination and the check, so one failure can be run again alone with
 * the reproduce line of its result.
 */
public final class TckRunner {

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 0x60A4A9L;

  /**
   * How long one check may run when no timeout is given, as {@code --timeout} and {@code
   * tck.timeout} write it: {@code 60s}, generous for any check of a sound plugin (the slowest
   * bundled ones take a few seconds). {@link #DEFAULT_TIMEOUT} is read from it.
   */
  public static final String DEFAULT_TIMEOUT_OPTION = "60s";

  /** {@link #DEFAULT_TIMEOUT_OPTION} as a duration. */
  public static final Duration DEFAULT_TIMEOUT =
      TckMatrix.parseTimeout("DEFAULT_TIMEOUT_OPTION", DEFAULT_TIMEOUT_OPTION);

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
        throw new IllegalArgumentException("unknown TCK check '" + Printable.of(id)
            + "'; valid ids: " + String.join(", ", byId.keySet()));
      }
      out.add(c);
    }
    return out;
  }

  /** Runs every check on every combination, each within {@link TckMatrix#timeout()}. */
  public static TckReport run(
      List<Combination> combinations, List<TckCheck> checks, long seed, Listener listener) {
    return run(combinations, checks, seed, TckMatrix.timeout(), listener);
  }

  /**
   * Runs every check on every combination, with a {@link Guard} of its own. A check that has not
   * finished after {@code timeout} fails, naming the timeout, and the run goes on with the next
   * one, as {@link #run(List, List, long, Duration, Guard, Listener)} says.
   *
   * @param timeout how long each check may run; {@link Duration#ZERO} for no limit
   */
  public static TckReport run(List<Combination> combinations, List<TckCheck> checks, long seed,
      Duration timeout, Listener listener) {
    return run(combinations, checks, seed, timeout, new Guard(), listener);
  }

  /**
   * Runs every check on every combination. A check that has not finished after {@code timeout}
   * fails, naming the timeout, and the run goes on; but the later checks of the same combination
   * fail at once without running, naming the check that did not finish, and once {@code guard}
   * has seen {@link Guard#MAX_TIMEOUTS} checks time out, so does every later check.
   *
   * @param timeout how long each check may run; {@link Duration#ZERO} for no limit
   * @param guard the timeouts seen so far in this run, shared with the kits of the same run
   */
  public static TckReport run(List<Combination> combinations, List<TckCheck> checks, long seed,
      Duration timeout, Guard guard, Listener listener) {
    requireNonNull(combinations, "combinations is null");
    requireNonNull(timeout, "timeout is null");
    requireNonNull(checks, "checks is null");
    requireNonNull(guard, "guard is null");
    requireNonNull(listener, "listener is null");
    List<CheckResult> results = new ArrayList<>();
    int total = combinations.size() * checks.size();
    int index = 0;
    for (Combination c : combinations) {
      for (TckCheck check : checks) {
        index++;
        listener.started(index, total, c, check);
        CheckResult r = runOne(c, check, checkSeed(seed, c, check), seed, timeout, guard);
        results.add(r);
        listener.finished(index, total, r);
      }
    }
    return new TckReport(results);
  }

  /** Runs one check with an explicit check seed, within {@link TckMatrix#timeout()}. */
  public static CheckResult runOne(Combination c, TckCheck check, long checkSeed, long runSeed) {
    return runOne(c, check, checkSeed, runSeed, TckMatrix.timeout());
  }

  /**
   * Runs one check with an explicit check seed.
   *
   * @param timeout how long it may run; {@link Duration#ZERO} for no limit
   */
  public static CheckResult runOne(Combination c, TckCheck check, long checkSeed, long runSeed,
      Duration timeout) {
    return runOne(c, check, checkSeed, runSeed, timeout, new Guard());
  }

  private static CheckResult runOne(Combination c, TckCheck check, long checkSeed, long runSeed,
      Duration timeout, Guard guard) {
    String time = timeout.equals(DEFAULT_TIMEOUT) ? "" : timeOption(timeout);
    String reproduce = "-D" + TckMatrix.HASH + "=" + c.hash().name()
        + " -D" + TckMatrix.LAYOUT + "=" + c.layout().name()
        + " -D" + TckMatrix.GROWTH + "=" + c.growth().name()
        + " -D" + TckMatrix.SEED + "=" + runSeed
        + " -D" + TckMatrix.CHECK + "=" + check.id()
        + (time.isEmpty() ? "" : " -D" + TckMatrix.TIMEOUT + "=" + time)
        + "  (or: ./gomap4j tck --hash " + c.hash().name() + " --layout " + c.layout().name()
        + " --growth " + c.growth().name() + " --seed " + runSeed + " --check " + check.id()
        + (time.isEmpty() ? "" : " --timeout " + time) + "; check seed " + checkSeed + ")";
    return timed(c.id(), check.id(), check.description(), checkSeed, reproduce, timeout, guard,
        () -> check.run(c, checkSeed));
  }

  /** The body of one check run. */
  @FunctionalInterface
  public interface CheckBody {
    /** Runs the check: returns to pass, throws to fail, throws {@link TckCheck.CheckSkipped}. */
    void run() throws Exception;
  }

  /**
   * Runs {@code body} within {@link TckMatrix#timeout()} and records its outcome and time, as
   * {@link #timed(String, String, String, long, String, Duration, CheckBody)} does.
   */
  public static CheckResult timed(String subject, String checkId, String description,
      long checkSeed, String reproduce, CheckBody body) {
    return timed(subject, checkId, description, checkSeed, reproduce, TckMatrix.timeout(), body);
  }

  /**
   * Runs {@code body} and records its outcome and time: passed if it returns, skipped with the
   * reason if it throws {@link TckCheck.CheckSkipped}, failed with the exception otherwise, and
   * failed naming the timeout if it has not finished after {@code timeout} (see {@link
   * #within}). A {@link VirtualMachineError} other than a stack overflow is not a result and
   * propagates.
   *
   * @param timeout how long the body may run; {@link Duration#ZERO} for no limit
   */
  public static CheckResult timed(String subject, String checkId, String description,
      long checkSeed, String reproduce, Duration timeout, CheckBody body) {
    return timed(subject, checkId, description, checkSeed, reproduce, timeout, new Guard(), body);
  }

  /**
   * Runs {@code body} and records its outcome and time, as {@link #timed(String, String, String,
   * long, String, Duration, CheckBody)} does, unless {@code guard} refuses to run it because a
   * check of the same subject, or too many checks of the run, did not finish in time (see {@link
   * Guard}): then the result is failed at once, its message starting with {@code not run:}.
   *
   * @param subject what is under test: the combination in the matrix, the kit's subject in a kit
   * @param timeout how long the body may run; {@link Duration#ZERO} for no limit
   * @param guard the timeouts seen so far in the run
   */
  public static CheckResult timed(String subject, String checkId, String description,
      long checkSeed, String reproduce, Duration timeout, Guard guard, CheckBody body) {
    requireNonNull(timeout, "timeout is null");
    long start = System.nanoTime();
    CheckResult.Status status;
    String message;
    Throwable failure = null;
    try {
      within(timeout, subject, checkId, guard, body);
      status = CheckResult.Status.PASSED;
      message = "";
    } catch (NotRun e) {
      status = CheckResult.Status.FAILED;
      message = e.getMessage();
      failure = e;
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

  /**
   * Runs {@code body} on a thread of its own and waits at most {@code timeout} for it: returns or
   * throws as the body did, or, if it has not finished in time, interrupts it and throws an
   * {@link AssertionError} that names the check, the timeout and where the body was, with the
   * body's stack as its stack trace. A body that ignores the interrupt is left running on its
   * daemon thread; nothing waits for it.
   *
   * @param timeout how long the body may run; {@link Duration#ZERO} runs it on the calling thread
   *     with no limit
   * @param checkId the check, for the thread's name and the message
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  public static void within(Duration timeout, String checkId, CheckBody body) throws Exception {
    within(timeout, checkId, checkId, new Guard(), body);
  }

  /**
   * Runs {@code body} as {@link #within(Duration, String, CheckBody)} does, unless {@code guard}
   * refuses: then it throws {@link NotRun} without running it. A timeout is recorded in {@code
   * guard} against {@code subject}.
   *
   * @param subject what is under test: the combination in the matrix, the kit's subject in a kit
   * @param guard the timeouts seen so far in the run
   * @throws NotRun naming the check that did not finish, if {@code guard} refuses to run the body
   */
  public static void within(Duration timeout, String subject, String checkId, Guard guard,
      CheckBody body) throws Exception {
    within(timeout, subject, checkId, guard, (task, nanos) -> task.get(nanos, TimeUnit.NANOSECONDS),
        body);
  }

  /** How {@link #within} waits for a check's thread; tests replace it to time out on cue. */
  @FunctionalInterface
  interface Wait {
    /** Waits up to {@code nanos} for {@code task}, as {@link FutureTask#get(long, TimeUnit)}. */
    void await(FutureTask<Void> task, long nanos)
        throws InterruptedException, ExecutionException, TimeoutException;
  }

  static void within(Duration timeout, String subject, String checkId, Guard guard, Wait wait,
      CheckBody body) throws Exception {
    requireNonNull(timeout, "timeout is null");
    requireNonNull(subject, "subject is null");
    requireNonNull(guard, "guard is null");
    requireNonNull(body, "body is null");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
    }
    String refusal = guard.refusal(subject);
    if (refusal != null) {
      throw new NotRun(refusal);
    }
    if (timeout.isZero()) {
      body.run();
      return;
    }
    FutureTask<Void> task = new FutureTask<>(() -> {
      body.run();
      return null;
    });
    Thread thread = new Thread(task, "tck-check " + checkId);
    thread.setDaemon(true);
    thread.start();
    long nanos;
    try {
      nanos = timeout.toNanos();
    } catch (ArithmeticException e) {
      nanos = Long.MAX_VALUE; // centuries: no limit in practice
    }
    try {
      wait.await(task, nanos);
    } catch (TimeoutException e) {
      StackTraceElement[] where = thread.getStackTrace();
      task.cancel(true);
      guard.timedOut(subject, checkId, timeout);
      AssertionError timedOut = new AssertionError(checkId + " did not finish within "
          + describe(timeout) + ", the per-check timeout, and was interrupted"
          + (where.length > 0 ? "; it was at " + firstOwnFrame(where) : "") + ". Check for an"
          + " endless loop or a wait that never ends, or give a longer timeout (--timeout on the"
          + " command line; under JUnit -D" + TckMatrix.TIMEOUT + ", or the kit's timeout() where"
          + " it overrides it)");
      timedOut.setStackTrace(where);
      throw timedOut;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    } catch (InterruptedException e) {
      task.cancel(true);
      throw e;
    }
  }

  /** A check that was not run because an earlier one did not finish; see {@link Guard}. */
  public static final class NotRun extends AssertionError {
    private static final long serialVersionUID = 1L;

    NotRun(String message) {
      super(message);
    }
  }

  /**
   * What one run has seen of checks that did not finish in time, so that a plugin that hangs
   * costs the run a few timeouts rather than one per check. Each such check leaves its thread
   * behind, possibly still running in the plugin, so after one check of a subject (a combination
   * in the matrix, a plugin's kit) times out, the later checks of that subject are not run; and
   * after {@link #MAX_TIMEOUTS} checks of the run have timed out, no later check is run. A check
   * not run fails at once, its message naming the check that did not finish. A run (the matrix,
   * a kit, or a whole {@code gomap4j tck} command) uses one guard; it is thread-safe.
   */
  public static final class Guard {

    /** How many checks of one run may time out before the run stops running checks. */
    public static final int MAX_TIMEOUTS = 3;

    private final Map<String, String> bySubject = new LinkedHashMap<>();
    private final List<String> timedOut = new ArrayList<>();

    /** A guard that has seen no timeout. */
    public Guard() {}

    /** How many checks have timed out under this guard. */
    public synchronized int timeouts() {
      return timedOut.size();
    }

    /** Why a check of {@code subject} must not run, as a {@code not run:} message; else null. */
    synchronized String refusal(String subject) {
      String stuck = bySubject.get(subject);
      if (stuck != null) {
        return "not run: " + stuck + "; the later checks of " + subject + " are not run, so as"
            + " not to leave more threads stuck in it";
      }
      if (timedOut.size() >= MAX_TIMEOUTS) {
        return "not run: " + MAX_TIMEOUTS + " checks did not finish in time and their threads may"
            + " still be running (" + String.join("; ", timedOut) + "); after "
            + MAX_TIMEOUTS + " such checks no later check of the run is run";
      }
      return null;
    }

    /** Records that {@code checkId} of {@code subject} did not finish within {@code timeout}. */
    synchronized void timedOut(String subject, String checkId, Duration timeout) {
      String what = "check " + checkId + " did not finish within " + describe(timeout)
          + " and its thread may still be running";
      bySubject.putIfAbsent(subject, what);
      timedOut.add("check " + checkId + " of " + subject + " within " + describe(timeout));
    }
  }

  /**
   * The first frame outside the JDK, where a plugin's own code was, else the top frame, as
   * {@code class.method(File.java:line)}.
   */
  private static String firstOwnFrame(StackTraceElement[] stack) {
    StackTraceElement frame = stack[0];
    for (StackTraceElement f : stack) {
      String c = f.getClassName();
      if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
        frame = f;
        break;
      }
    }
    return frame.getClassName() + "." + frame.getMethodName() + "(" + (frame.getFileName() != null
        ? frame.getFileName() + (frame.getLineNumber() >= 0 ? ":" + frame.getLineNumber() : "")
        : "Unknown Source") + ")";
  }

  /**
   * A timeout as {@link TckMatrix#parseTimeout} reads it: {@code 60s}, {@code 250ms}. A duration of
   * whole seconds is written in seconds, any other in milliseconds, rounded up so that a positive
   * duration never reads as {@code 0} (no limit); it does not overflow, however long.
   *
   * @throws IllegalArgumentException if {@code d} is negative
   */
  public static String timeOption(Duration d) {
    return format(d, "");
  }

  /** {@code 60 s}, {@code 250 ms}: {@link #timeOption} for people. */
  static String describe(Duration d) {
    return format(d, " ");
  }

  private static String format(Duration d, String space) {
    requireNonNull(d, "duration is null");
    if (d.isNegative()) {
      throw new IllegalArgumentException("a timeout must not be negative, got " + d);
    }
    long seconds = d.getSeconds();
    if (d.getNano() == 0) {
      return seconds + space + "s";
    }
    if (seconds >= Long.MAX_VALUE / 1000 - 1) {
      return (seconds + 1) + space + "s"; // beyond a long of milliseconds: whole seconds, rounded up
    }
    return (seconds * 1000 + (d.getNano() + 999_999) / 1_000_000) + space + "ms";
  }
}
