package io.gomap4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The machine's clock as the benchmarks see it, to turn their nanoseconds into cycles: a chain of
 * {@value #STEPS} dependent steps {@code x = x * K + i}. On x86-64 each step is a 64-bit
 * {@code imul} (3 cycles of latency) feeding an {@code add} (1 cycle), and no step can start before
 * the one before it ends, so a step takes 4 cycles whatever else the core could do in parallel:
 * the clock in GHz is {@code 4 / score}. On other architectures the JIT may fuse the two into one
 * multiply-add of another latency, and the score is not 4 cycles.
 *
 * <p>A virtual machine's clock is what its host gives it, and can change between runs: measure it
 * in the same run as the benchmark whose cycles you want, for example
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'ClockBenchmark|Int64HashBenchmark' \
 *     -p hash=aeshash-go119 -f 2 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 *
 * <p>and divide the hash's score by the clock's score over 4 (ns per cycle).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClockBenchmark {

  /** The steps per call: enough that the call's own cost vanishes in the average. */
  static final int STEPS = 100_000;

  /** An odd 64-bit constant, so that the chain never collapses to a constant. */
  private static final long K = 0x9E3779B97F4A7C15L;

  /** The start of the chain, a field so that the JIT cannot fold the chain. */
  private long start = 1;

  /** One chain; the score is the time of one step (4 cycles on x86-64). */
  @Benchmark
  @OperationsPerInvocation(STEPS)
  public long step() {
    return chain(start, STEPS);
  }

  /** {@code steps} dependent steps from {@code x}. */
  static long chain(long x, int steps) {
    for (int i = 0; i < steps; i++) {
      x = x * K + i;
    }
    return x;
  }
}
