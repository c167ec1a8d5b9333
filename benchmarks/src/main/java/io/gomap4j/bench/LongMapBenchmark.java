package io.gomap4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code long -> long} maps side by side: gomap4j's {@code LongLongGoMap} and
 * {@code GoMap<Long,Long>} (both {@code memhash-go119}, layout amd64, growth go119),
 * {@code HashMap<Long,Long>}, fastutil, Eclipse Collections, Agrona and HPPC (see
 * {@link LongMapUnderTest}), at 1,000, 100,000 and 10,000,000 entries.
 *
 * <ul>
 *   <li>{@code getHit}, {@code getMiss}: one lookup of a present key (in a shuffled order, not the
 *       insertion order) or of a key from a disjoint absent set; ns per lookup.
 *   <li>{@code remove}: removes a present key and puts it back, so the map keeps its size; ns per
 *       remove and put.
 *   <li>{@code iterate}: visits every entry; time per whole map (divide by {@code size}).
 *   <li>{@code putPresized}, {@code putGrowing}: fills a new map with {@code size} entries, created
 *       for {@code size} entries or with the implementation's default capacity; time per whole map.
 * </ul>
 *
 * <p>Keys are computed before measuring ({@link Keys}); the boxing maps get ready {@link Long}s, and
 * their lookup keys are other instances than the ones stored, as a caller's would be.
 *
 * <p>Run, from the repository root, after {@code mvn -B -q -pl benchmarks -am package -DskipTests}
 * ({@code benchmarks/run-all.sh} runs it with the settings of the published results):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LongMapBenchmark -p size=1000,100000 \
 *     -f 1 -wi 2 -i 3 -w 1s -r 1s -rf json -rff benchmarks/results/longmap.json
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx10g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LongMapBenchmark {

  /** The keys of one implementation and size. */
  @State(Scope.Benchmark)
  public static class Data {
    /** The implementation: one of {@link LongMapUnderTest#NAMES}. */
    @Param({"gomap", "gomap-boxed", "hashmap", "fastutil", "eclipse", "agrona", "hppc"})
    public String impl;

    /** The number of entries. */
    @Param({"1000", "100000", "10000000"})
    public int size;

    long[] keys;
    Long[] boxedKeys;
    long[] hits;
    Long[] boxedHits;
    long[] misses;
    Long[] boxedMisses;

    /** Computes the keys; boxed copies only for the maps that box. */
    @Setup
    public void setUp() {
      LongMapUnderTest.create(impl, 0);
      keys = Keys.present(size);
      hits = Keys.shuffle(keys, 1);
      misses = Keys.absent(size);
      if (boxes(impl)) {
        boxedKeys = Keys.boxed(keys);
        boxedHits = Keys.boxed(hits);
        boxedMisses = Keys.boxed(misses);
      }
    }

    static boolean boxes(String impl) {
      return impl.equals(LongMapUnderTest.HASHMAP) || impl.equals(LongMapUnderTest.GOMAP_BOXED);
    }

    /** Fills a new map, created for {@code expected} entries (0: default capacity). */
    LongMapUnderTest fill(int expected) {
      LongMapUnderTest m = LongMapUnderTest.create(impl, expected);
      long[] k = keys;
      Long[] b = boxedKeys;
      for (int i = 0; i < k.length; i++) {
        m.put(k[i], b == null ? null : b[i]);
      }
      return m;
    }
  }

  /** A map filled with the present keys, and the position in the key arrays. */
  @State(Scope.Thread)
  public static class Filled {
    LongMapUnderTest map;
    long[] hits;
    Long[] boxedHits;
    long[] misses;
    Long[] boxedMisses;
    int next;

    /** Fills the map as {@code putPresized} does. */
    @Setup
    public void setUp(Data data) {
      map = data.fill(data.size);
      if (map.size() != data.size) {
        throw new IllegalStateException(data.impl + " holds " + map.size() + " entries, not "
            + data.size);
      }
      hits = data.hits;
      boxedHits = data.boxedHits;
      misses = data.misses;
      boxedMisses = data.boxedMisses;
    }

    int next() {
      int i = next;
      next = i + 1 == hits.length ? 0 : i + 1;
      return i;
    }
  }

  /** Looks up the next present key. */
  @Benchmark
  public long getHit(Filled f) {
    int i = f.next();
    Long[] b = f.boxedHits;
    return f.map.get(f.hits[i], b == null ? null : b[i]);
  }

  /** Looks up the next absent key. */
  @Benchmark
  public long getMiss(Filled f) {
    int i = f.next();
    Long[] b = f.boxedMisses;
    return f.map.get(f.misses[i], b == null ? null : b[i]);
  }

  /** Removes the next present key and puts it back. */
  @Benchmark
  public long remove(Filled f) {
    int i = f.next();
    Long[] b = f.boxedHits;
    long k = f.hits[i];
    Long bk = b == null ? null : b[i];
    long v = f.map.remove(k, bk);
    f.map.put(k, bk);
    return v;
  }

  /** Visits every entry. */
  @Benchmark
  public long iterate(Filled f) {
    return f.map.sum();
  }

  /** Fills a map created for {@code size} entries. */
  @Benchmark
  public Object putPresized(Data d) {
    return d.fill(d.size);
  }

  /** Fills a map created with the default capacity, so that it grows. */
  @Benchmark
  public Object putGrowing(Data d) {
    return d.fill(0);
  }
}
