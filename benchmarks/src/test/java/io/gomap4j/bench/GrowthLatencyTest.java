package io.gomap4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The growth-latency harness times every step of a fill, for a map and for the no-map control. */
class GrowthLatencyTest {

  private static final int SIZE = 3_000;

  @Test
  void timesEveryPutOfAMapAndRecordsItsLargestAllocation() {
    Map<String, Object> r = GrowthLatency.measure("gomap", SIZE);
    assertThat(r).containsEntry("impl", "gomap").containsEntry("label", "LongLongGoMap");
    assertThat(((Map<?, ?>) r.get("all")).get("count")).isEqualTo((long) SIZE);
    // The steps over 20 us, which the p99.99 target counts: none to all of them, never more.
    assertThat((Long) ((Map<?, ?>) r.get("all")).get("over20usCount")).isBetween(0L, (long) SIZE);
    // A growing map allocates (pages, overflow buckets), so the largest allocation is seen.
    assertThat((Long) r.get("maxBytesAllocatedByOnePut")).isPositive();
  }

  @Test
  void theControlTimesTheSameNumberOfStepsAndAllocatesNothingOfItsOwn() {
    Map<String, Object> r = GrowthLatency.measure(GrowthLatency.CONTROL, SIZE);
    assertThat(r).containsEntry("impl", GrowthLatency.CONTROL);
    assertThat((String) r.get("label")).contains("no map");
    assertThat(((Map<?, ?>) r.get("all")).get("count")).isEqualTo((long) SIZE);
    assertThat(((Map<?, ?>) r.get("excludingGc")).get("count"))
        .isEqualTo((long) SIZE - ((Number) ((Map<?, ?>) r.get("excludingGc")).get("excludedPuts"))
            .longValue());
    // The steps themselves allocate nothing; the runtime may charge a step with a little of its
    // own work (a call site linked, a method compiled): 1,360 bytes once, in a fresh JVM.
    assertThat((Long) r.get("maxBytesAllocatedByOnePut")).isLessThan(4096);
  }

  @Test
  void controlStepsAllocateLessThanAByteEach() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    GrowthLatency.Step step = GrowthLatency.controlStep(GrowthLatency.filledControlArray(SIZE));
    int steps = 200_000;
    step.run(0);
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < steps; i++) {
      step.run(i);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated by %,d control steps", steps).isLessThan(steps);
  }

  @Test
  void badRepeatOptionsAreRefusedBeforeAnyFill() {
    // Both throw before a child JVM starts: a fill to the default 10,000,000 would take minutes.
    assertThatThrownBy(() -> GrowthLatency.main(new String[] {"--repeat-impl", "gomapp"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--repeat-impl names 'gomapp'; allowed: gomap, gomap-boxed,")
        .hasMessageEndingWith(", control");
    assertThatThrownBy(() -> GrowthLatency.main(new String[] {"--repeat", "0"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--repeat must be a whole number of at least 1");
  }

  @Test
  void aFillsFiguresAreItsFiguresExcludingGc() {
    Map<String, Object> r = GrowthLatency.measure(GrowthLatency.CONTROL, SIZE);
    Map<String, Object> f = GrowthLatency.fillFigures(r);
    Map<?, ?> ex = (Map<?, ?>) r.get("excludingGc");
    assertThat(f).containsOnlyKeys("fillMillis", "maxNanos", "p99_99Nanos", "over20usCount")
        .containsEntry("fillMillis", r.get("fillMillis"))
        .containsEntry("maxNanos", ex.get("maxNanos"))
        .containsEntry("p99_99Nanos", ex.get("p99_99Nanos"))
        .containsEntry("over20usCount", ex.get("over20usCount"));
  }
}
