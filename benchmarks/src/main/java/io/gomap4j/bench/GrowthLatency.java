package io.gomap4j.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.HdrHistogram.Histogram;

/**
 * The latency of every single put while a map grows from empty to {@code size} entries (default
 * 10,000,000), per implementation, each in its own JVM.
 *
 * <p>Each child JVM first fills two throw-away maps to a tenth of the size, but to at least
 * 1,000,000 entries (or the size, if smaller), so that the put and growth paths are compiled: with
 * warm-up fills of 100,000, the JIT was still compiling {@code evacuate} and its callers during a
 * measured fill of 1,000,000. It then times every put of the measured fill with
 * {@link System#nanoTime()} and records it in an HdrHistogram. Garbage collector pauses are taken
 * from the {@link GarbageCollectorMXBean} notifications (start and end, millisecond resolution,
 * placed on {@code nanoTime}'s clock by one {@code System.gc()} timed just before the fill); a put
 * whose interval overlaps a pause widened by 1 ms and the calibration's uncertainty on each side
 * is left out of the "excluding GC" figures. Both sets of figures are reported, with the pauses beside them.
 *
 * <p>The implementation {@value #CONTROL} is no map: each timed step makes two read-modify-writes
 * at random places of a {@code long[]} filled beforehand (16 longs per step of the fill, rounded
 * down to a power of two: 1 GiB for 10,000,000), about the memory traffic of a put
 * into a large map, under the same timing, warm-up and GC accounting. Its percentiles are the
 * machine's own floor for memory-bound steps of this length (scheduling, the hypervisor, non-GC
 * safepoints): a map's figure near the control's is the machine's, not the map's.
 *
 * <p>Run, from the repository root, after {@code mvn -B -q -pl benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.gomap4j.bench.GrowthLatency \
 *     [--size 10000000] [--impl gomap,fastutil,...] [--heap 8g] [--out benchmarks/results/growth.json]
 *     [--repeat 1] [--repeat-impl gomap,control]
 * </pre>
 *
 * <p>One fill's slowest put is a single event, and on a shared machine it moves by several times
 * between fills. With {@code --repeat N}, the implementations of {@code --repeat-impl} (by default
 * the primitive gomap4j map and the control) are filled N times, taking turns after the first pass,
 * and each one's result lists every fill's figures under {@code fills}.
 */
public final class GrowthLatency {

  /** The no-map control's name in {@code --impl} and in the results. */
  static final String CONTROL = "control";

  /** The p99.99 target's bound: steps slower than this are counted in {@code over20usCount}. */
  static final long OVER_NANOS = 20_000;

  private static final String CONTROL_LABEL = "no map: 2 random writes per step (control)";

  private GrowthLatency() {}

  /** One timed step of a fill: the {@code i}-th put, or the control's writes. */
  @FunctionalInterface
  interface Step {
    void run(int i);
  }

