package io.gomap4j.bench;

import io.gomap4j.engine.GoMaps;
import java.util.HashMap;
import java.util.Map;
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
 * {@code GoMap<String,Long>} ({@code memhash-go119}'s {@code strhash}, layout amd64, growth go119)
 * against {@code HashMap<String,Long>}, with the operations of {@link LongMapBenchmark}. Keys are
 * 20-character ASCII strings ({@link Keys#string}); lookups use other {@code String} instances with
 * the same characters than the ones stored. Java caches a string's {@code hashCode()} in the
 * instance, so HashMap hashes each lookup key once per run; gomap4j hashes the key's UTF-8 bytes
 * on every call, as Go hashes a string.
 *
 * <p>Run, from the repository root, after {@code mvn -B -q -pl benchmarks -am package -DskipTests}:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar StringMapBenchmark -p size=1000,100000 \
 *     -f 1 -wi 2 -i 3 -w 1s -r 1s -rf json -rff benchmarks/results/stringmap.json
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx10g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StringMapBenchmark {

  /** {@code GoMap<String,Long>}. */
  public static final String GOMAP = "gomap";
  /** {@code HashMap<String,Long>}. */
  public static final String HASHMAP = "hashmap";

  /** The keys of one implementation and size. */
  @State(Scope.Benchmark)
  public static class Data {
    /** The implementation: {@code gomap} or {@code hashmap}. */
    @Param({"gomap", "hashmap"})
    public String impl;

    /** The number of entries. */
    @Param({"1000", "100000", "10000000"})
    public int size;

    String[] keys;
    Long[] values;
    String[] hits;
    String[] misses;

    /** Computes the keys and values. */
    @Setup
    public void setUp() {
      create(impl, 0);
      keys = Keys.strings(0, size);
      values = new Long[size];
      for (int i = 0; i < size; i++) {
        values[i] = Long.valueOf(Keys.key(i));
      }
      // Other instances than the stored keys, with fresh (uncomputed) hash codes.
      String[] copies = Keys.strings(0, size);
      hits = Keys.shuffle(copies, 1);
      misses = Keys.shuffle(Keys.strings(size, size), 2);
    }

    /** Fills a new map, created for {@code expected} entries (0: default capacity). */
    Map<String, Long> fill(int expected) {
      Map<String, Long> m = create(impl, expected);
      String[] k = keys;
      Long[] v = values;
      for (int i = 0; i < k.length; i++) {
        m.put(k[i], v[i]);
      }
      return m;
    }
  }

  /** A new map; {@code expected} 0 for the default capacity. */
  static Map<String, Long> create(String impl, int expected) {
    switch (impl) {
      case GOMAP:
        return GoMaps.builder().hash("memhash-go119").layout("amd64").growth("go119")
            .seed(LongMapUnderTest.SEED).expectedSize(expected).build();
      case HASHMAP:
        return expected == 0 ? new HashMap<>() : new HashMap<>((int) (expected / 0.75 + 1));
      default:
        throw new IllegalArgumentException(
            "unknown map implementation '" + impl + "'; known: gomap, hashmap");
    }
  }

  /** A map filled with the present keys, and the position in the key arrays. */
  @State(Scope.Thread)
  public static class Filled {
    Map<String, Long> map;
    String[] hits;
    String[] misses;
    int next;

    /** Fills the map as {@code putPresized} does. */
    @Setup
    public void setUp(Data data) {
      map = data.fill(data.size);
      if (map.size() != data.size) {
        throw new IllegalStateException(data.impl + " holds " + map.size() + " entries");
      }
      hits = data.hits;
      misses = data.misses;
    }

    int next() {
      int i = next;
      next = i + 1 == hits.length ? 0 : i + 1;
      return i;
    }
  }

  /** Looks up the next present key. */
  @Benchmark
  public Long getHit(Filled f) {
    return f.map.get(f.hits[f.next()]);
  }

  /** Looks up the next absent key. */
  @Benchmark
  public Long getMiss(Filled f) {
    return f.map.get(f.misses[f.next()]);
  }

  /** Removes the next present key and puts it back. */
  @Benchmark
  public Long remove(Filled f) {
    String k = f.hits[f.next()];
    Long v = f.map.remove(k);
    f.map.put(k, v);
    return v;
  }

  /** Visits every entry. */
  @Benchmark
  public long iterate(Filled f) {
    long s = 0;
    for (Map.Entry<String, Long> e : f.map.entrySet()) {
      s += e.getKey().length() ^ e.getValue();
    }
    return s;
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
