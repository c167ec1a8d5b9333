package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.testing.TestPlugins;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LongLongGoMap}'s get, containsKey, put, remove and forEach do not box and allocate
 * nothing per entry once the map holds its keys. Measured with the JVM's per-thread allocation
 * counter, which counts bytes, not time, so the test is deterministic.
 */
class NoBoxingTest {

  private static final int KEYS = 50_000;
  private static final int ROUNDS = 200_000;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"amd64", "386"})
  @DisplayName("Primitive get, containsKey, put, remove and forEach allocate nothing per call")
  void primitivePathsDoNotAllocate(String layout) {
    MethodHandle counter = allocationCounter();
    assumeTrue(counter != null, "this JVM has no per-thread allocation counter");
    LongLongGoMap map = TestPlugins.builder(layout, 7).expectedSize(KEYS).buildLongLong();
    for (long k = 0; k < KEYS; k++) {
      map.put(k * 0x9E3779B97F4A7C15L, k);
    }
    long sink = run(map);
    long before = allocatedBytes(counter);
    sink += run(map);
    long allocated = allocatedBytes(counter) - before;
    // Each round is 5 map calls; one forEach over 50,000 entries may allocate its cursor.
    assertThat(allocated).as("bytes allocated over %d rounds (sink %d)", ROUNDS, sink)
        .isLessThan(ROUNDS);
    assertThat(map.size()).isEqualTo(KEYS);
  }

  private static long run(LongLongGoMap map) {
    long acc = 0;
    for (int i = 0; i < ROUNDS; i++) {
      long k = (i % KEYS) * 0x9E3779B97F4A7C15L;
      acc += map.get(k);
      acc += map.containsKey(k + 1) ? 1 : 0;
      acc += map.put(k, i);
      acc += map.remove(k);
      map.put(k, acc);
    }
    long[] sum = {0};
    map.forEach((k, v) -> sum[0] += k ^ v);
    return acc + sum[0];
  }

  /** {@code getCurrentThreadAllocatedBytes()} of the platform's thread bean, or null. */
  static MethodHandle allocationCounter() {
    try {
      Object bean = Class.forName("java.lang.management.ManagementFactory")
          .getMethod("getThreadMXBean").invoke(null);
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

  static long allocatedBytes(MethodHandle counter) {
    try {
      return (long) counter.invokeExact();
    } catch (Throwable t) {
      throw new AssertionError("cannot read the allocation counter", t);
    }
  }
}
