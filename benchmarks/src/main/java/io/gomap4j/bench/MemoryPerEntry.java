package io.gomap4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap bytes per entry of each {@code long -> long} map at sizes spaced logarithmically from 1,000
 * to 10,000,000, measured with JOL as {@code GraphLayout.parseInstance(map).totalSize() / n}: every
 * object reachable from the map, boxed keys and values included (each a distinct {@link Long}, as a
 * caller's would be). Each map grows from empty with its default capacity, so the figures include
 * the slack a map carries between two growths; that is why the table averages over many sizes.
 * gomap4j's shared empty pages (one per page size per JVM, read by every map until it writes a
 * page) are not counted: their bytes are recorded apart ({@code sharedBytesExcluded}). The hash
 * provider's few objects are counted.
 *
 * <p>JOL walks every object, which takes minutes for tens of millions of boxed entries: above
 * {@code --jol-max} entries (default 1,000,000) the maps that box ({@code HashMap},
 * {@code GoMap<Long,Long>}) are measured instead as the heap their fill adds after full
 * collections (the child JVMs run SerialGC, which compacts). At {@code --jol-max} itself both
 * methods run and both figures are recorded ({@code crossCheck*}). Each point's method is in the
 * result ({@code method}).
 *
 * <p>Each implementation is measured in its own JVM (default layout: compressed oops).
 *
 * <p>Run, from the repository root, after {@code mvn -B -q -pl benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.gomap4j.bench.MemoryPerEntry \
 *     [--sizes 1000,3162,...] [--impl gomap,fastutil,...] [--jol-max 1000000] \
 *     [--out benchmarks/results/memory.json]
 * </pre>
 */
public final class MemoryPerEntry {

  /** Half-decade steps from 1e3 to 1e7. */
  static final String DEFAULT_SIZES =
      "1000,3162,10000,31623,100000,316228,1000000,3162278,10000000";

  private MemoryPerEntry() {}

  /**
   * gomap4j's shared empty pages (one per page size per JVM, read by every map whose pages nobody
   * wrote yet): not any one map's memory. Null if they cannot be reached.
   */
  private static Object sharedEmptyPages() {
    try {
      Class<?> c = Class.forName("io.gomap4j.engine.internal.BucketArray");
      List<Object> pages = new ArrayList<>();
      for (String name : new String[] {"ZERO_BYTES", "ZERO_REFS"}) {
        java.lang.reflect.Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        pages.addAll(((Map<?, ?>) f.get(null)).values());
      }
      return pages.toArray();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** The used heap after full collections, in bytes. */
  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Measures every implementation in a child JVM, or (with {@code --child}) one in this JVM. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = Cli.options(args,
        "--sizes", DEFAULT_SIZES, "--impl", String.join(",", LongMapUnderTest.NAMES),
        "--heap", "8g", "--out", "benchmarks/results/memory.json", "--child", "",
        "--jol-max", "1000000");
    int jolMax = Integer.parseInt(opts.get("--jol-max"));
    List<Integer> sizes = new ArrayList<>();
    for (String s : opts.get("--sizes").split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    if (!opts.get("--child").isEmpty()) {
      System.out.print(JsonOut.write(measure(opts.get("--child"), sizes, jolMax)));
      return;
    }
    List<Object> results = new ArrayList<>();
    for (String impl : opts.get("--impl").split(",")) {
      LongMapUnderTest.create(impl, 0);
      System.err.printf("memory per entry: %s...%n", impl);
      String out = Cli.child(MemoryPerEntry.class,
          List.of("-Xmx" + opts.get("--heap"), "-XX:+UseSerialGC",
              "-Djdk.attach.allowAttachSelf=true", "-Djol.skipHotspotSAAttach=true"),
          List.of("--child", impl, "--sizes", opts.get("--sizes"), "--jol-max",
              Integer.toString(jolMax)));
      Map<?, ?> r = (Map<?, ?>) new ResultsTable.Json(out).document();
      results.add(r);
      System.err.println("  bytes/entry: " + r.get("bytesPerEntry"));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", "memory-per-entry");
    doc.put("machine", Cli.machine());
    doc.put("sizes", sizes);
    doc.put("results", results);
    JsonOut.writeFile(Path.of(opts.get("--out")), doc);
  }

  /**
   * Puts keys {@code 0 .. n-1} into {@code m}: for a map that boxes, into its {@link Map} as a new
   * {@link Long} key and value each, so that every entry holds instances of its own.
   */
  @SuppressWarnings("unchecked")
  private static void fill(LongMapUnderTest m, boolean boxes, int n) {
    Map<Long, Long> boxed = boxes ? (Map<Long, Long>) m.map() : null;
    for (int i = 0; i < n; i++) {
      long k = Keys.key(i);
      if (boxed != null) {
        boxed.put(Long.valueOf(k), Long.valueOf(~k));
      } else {
        m.put(k, null);
      }
    }
  }

  /**
   * The heap that a fresh map of {@code n} boxed entries adds, after full collections before and
   * after its fill: JOL's figure without JOL's walk. The caller drops its own map first.
   */
  private static long heapDelta(String impl, int n) {
    long before = usedAfterGc();
    LongMapUnderTest fresh = LongMapUnderTest.create(impl, 0);
    fill(fresh, true, n);
    long delta = usedAfterGc() - before;
    java.lang.ref.Reference.reachabilityFence(fresh);
    return delta;
  }

  /** The bytes per entry of {@code impl} at each size. */
  static Map<String, Object> measure(String impl, List<Integer> sizes, int jolMax) {
    Map<String, Object> r = new LinkedHashMap<>();
    List<Object> perEntry = new ArrayList<>();
    List<Object> total = new ArrayList<>();
    List<Object> methods = new ArrayList<>();
    List<Object> sharedExcluded = new ArrayList<>();
    boolean boxes = LongMapBenchmark.Data.boxes(impl);
    for (int n : sizes) {
      LongMapUnderTest m = LongMapUnderTest.create(impl, 0);
      fill(m, boxes, n);
      Object map = m.map();
      if (m.size() != n) {
        throw new IllegalStateException(impl + " holds " + m.size() + " entries, not " + n);
      }
      long bytes;
      if (boxes && n > jolMax) {
        // JOL walks every object; tens of millions of boxed entries take minutes. The heap grown
        // by the map after full collections (SerialGC compacts) is the same figure, to within
        // a TLAB; at jolMax both methods are recorded to show that they agree.
        m = null;
        map = null;
        bytes = heapDelta(impl, n);
        methods.add("heap-delta");
        sharedExcluded.add(0L);
      } else {
        GraphLayout layout = GraphLayout.parseInstance(map);
        Object shared = sharedEmptyPages();
        if (shared != null) {
          long before = layout.totalSize();
          layout = layout.subtract(GraphLayout.parseInstance(shared));
          sharedExcluded.add(before - layout.totalSize());
        } else {
          sharedExcluded.add(0L);
        }
        bytes = layout.totalSize();
        methods.add("jol");
        if (boxes && n == jolMax) {
          long jol = bytes;
          map = null;
          m = null;
          long delta = heapDelta(impl, n);
          r.put("crossCheckAt", n);
          r.put("crossCheckJolBytes", jol);
          r.put("crossCheckHeapDeltaBytes", delta);
        }
      }
      total.add(bytes);
      perEntry.add(bytes / (double) n);
    }
    r.put("impl", impl);
    r.put("label", LongMapUnderTest.label(impl));
    r.put("sizes", sizes);
    r.put("totalBytes", total);
    r.put("bytesPerEntry", perEntry);
    r.put("method", methods);
    r.put("sharedBytesExcluded", sharedExcluded);
    r.put("jvm", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    return r;
  }
}
