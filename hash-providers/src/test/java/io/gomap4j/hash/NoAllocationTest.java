package io.gomap4j.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hashers allocate nothing per call. The check counts the bytes this thread allocates over many
 * calls after warm-up; a single object per call would show up as megabytes. The counter
 * ({@code com.sun.management.ThreadMXBean}) is reached reflectively, because the tests compile as
 * part of the {@code io.gomap4j.hash} module, which does not read the management modules.
 */
@DisplayName("memhash-go119's and aeshash-go119's hashers allocate nothing per call")
class NoAllocationTest {

  private static final int CALLS = 200_000;

  /** memhash-go119 on all four platforms, aeshash-go119 on amd64 and 386. */
  static Stream<Hasher> hashers() {
    return TestPlatforms.hashers(KeyMaterial.random(new Random(41)));
  }

  /**
   * Over 200,000 rounds of every method, with lengths from 0 to 299 (every length class of both
   * hashes) and four seeds, the thread allocates well under one byte per call.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hashers")
  @DisplayName("Hashing allocates less than one byte per call once warmed up")
  void allocatesNothingPerCall(Hasher h) {
    MethodHandle counter = allocationCounter();
    assumeTrue(counter != null, "this JVM has no per-thread allocation counter");

    byte[] data = new byte[400];
    new Random(42).nextBytes(data);
    long sink = run(h, data, CALLS);
    long before = allocatedBytes(counter);
    sink += run(h, data, CALLS);
    long allocated = allocatedBytes(counter) - before;
    assertThat(allocated).as("bytes allocated over %d rounds (sink %d)", CALLS, sink)
        .isLessThan(CALLS);
  }

  /**
   * Seeds that change on every call, as when a struct key's fields are hashed with each result as
   * the next seed, allocate nothing either: a hasher caches a seed only when it comes twice.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hashers")
  @DisplayName("Chained seeds (each hash the next seed) allocate nothing once warmed up")
  void chainedSeedsAllocateNothing(Hasher h) {
    MethodHandle counter = allocationCounter();
    assumeTrue(counter != null, "this JVM has no per-thread allocation counter");

    long sink = chained(h, CALLS);
    long before = allocatedBytes(counter);
    sink += chained(h, CALLS);
    long allocated = allocatedBytes(counter) - before;
    assertThat(allocated).as("bytes allocated over %d chained rounds (sink %d)", CALLS, sink)
        .isLessThan(CALLS);
  }

  private static long chained(Hasher h, int rounds) {
    byte[] data = new byte[16];
    long acc = 1;
    for (int i = 0; i < rounds; i++) {
      data[i & 15] = (byte) i;
      acc = h.memhash(data, 0, 1 + (i & 15), acc);
      acc = h.f64hash(i * 0.25, acc);
      acc = h.f32hash(i * 0.5f, acc);
      acc = h.memhash64(i, acc);
    }
    return acc;
  }

  /** {@code getCurrentThreadAllocatedBytes()} bound to the platform's thread bean, or null. */
  private static MethodHandle allocationCounter() {
    try {
      Object bean =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getThreadMXBean")
              .invoke(null);
      Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
      if (!type.isInstance(bean)
          || !(boolean) type.getMethod("isThreadAllocatedMemorySupported").invoke(bean)) {
        return null;
      }
      type.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
      return MethodHandles.publicLookup()
          .findVirtual(type, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
          .bindTo(bean);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static long allocatedBytes(MethodHandle counter) {
    try {
      return (long) counter.invokeExact();
    } catch (Throwable t) {
      throw new AssertionError("cannot read the allocation counter", t);
    }
  }

  /**
   * Every method over varied inputs. The seed changes four times per run, as a map's does when it
   * is reseeded, and stays put in between: a hasher may cache work per seed (aeshash-go119 keeps
   * its seed round), which costs a few small objects per new seed, never one per call.
   */
  private static long run(Hasher h, byte[] data, int rounds) {
    long acc = 0;
    for (int i = 0; i < rounds; i++) {
      long seed = 0x9e3779b97f4a7c15L * (1 + i / (rounds / 4));
      int len = i % 300;
      acc += h.memhash(data, i & 7, len, seed);
      acc += h.memhash32(i ^ (int) acc, seed);
      acc += h.memhash64(acc, seed);
      acc += h.f32hash(i * 0.5f, seed);
      acc += h.f64hash(i == 17 ? Double.NaN : i * 0.25, seed);
    }
    return acc;
  }
}
