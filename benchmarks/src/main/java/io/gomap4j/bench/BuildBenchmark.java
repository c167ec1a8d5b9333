package io.gomap4j.bench;

import io.gomap4j.api.BytesGoMap;
import io.gomap4j.api.GoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.GoMaps;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of making one empty map with default settings, as a program that builds many small maps
 * pays it: a new builder and {@code build()} ({@code GoMap<Object,Object>}), {@code buildLongLong()}
 * ({@code map[int64]int64}) and {@code buildBytes()} for {@link #BYTES_KEY} and {@link #BYTES_ELEM},
 * next to {@code new HashMap<>()}. Each call returns the map, so JMH consumes it. Plugins, layout,
 * growth policy, seed and key material are the defaults ({@code Settings}: system properties,
 * {@code gomap4j.properties}, else the built-in ones), so every map gets its own random seed.
 *
 * <p>Run, from the repository root, after {@code mvn -B -q -pl benchmarks -am package -DskipTests};
 * {@code -prof gc} adds the bytes allocated per map ({@code gc.alloc.rate.norm}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar BuildBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BuildBenchmark {

  /** The key type of {@link #buildBytes}: 16 bytes of plain memory, such as a UUID. */
  static final GoType BYTES_KEY = GoType.parse("[16]uint8");

  /** The elem type of {@link #buildBytes}. */
  static final GoType BYTES_ELEM = GoType.INT64;

  /** {@code GoMaps.builder().build()}: a map of Java objects. */
  @Benchmark
  public GoMap<Object, Object> build() {
    return GoMaps.builder().build();
  }

  /** {@code GoMaps.builder().buildLongLong()}: {@code map[int64]int64} in flat bucket memory. */
  @Benchmark
  public LongLongGoMap buildLongLong() {
    return GoMaps.builder().buildLongLong();
  }

  /** {@code buildBytes()} of {@code map[[16]uint8]int64} in flat bucket memory. */
  @Benchmark
  public BytesGoMap buildBytes() {
    return GoMaps.builder().keyType(BYTES_KEY).elemType(BYTES_ELEM).buildBytes();
  }

  /** {@code new HashMap<>()}, the reference. */
  @Benchmark
  public Map<Object, Object> hashMap() {
    return new HashMap<>();
  }
}