  /** Runs every implementation in a child JVM, or (with {@code --child}) one in this JVM. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = Cli.options(args,
        "--size", "10000000", "--impl", String.join(",", LongMapUnderTest.NAMES) + "," + CONTROL,
        "--heap", "8g", "--out", "benchmarks/results/growth.json", "--child", "",
        "--repeat", "1", "--repeat-impl", LongMapUnderTest.GOMAP + "," + CONTROL);
    int size = Cli.positive(opts, "--size");
    if (!opts.get("--child").isEmpty()) {
      System.out.print(JsonOut.write(measure(opts.get("--child"), size)));
      return;
    }
    int repeat = Cli.positive(opts, "--repeat");
    List<String> impls = List.of(opts.get("--impl").split(","));
    for (String impl : impls) {
      if (!impl.equals(CONTROL)) {
        LongMapUnderTest.create(impl, 0);
      }
    }
    List<String> repeatImpls = List.of(opts.get("--repeat-impl").split(","));
    for (String impl : repeatImpls) {
      if (!impl.equals(CONTROL) && !LongMapUnderTest.NAMES.contains(impl)) {
        throw new IllegalArgumentException("--repeat-impl names '" + impl + "'; allowed: "
            + String.join(", ", LongMapUnderTest.NAMES) + ", " + CONTROL);
      }
    }
    Map<String, Map<String, Object>> byImpl = new LinkedHashMap<>();
    for (String impl : impls) {
      byImpl.put(impl, fill(impl, size, opts.get("--heap")));
    }
    // Further fills of the repeated implementations, taking turns, so that a slow spell of the
    // machine falls on each of them alike. Each one's "fills" lists every fill's figures.
    Map<String, List<Object>> repeated = new LinkedHashMap<>();
    for (String impl : repeatImpls) {
      if (byImpl.containsKey(impl) && repeat > 1) {
        List<Object> fills = new ArrayList<>(List.of(fillFigures(byImpl.get(impl))));
        byImpl.get(impl).put("fills", fills);
        repeated.put(impl, fills);
      }
    }
    for (int round = 2; round <= repeat; round++) {
      for (Map.Entry<String, List<Object>> e : repeated.entrySet()) {
        System.err.printf("  fill %d of %d:%n", round, repeat);
        e.getValue().add(fillFigures(fill(e.getKey(), size, opts.get("--heap"))));
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", "growth-latency");
    doc.put("machine", Cli.machine());
    doc.put("results", new ArrayList<Object>(byImpl.values()));
    JsonOut.writeFile(Path.of(opts.get("--out")), doc);
  }

  /** One fill of {@code impl} in a child JVM: its result document. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> fill(String impl, int size, String heap) throws Exception {
    System.err.printf("growth latency: %s to %,d entries...%n", impl, size);
    String out = Cli.child(GrowthLatency.class,
        List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch"),
        List.of("--child", impl, "--size", Integer.toString(size)));
    Map<String, Object> r = (Map<String, Object>) new ResultsTable.Json(out).document();
    System.err.println("  " + summary(r));
    return r;
  }

  /** The figures of one fill that repeated fills are compared by (excluding GC). */
  static Map<String, Object> fillFigures(Map<?, ?> r) {
    Map<?, ?> ex = (Map<?, ?>) r.get("excludingGc");
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("fillMillis", r.get("fillMillis"));
    f.put("maxNanos", ex.get("maxNanos"));
    f.put("p99_99Nanos", ex.get("p99_99Nanos"));
    f.put("over20usCount", ex.get("over20usCount"));
    return f;
  }

  private static String summary(Map<?, ?> r) {
    Map<?, ?> all = (Map<?, ?>) r.get("all");
    Map<?, ?> ex = (Map<?, ?>) r.get("excludingGc");
    Map<?, ?> gc = (Map<?, ?>) r.get("gc");
    return String.format(java.util.Locale.ROOT,
        "max %.1f us, p99.99 %.2f us (excluding GC: max %.1f us, p99.99 %.2f us); %s GC pauses,"
            + " longest %s ms; most bytes allocated by one put: %s",
        (Double) all.get("maxNanos") / 1e3, (Double) all.get("p99_99Nanos") / 1e3,
        (Double) ex.get("maxNanos") / 1e3, (Double) ex.get("p99_99Nanos") / 1e3,
        ((Number) gc.get("count")).longValue(), ((Number) gc.get("maxMillis")).longValue(),
        ((Number) r.get("maxBytesAllocatedByOnePut")).longValue());
  }

  /** One GC pause, in milliseconds since the JVM started. */
  record Pause(String gc, String action, String cause, long startMs, long endMs) {}

