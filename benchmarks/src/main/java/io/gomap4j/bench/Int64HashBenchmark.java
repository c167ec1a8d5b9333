package io.gomap4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The time to hash an 8-byte value, as a map with {@code int64} keys does: gomap4j's
 * {@code memhash64} next to hash4j's {@code hashLongToLong}. The counterpart of
 * {@link HashBenchmark} at length 8, without the byte array.
 *
 * <p>Each call hashes the next of {@value Cursor#INPUTS} random values, and the hash is returned.
 * A hash that is not on the class path fails its own parameter combination in setup.
 *
 * <p>Run, from the repository root, after {@code mvn -B -q install -DskipTests}:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar Int64HashBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Int64HashBenchmark {

  /** The hash: a gomap4j hash provider's name, or {@code hash4j-} and a hash4j function. */
  @Param({"memhash-go119", "aeshash-go119", "hash4j-wyhash", "hash4j-komihash"})
  public String hash;

  private HashUnderTest function;
  private long[] values;

  /** Finds the hash and fills the values; fails if the hash is not available. */
  @Setup
  public void setUp() {
    function = HashUnderTest.create(hash);
    values = new Random(42).longs(Cursor.INPUTS).toArray();
  }

  /** The hash of the next value. */
  @Benchmark
  public long int64(Cursor cursor) {
    return function.int64(values[cursor.next()]);
  }
}
