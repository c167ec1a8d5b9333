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
 * The time to hash a byte array of {@code length} bytes: gomap4j's Go hashes ({@code memhash}) next
 * to hash4j's wyhash and komihash ({@code hashBytesToLong}).
 *
 * <p>Each call hashes the next of {@value Cursor#INPUTS} random arrays, so the result cannot be
 * constant-folded; the hash is returned, so JMH consumes it. Key material, platform (amd64) and
 * seed are fixed, see {@link HashUnderTest}. A hash that is not on the class path fails its own
 * parameter combinations in setup and no others.
 *
 * <p>Run, from the repository root, after {@code mvn -B -q install -DskipTests}:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar '\.HashBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 *
 * <p>The pattern {@code HashBenchmark} without the dot also runs {@link Int64HashBenchmark}. Pick
 * hashes or lengths with {@code -p hash=memhash-go119,hash4j-wyhash -p length=8}; write results with
 * {@code -rf json -rff hash.json} and turn them into a table with {@link ResultsTable}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HashBenchmark {

  /** The hash: a gomap4j hash provider's name, or {@code hash4j-} and a hash4j function. */
  @Param({"memhash-go119", "aeshash-go119", "hash4j-wyhash", "hash4j-komihash"})
  public String hash;

  /** The length of each input in bytes. */
  @Param({"8", "16", "64", "1024"})
  public int length;

  private HashUnderTest function;
  private byte[][] inputs;

  /** Finds the hash and fills the inputs; fails if the hash is not available. */
  @Setup
  public void setUp() {
    function = HashUnderTest.create(hash);
    Random random = new Random(42);
    inputs = new byte[Cursor.INPUTS][length];
    for (byte[] input : inputs) {
      random.nextBytes(input);
    }
  }

  /** The hash of the next input. */
  @Benchmark
  public long bytes(Cursor cursor) {
    return function.bytes(inputs[cursor.next()]);
  }
}