  /** Fills one map of {@code impl} to {@code size} entries, timing each put. */
  static Map<String, Object> measure(String impl, int size) {
    boolean control = impl.equals(CONTROL);
    long[] keys = control ? null : Keys.present(size);
    Long[] boxed = !control && LongMapBenchmark.Data.boxes(impl) ? Keys.boxed(keys) : null;
    long[] memory = control ? filledControlArray(size) : null;
    int warm = Math.max(Math.min(size, 1_000_000), size / 10);
    for (int round = 0; round < 2; round++) {
      Step step = control ? controlStep(memory) : mapStep(impl, keys, boxed);
      for (int i = 0; i < warm; i++) {
        step.run(i);
      }
    }
    long[] starts = new long[size];
    int[] nanos = new int[size];
    Arrays.fill(starts, 1);
    Arrays.fill(nanos, 1);

    List<Pause> pauses = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
          return;
        }
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        synchronized (pauses) {
          pauses.add(new Pause(info.getGcName(), info.getGcAction(), info.getGcCause(),
              info.getGcInfo().getStartTime(), info.getGcInfo().getEndTime()));
        }
      }, null, null);
    }
    // The beans' clock (ms since the JVM started, where "started" can be seconds after the
    // RuntimeMXBean's start, e.g. with -XX:+AlwaysPreTouch) placed on nanoTime's by one
    // System.gc() between two nanoTime readings: that collection lies inside them.
    long gc0 = System.nanoTime();
    System.gc();
    long gc1 = System.nanoTime();
    Pause calibration = null;
    for (int wait = 0; wait < 50 && calibration == null; wait++) {
      sleep(20);
      synchronized (pauses) {
        for (Pause pause : pauses) {
          if (pause.cause().contains("System.gc")) {
            calibration = pause;
          }
        }
        pauses.clear();
      }
    }
    long nanoAtStart;
    long slackNs;
    if (calibration != null) {
      long early = gc0 - calibration.startMs() * 1_000_000L;
      long late = gc1 - calibration.endMs() * 1_000_000L;
      nanoAtStart = (early + late) / 2;
      slackNs = Math.abs(late - early) / 2 + 1_000_000L;
    } else {
      long uptimeNs0 = System.nanoTime();
      long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
      long uptimeNs1 = System.nanoTime();
      nanoAtStart = (uptimeNs0 + uptimeNs1) / 2 - uptimeMs * 1_000_000L;
      slackNs = 1_000_000L;
    }

    LongMapUnderTest m = control ? null : LongMapUnderTest.create(impl, 0);
    Step step = control ? controlStep(memory) : i -> m.put(keys[i], boxed == null ? null : boxed[i]);
    long runStart = System.nanoTime();
    for (int i = 0; i < size; i++) {
      long t0 = System.nanoTime();
      step.run(i);
      long t1 = System.nanoTime();
      starts[i] = t0;
      nanos[i] = (int) Math.min(Integer.MAX_VALUE, t1 - t0);
    }
    long runNanos = System.nanoTime() - runStart;
    if (m != null && m.size() != size) {
      throw new IllegalStateException(impl + " holds " + m.size() + " entries, not " + size);
    }
    sleep(200); // let the last notifications arrive
    List<Pause> ps;
    synchronized (pauses) {
      ps = new ArrayList<>(pauses);
    }
    ps.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
    // Pause intervals on the nanoTime clock, widened by the beans' resolution (1 ms) and the
    // calibration's uncertainty.
    long[] from = new long[ps.size()];
    long[] to = new long[ps.size()];
    for (int i = 0; i < ps.size(); i++) {
      from[i] = nanoAtStart + ps.get(i).startMs() * 1_000_000L - slackNs;
      to[i] = nanoAtStart + ps.get(i).endMs() * 1_000_000L + slackNs;
    }
    Histogram all = new Histogram(3_600_000_000_000L, 3);
    Histogram excl = new Histogram(3_600_000_000_000L, 3);
    int excluded = 0;
    int p = 0;
    int[] slowest = new int[10];
    Arrays.fill(slowest, -1);
    for (int i = 0; i < size; i++) {
      long t0 = starts[i];
      long t1 = t0 + nanos[i];
      all.recordValue(nanos[i]);
      while (p < from.length && to[p] < t0) {
        p++;
      }
      boolean overlaps = false;
      for (int q = p; q < from.length && from[q] <= t1; q++) {
        if (to[q] >= t0) {
          overlaps = true;
          break;
        }
      }
      if (overlaps) {
        excluded++;
      } else {
        excl.recordValue(nanos[i]);
      }
      insertSlowest(slowest, nanos, i);
    }
    long gcTotal = 0;
    long gcMax = 0;
    List<Object> pauseList = new ArrayList<>();
    for (Pause pause : ps) {
      long d = pause.endMs() - pause.startMs();
      gcTotal += d;
      gcMax = Math.max(gcMax, d);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("gc", pause.gc());
      e.put("action", pause.action());
      e.put("cause", pause.cause());
      e.put("startMillis", pause.startMs());
      e.put("durationMillis", d);
      pauseList.add(e);
    }
    List<Object> slow = new ArrayList<>();
    for (int i : slowest) {
      if (i < 0) {
        continue;
      }
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("put", i);
      e.put("nanos", nanos[i]);
      e.put("atMillis", (starts[i] - nanoAtStart) / 1_000_000L);
      slow.add(e);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("impl", impl);
    r.put("label", control ? CONTROL_LABEL : LongMapUnderTest.label(impl));
    r.put("size", size);
    r.put("fillMillis", runNanos / 1e6);
    r.put("all", percentiles(all));
    Map<String, Object> ex = percentiles(excl);
    ex.put("excludedPuts", excluded);
    r.put("excludingGc", ex);
    Map<String, Object> gc = new LinkedHashMap<>();
    gc.put("count", ps.size());
    gc.put("totalMillis", gcTotal);
    gc.put("maxMillis", gcMax);
    gc.put("pauses", pauseList);
    r.put("gc", gc);
    r.put("slowestPuts", slow);
    r.put("clockCalibration", calibration != null ? "System.gc()" : "uptime");
    r.put("pauseSlackMillis", slackNs / 1e6);
    r.put("maxBytesAllocatedByOnePut", maxAllocation(
        control ? controlStep(memory) : mapStep(impl, keys, boxed), size));
    r.put("jvm", ManagementFactory.getRuntimeMXBean().getInputArguments());
    return r;
  }

  /**
   * The most heap bytes that one put allocated in a second, untimed fill: the other measure of a
   * bounded put, independent of the machine's noise.
   */
  private static long maxAllocation(Step step, int size) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long max = 0;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < size; i++) {
      step.run(i);
      long after = threads.getCurrentThreadAllocatedBytes();
      max = Math.max(max, after - before);
      before = after;
    }
    return max;
  }

  /** Puts into a new map of {@code impl} with its default capacity. */
  private static Step mapStep(String impl, long[] keys, Long[] boxed) {
    LongMapUnderTest m = LongMapUnderTest.create(impl, 0);
    return i -> m.put(keys[i], boxed == null ? null : boxed[i]);
  }

  /**
   * The control's array for a fill of {@code size} steps: 16 longs a step, rounded down to a power
   * of two, every element written once so that its memory is mapped.
   */
  static long[] filledControlArray(int size) {
    long[] memory = new long[Integer.highestOneBit(Math.max(1, Math.min(size, 1 << 26))) * 16];
    for (int i = 0; i < memory.length; i++) {
      memory[i] = i;
    }
    return memory;
  }

  /** The control's step: two read-modify-writes at places drawn from {@code i} (SplitMix64). */
  static Step controlStep(long[] memory) {
    int mask = memory.length - 1;
    return i -> {
      long x = Keys.key(i);
      memory[(int) x & mask] += i;
      memory[(int) (x >>> 32) & mask] ^= x;
    };
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void insertSlowest(int[] slowest, int[] nanos, int i) {
    int last = slowest.length - 1;
    if (slowest[last] >= 0 && nanos[slowest[last]] >= nanos[i]) {
      return;
    }
    int j = last;
    while (j > 0 && (slowest[j - 1] < 0 || nanos[slowest[j - 1]] < nanos[i])) {
      slowest[j] = slowest[j - 1];
      j--;
    }
    slowest[j] = i;
  }

  private static Map<String, Object> percentiles(Histogram h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", h.getTotalCount());
    m.put("meanNanos", h.getMean());
    m.put("p50Nanos", (double) h.getValueAtPercentile(50));
    m.put("p99Nanos", (double) h.getValueAtPercentile(99));
    m.put("p99_9Nanos", (double) h.getValueAtPercentile(99.9));
    m.put("p99_99Nanos", (double) h.getValueAtPercentile(99.99));
    m.put("maxNanos", (double) h.getMaxValue());
    // The steps the p99.99 target counts against it: p99.99 < 20 us allows one in 10,000.
    m.put("over20usCount",
        h.getMaxValue() > OVER_NANOS ? h.getCountBetweenValues(OVER_NANOS + 1, h.getMaxValue()) : 0L);
    return m;
  }

}
