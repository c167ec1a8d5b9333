package io.gomap4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gomap4j.api.LongLongGoMap;
import io.gomap4j.engine.testing.TestPlugins;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Growth is spread over writes in memory as in work: no put allocates (and so zeroes) the grown
 * bucket array, only its page table and the pages the put writes. Measured with the JVM's
 * per-thread allocation counter, which counts bytes, not time, so the test is deterministic.
 */
class GrowthAllocationTest {

  /** The old array's B: the grow measured doubles 2^14 buckets to 2^15. */
  private static final int OLD_B = 14;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TestPlugins.AMD64, TestPlugins.I386})
  @DisplayName("Every put of a doubling to 2^15 buckets, the one that starts it included, allocates"
      + " under a twentieth of the new array")
  void noPutAllocatesTheGrownArray(String layout) {
    MethodHandle counter = NoBoxingTest.allocationCounter();
    assumeTrue(counter != null, "this JVM has no per-thread allocation counter");
    LongLongGoMap m = TestPlugins.builder(layout, 3).buildLongLong();
    MapCore core = MapInternals.core(m);
    long k = 0;
    while (core.B < OLD_B || core.growing()) {
      m.put(GrowthTest.key(k++), k);
    }
    // 2^15 buckets of at least 8 tophash bytes and 8 keys and 8 elems of 8 bytes each.
    long newArray = (1L << (OLD_B + 1)) * (8 + 16 * 8);
    long most = 0;
    int puts = 0;
    boolean grew = false;
    while (!grew || core.growing()) {
      long before = NoBoxingTest.allocatedBytes(counter);
      m.put(GrowthTest.key(k++), k);
      long bytes = NoBoxingTest.allocatedBytes(counter) - before;
      grew |= core.B == OLD_B + 1;
      if (grew) {
        most = Math.max(most, bytes);
        puts++;
      }
    }
    assertThat(m.stats().B()).isEqualTo(OLD_B + 1);
    assertThat(puts).as("puts of the grow").isGreaterThan(1000);
    assertThat(most).as("most bytes one put of the grow allocated (the new array: %,d)", newArray)
        .isPositive()
        .isLessThan(newArray / 20);
    MapInternals.checkInvariants(m);
  }
}
