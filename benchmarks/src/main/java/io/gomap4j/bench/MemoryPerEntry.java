package io.gomap4j.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * gomap4j's maps also count their share of the shared empty page and of the hash provider.
 *
 * <p>Each implementation is measured in its own JVM (default layout: compressed oops).
 *
 * <p>Run, from the repository root, after {@code mvn -B -q -pl benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.gomap4j.bench.MemoryPerEntry \
 *     [--sizes 1000,3162,...] [--impl gomap,fastutil,...] [--out benchmarks/results/memory.json]
 * </pre>
 */
public final class MemoryPerEntry {

  /** Half-decade steps from 1e3 to 1e7. */
  static final String DEFAULT_SIZES =
      "1000,3162,10000,31623,100000,316228,1000000,3162278,10000000";

  private MemoryPerEntry() {}

  /** Measures every implementation in a child JVM, or (with {@code --child}) one in this JVM. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = Cli.options(args,
        "--sizes", DEFAULT_SIZES, "--impl", String.join(",", LongMapUnderTest.NAMES),
        "--heap", "8g", "--out", "benchmarks/results/memory.json", "--child", "");
    List<Integer> sizes = new ArrayList<>();
    for (String s : opts.get("--sizes").split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    if (!opts.get("--child").isEmpty()) {
      System.out.print(JsonOut.write(measure(opts.get("--child"), sizes)));
      return;
    }
    List<Object> results = new ArrayList<>();
    for (String impl : opts.get("--impl").split(",")) {
      LongMapUnderTest.create(impl, 0);
      System.err.printf("memory per entry: %s...%n", impl);
      String out = Cli.child(MemoryPerEntry.class,
          List.of("-Xmx" + opts.get("--heap"), "-Djdk.attach.allowAttachSelf=true",
              "-Djol.skipHotspotSAAttach=true"),
          List.of("--child", impl, "--sizes", opts.get("--sizes")));
      Map<?, ?> r = (Map<?, ?>) new ResultsTable.Json(out).document();
      results.add(r);
      System.err.println("  bytes/entry: " + r.get("bytesPerEntry"));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", "memory-per-entry");
    doc.put("machine", Cli.machine());
    doc.put("sizes", sizes);
    doc.put("results", results);
    Path out = Path.of(opts.get("--out"));
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, JsonOut.write(doc), StandardCharsets.UTF_8);
    System.err.println("wrote " + out);
  }

  /** The bytes per entry of {@code impl} at each size. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> measure(String impl, List<Integer> sizes) {
    List<Object> perEntry = new ArrayList<>();
    List<Object> total = new ArrayList<>();
    for (int n : sizes) {
      LongMapUnderTest m = LongMapUnderTest.create(impl, 0);
      Object map = m.map();
      for (int i = 0; i < n; i++) {
        long k = Keys.key(i);
        if (map instanceof Map) {
          ((Map<Long, Long>) map).put(Long.valueOf(k), Long.valueOf(~k));
        } else {
          m.put(k, null);
        }
      }
      if (m.size() != n) {
        throw new IllegalStateException(impl + " holds " + m.size() + " entries, not " + n);
      }
      long bytes = GraphLayout.parseInstance(map).totalSize();
      total.add(bytes);
      perEntry.add(bytes / (double) n);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("impl", impl);
    r.put("label", LongMapUnderTest.label(impl));
    r.put("sizes", sizes);
    r.put("totalBytes", total);
    r.put("bytesPerEntry", perEntry);
    r.put("jvm", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    return r;
  }
}
