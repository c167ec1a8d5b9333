package io.gomap4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * A reduced comparison in about two minutes, printed as ratios: {@code LongLongGoMap} against
 * fastutil and {@code HashMap<Long,Long>} on get hit, get miss and put growing at 100,000 and
 * 1,000,000 entries (JMH, one fork, one short warmup, two short measurements), growth latency to
 * 1,000,000 entries, and memory per entry at four sizes. Too short for publishing: the full run
 * is {@code benchmarks/run-all.sh}. {@code gomap4j bench --quick} runs this class.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.gomap4j.bench.Quick
 * </pre>
 */
public final class Quick {

  private static final List<String> IMPLS =
      List.of(LongMapUnderTest.GOMAP, LongMapUnderTest.FASTUTIL, LongMapUnderTest.HASHMAP);
  private static final List<String> OPS = List.of("getHit", "getMiss", "putGrowing");
  private static final int[] SIZES = {100_000, 1_000_000};

  private Quick() {}

  /** Runs the reduced comparison and prints ratios to standard output. */
  public static void main(String[] args) throws Exception {
    Path tmp = Files.createTempDirectory("gomap4j-quick");
    System.out.println("gomap4j quick comparison (a reduced run on this machine; ratios below 1"
        + " mean LongLongGoMap is faster or smaller)");
    System.out.printf("%n[1/3] JMH: %s at %,d and %,d entries, %d forks of ~3 s...%n",
        String.join(", ", OPS), SIZES[0], SIZES[1], IMPLS.size() * OPS.size() * SIZES.length);
    System.out.flush();
    Options o = new OptionsBuilder()
        .include(LongMapBenchmark.class.getName() + "\\.(" + String.join("|", OPS) + ")$")
        .param("impl", IMPLS.toArray(new String[0]))
        .param("size", Integer.toString(SIZES[0]), Integer.toString(SIZES[1]))
        .forks(1)
        .warmupIterations(1).warmupTime(TimeValue.milliseconds(700))
        .measurementIterations(2).measurementTime(TimeValue.milliseconds(500))
        .jvmArgsAppend("-Xms1g", "-Xmx3g")
        .verbosity(VerboseMode.SILENT)
        .build();
    Collection<RunResult> results = new Runner(o).run();
    System.out.printf("%n%-12s %12s %16s %16s %16s %14s %14s%n", "operation", "entries",
        "LongLongGoMap ns", "fastutil ns", "HashMap ns", "vs fastutil", "vs HashMap");
    for (String op : OPS) {
      for (int size : SIZES) {
        double go = score(results, op, LongMapUnderTest.GOMAP, size);
        double fu = score(results, op, LongMapUnderTest.FASTUTIL, size);
        double hm = score(results, op, LongMapUnderTest.HASHMAP, size);
        double div = op.startsWith("put") ? size : 1;
        System.out.printf(Locale.ROOT, "%-12s %,12d %16.2f %16.2f %16.2f %13.2fx %13.2fx%n", op,
            size, go / div, fu / div, hm / div, go / fu, go / hm);
      }
    }
    System.out.println("(putGrowing: ns per put of a fill from empty)");

    System.out.printf("%n[2/3] growth latency to 1,000,000 entries, a JVM per map...%n");
    System.out.flush();
    Path growth = tmp.resolve("growth.json");
    List<String> timed = new ArrayList<>(IMPLS);
    timed.add(GrowthLatency.CONTROL);
    GrowthLatency.main(new String[] {"--size", "1000000", "--heap", "2g", "--impl",
        String.join(",", timed), "--out", growth.toString()});
    Report.Data d = Report.Data.load(tmp);
    for (String impl : timed) {
      Map<?, ?> r = Report.growthOf(d, impl);
      Map<?, ?> ex = (Map<?, ?>) r.get("excludingGc");
      System.out.printf(Locale.ROOT,
          "%-44s excluding GC: max %,10.1f us, p99.99 %,9.1f us; most bytes by one put %,d%n",
          r.get("label"), num(ex.get("maxNanos")) / 1e3,
          num(ex.get("p99_99Nanos")) / 1e3, (long) num(r.get("maxBytesAllocatedByOnePut")));
    }

    System.out.printf("%n[3/3] memory per entry (JOL) at 10,000 to 1,000,000 entries...%n");
    System.out.flush();
    Path memory = tmp.resolve("memory.json");
    MemoryPerEntry.main(new String[] {"--sizes", "10000,31623,100000,316228,1000000",
        "--heap", "2g", "--impl", String.join(",", IMPLS), "--out", memory.toString()});
    d = Report.Data.load(tmp);
    double fu = Report.memoryAverage(d, LongMapUnderTest.FASTUTIL);
    for (String impl : IMPLS) {
      double avg = Report.memoryAverage(d, impl);
      System.out.printf(Locale.ROOT, "%-32s %6.1f bytes per entry on average, %.2fx fastutil%n",
          LongMapUnderTest.label(impl), avg, avg / fu);
    }
    System.out.println();
    System.out.println("The published figures come from benchmarks/run-all.sh on a quiet machine.");
  }

  private static double score(Collection<RunResult> results, String op, String impl, int size) {
    for (RunResult r : results) {
      String b = r.getParams().getBenchmark();
      if (b.endsWith("." + op) && impl.equals(r.getParams().getParam("impl"))
          && Integer.toString(size).equals(r.getParams().getParam("size"))) {
        return r.getPrimaryResult().getScore();
      }
    }
    return Double.NaN;
  }

  private static double num(Object o) {
    return o instanceof Number ? ((Number) o).doubleValue() : Double.NaN;
  }
}
